import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Median wall time of `runs` fresh `node bin/parley.js ...` processes, after
 * one warm-up run (which fills tsx's transform cache, as any second use
 * would). Each run is a whole start-up: Node, tsx, the command, its exit.
 */
function startUp(args: string[], runs: number): { median: number; min: number; max: number } {
  const once = () => {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, ['bin/parley.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = performance.now() - t0;
    if (result.status !== 0) throw new Error(`parley ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return ms;
  };
  once();
  const samples = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]!, max: samples.at(-1)! };
}

/** Start-up of the CLI: `parley --help` and `parley lint` on the whole repository. */
export async function benchCli(): Promise<{ ok: boolean }> {
  const help = startUp(['--help'], 9);
  const lint = startUp(['lint'], 7);
  const helpOk = help.median < 300;
  const lintOk = lint.median < 1000;
  const row = (t: typeof help) => `${t.median.toFixed(0).padStart(5)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;
  console.log('\nCLI start-up (fresh process each run, median)');
  console.log(`  parley --help:             ${row(help)}  (target < 300 ms) ${helpOk ? 'ok' : 'MISSED'}`);
  console.log(`  parley lint (whole repo):  ${row(lint)}  (target < 1000 ms) ${lintOk ? 'ok' : 'MISSED'}`);
  return { ok: helpOk && lintOk };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCli();
