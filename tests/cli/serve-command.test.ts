import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('parley serve', () => {
  it('refuses a port that is not a port with exit code 2', async () => {
    const { code, err } = await runCli('serve', '--port', 'eighty');
    expect(code).toBe(2);
    expect(err).toContain('--port must be a number from 0 to 65535');
  });

  it('runs the team API on the embedded database in --data and stops cleanly on SIGTERM', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-serve-'));
    const env = { ...process.env, DATABASE_URL: '' };
    const child = spawn(process.execPath, ['bin/parley.js', 'serve', '--port', '0', '--data', dataDir, '--dir', 'no-such-build'], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(health).toEqual({ ok: true, database: 'pglite', migration: 1 });
    expect(code).toBe(0);
    expect(await readdir(dataDir)).toContain('PG_VERSION');
  }, 60_000);
});
