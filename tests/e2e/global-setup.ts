import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The browser tests' own production build, with their fixture lessons added. */
const OUT_DIR = join(ROOT, 'node_modules/.cache/parley-e2e/dist');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Builds the app, serves it with `vite preview`, and stops it after the run. */
export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  process.env.PARLEY_EXTRA_CONTENT = 'tests/fixtures/e2e';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
    delete process.env.PARLEY_EXTRA_CONTENT;
  }

  const port = await freePort();
  // Started by its own binary so its pid is the server's and can be stopped.
  const preview: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForServer(baseURL, preview);
  project.provide('baseURL', baseURL);

  return () => {
    preview.kill('SIGTERM');
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not answer at ${url}:\n${output}`);
}
