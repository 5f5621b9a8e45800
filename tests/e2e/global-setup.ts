import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, startPreview } from './preview-server.ts';
import { startTeamServer } from './team-server.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The browser tests' own production build, with their fixture lessons and quiz added. */
const OUT_DIR = join(ROOT, 'node_modules/.cache/parley-e2e/dist');
const FIXTURES = 'tests/fixtures/e2e';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The build on a static host (`vite preview`): no team server, practice only. */
    baseURL: string;
    /** The same build served by the real team server, with its API, on a fresh embedded database. */
    teamURL: string;
    /** The build's folder, for tests that inspect what was shipped. */
    distDir: string;
  }
}

/** Builds the app, serves it statically and through the team server, and stops both after the run. */
export default async function setup(project: TestProject) {
  await buildApp(OUT_DIR, FIXTURES);
  const preview = await startPreview(OUT_DIR);
  const team = await startTeamServer(OUT_DIR, FIXTURES).catch((error: unknown) => {
    preview.stop();
    throw error;
  });
  project.provide('baseURL', preview.url);
  project.provide('teamURL', team.url);
  project.provide('distDir', OUT_DIR);
  return async () => {
    preview.stop();
    await team.stop();
  };
}
