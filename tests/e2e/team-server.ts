/**
 * The real team server for the browser tests: the same build the other
 * tests use, served with the API on an embedded database in a temporary
 * folder, with the project's content plus the browser tests' fixtures (a
 * short certification quiz) compiled the way `parley serve` compiles them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { compileContent } from '../../src/core/content/content-set.ts';
import { readContentFiles } from '../../src/node/content-files.ts';
import { listen } from '../../src/server/listen.ts';
import type { ServerContent } from '../../src/server/server-content.ts';
import { openTeamServer } from '../../src/server/team-server.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Starts the team server on a free port over `staticDir`; `stop` closes it and deletes its data. */
export async function startTeamServer(staticDir: string, extraContent: string): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-e2e-data-'));
  const { files } = await readContentFiles(['content', 'scenarios', extraContent], ROOT);
  const set = compileContent(files);
  const content: ServerContent = {
    quizzes: new Map(set.quizzes.map((q) => [q.id, q])),
    scenarios: new Map(set.scenarios.map((s) => [s.id, { id: s.id, title: s.title, skills: s.skills }])),
    rubrics: set.rubrics,
    diagnostics: set.diagnostics,
  };
  const server = await openTeamServer({ root: ROOT, database: { dataDir }, content, staticDir });
  let http: Server;
  try {
    http = (await listen(server.app.fetch, 0, '127.0.0.1')).server;
  } catch (error) {
    await server.close();
    throw error;
  }
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections?.();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
