import { performance } from 'node:perf_hooks';
import { compileContent } from '../src/core/content/content-set.ts';
import { compileScenario } from '../src/core/scenario/compile-scenario.ts';
import { walkExhaustively } from '../src/core/explore/exhaustive-walk.ts';
import { readProjectContent } from '../src/node/content-files.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Median of `runs` timings of `work`, in milliseconds, after one warm-up. */
function time(work: () => void, runs: number): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Engine benchmark: compile time per scenario, whole-library compile and exhaustive walk. */
export async function benchEngine(): Promise<{ ok: boolean }> {
  const files = await readProjectContent(ROOT);
  const scenarioFiles = files.filter((f) => f.path.startsWith('scenarios/'));
  const lessonIds = new Set(compileContent(files.filter((f) => f.path.startsWith('content/'))).lessons.map((l) => l.id));
  const scenarios = scenarioFiles.map((f) => compileScenario(f.text, f.path, { lessonIds }).value!).filter(Boolean);

  console.log(`\nEngine (${scenarios.length} scenarios)`);
  console.log('  compile time per scenario (median of 20):');
  for (const f of scenarioFiles) {
    const ms = time(() => compileScenario(f.text, f.path, { lessonIds }), 20);
    console.log(`    ${f.path.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms`);
  }
  const compileAll = time(() => scenarioFiles.forEach((f) => compileScenario(f.text, f.path, { lessonIds })), 10);
  let states = 0;
  const walkAll = time(() => {
    states = 0;
    for (const s of scenarios) states += walkExhaustively(s).statesExplored;
  }, 5);
  const compileOk = compileAll < 200;
  const walkOk = walkAll < 2000;
  console.log(`  whole library compile:         ${compileAll.toFixed(1).padStart(8)} ms  (target < 200 ms) ${compileOk ? 'ok' : 'MISSED'}`);
  console.log(`  whole library exhaustive walk: ${walkAll.toFixed(1).padStart(8)} ms  (target < 2000 ms) ${walkOk ? 'ok' : 'MISSED'}  [${states} states]`);
  return { ok: compileOk && walkOk };
}
