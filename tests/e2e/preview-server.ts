/**
 * The production build served the way users get it, for the browser tests
 * and the web benchmark: `vite build` into a cache folder, then `vite preview`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Builds the app for production; `extraContent` adds folders of content (e.g. test fixtures). */
export async function buildApp(outDir: string, extraContent?: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  if (extraContent) process.env.PARLEY_EXTRA_CONTENT = extraContent;
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
    delete process.env.PARLEY_EXTRA_CONTENT;
  }
}

/** Serves a build with `vite preview` on a free port; resolves once it answers. */
export async function startPreview(outDir: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  // Started by its own binary so its pid is the server's and can be stopped.
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(url, child);
  return { url, stop: () => child.kill('SIGTERM') };
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
