/**
 * The server side of the load benchmark, run in its own process so the
 * load generator does not share its CPU: a team server on the embedded
 * PGlite database in the given folder, with the generated 20-question quiz
 * and a team of reps whose passwords are hashed at the production cost.
 * Prints `{"port":N}` once listening; SIGTERM closes it and flushes the data.
 *
 * Usage: tsx bench/server-load-server.ts DATA_DIR REPS PASSWORD
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { compileQuiz } from '../src/core/quiz/compile-quiz.ts';
import { readProjectRubrics } from '../src/node/content-files.ts';
import { hashPassword } from '../src/server/auth/password.ts';
import { listen } from '../src/server/listen.ts';
import { newId } from '../src/server/random-token.ts';
import { openTeamServer } from '../src/server/team-server.ts';
import { loadTestQuiz } from './server-load-quiz.ts';

const [dataDir, repsArg, password] = process.argv.slice(2);
if (!dataDir || !repsArg || !password) throw new Error('usage: server-load-server.ts DATA_DIR REPS PASSWORD');
const ROOT = new URL('..', import.meta.url).pathname;
const quiz = compileQuiz(loadTestQuiz(), 'bench/load-test.md').value!;
let errors = 0;
const server = await openTeamServer({
  root: ROOT,
  database: { dataDir },
  content: { quizzes: new Map([[quiz.id, quiz]]), scenarios: new Map(), rubrics: await readProjectRubrics(ROOT), diagnostics: [] },
  logError: (error) => {
    errors += 1;
    console.error(error);
  },
});

// A team of reps, written straight to the database: set-up, not what is measured.
const db = server.context.db;
const hash = await hashPassword(password);
const now = new Date();
const managerId = newId('u');
const teamId = newId('t');
await db.query("insert into users (id, email, name, role, password_hash, created_at) values ($1, 'manager@load.test', 'Load Manager', 'manager', $2, $3)", [managerId, hash, now]);
await db.query('insert into teams (id, name, created_by, created_at) values ($1, $2, $3, $4)', [teamId, 'Load team', managerId, now]);
await db.query('update users set team_id = $1, joined_team_at = $2 where id = $3', [teamId, now, managerId]);
for (let i = 0; i < Number(repsArg); i++) {
  await db.query("insert into users (id, email, name, role, password_hash, team_id, joined_team_at, created_at) values ($1, $2, $3, 'rep', $4, $5, $6, $6)", [
    newId('u'),
    `rep${i}@load.test`,
    `Rep ${i}`,
    hash,
    teamId,
    now,
  ]);
}

// Time spent inside the app per request, and how long the event loop was blocked: what the server itself adds.
const handled: number[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const { server: http, port } = await listen(
  async (request) => {
    const t0 = performance.now();
    const response = await server.app.fetch(request);
    handled.push(performance.now() - t0);
    return response;
  },
  0,
  '127.0.0.1',
);
console.log(JSON.stringify({ port }));
process.once('SIGTERM', () => {
  http.close(async () => {
    await server.close();
    handled.sort((a, b) => a - b);
    const at = (p: number) => handled[Math.min(handled.length - 1, Math.ceil((p / 100) * handled.length) - 1)] ?? 0;
    console.log(JSON.stringify({ errors, handledP50: at(50), handledP99: at(99), loopDelayP99: loopDelay.percentile(99) / 1e6, loopDelayMax: loopDelay.max / 1e6 }));
    process.exit(0);
  });
  // Keep-alive connections would hold close() open.
  http.closeAllConnections();
});
