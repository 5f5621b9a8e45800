import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, startPreview } from './preview-server.ts';

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
  await buildApp(OUT_DIR, 'tests/fixtures/e2e');
  const server = await startPreview(OUT_DIR);
  project.provide('baseURL', server.url);
  return () => server.stop();
}
