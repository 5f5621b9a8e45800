import { Hono } from 'hono';
import { z } from 'zod';
import { completedRunSchema } from '../../core/progress/progress-file.ts';
import type { CompletedRun } from '../../core/progress/progress.ts';
import { requireUser } from '../auth/current-user.ts';
import { readJson } from '../http/json-body.ts';
import { PRACTICE_LIST_COLUMNS, practiceRunSummary, replyCount, type PracticeRunListRow } from '../practice/practice-run.ts';
import { newId } from '../random-token.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';

export const MAX_RUNS_PER_SYNC = 50;

const syncBody = z.object({
  runs: z
    .array(completedRunSchema, { error: 'runs must be a list of finished runs' })
    .min(1, { error: 'send at least one run' })
    .max(MAX_RUNS_PER_SYNC, { error: `at most ${MAX_RUNS_PER_SYNC} runs per request` }),
});

/** Practice runs synced from signed-in reps' browsers. */
export function practiceRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.post('/practice/runs', async (c) => {
    const user = requireUser(c);
    const { runs } = await readJson(c, syncBody);
    const now = server.clock();
    let added = 0;
    for (const parsed of runs) {
      const run = parsed as unknown as CompletedRun;
      // A run already synced is skipped, so the app can resend after a lost answer.
      const rows = await server.db.query(
        `insert into practice_runs (id, user_id, run_id, scenario_id, scenario_title, finished_at, outcome, kind, score, levels, replies, run, synced_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (user_id, run_id) do nothing returning id`,
        [newId('pr'), user.id, run.id, run.scenarioId, run.scenarioTitle, run.finishedAt, run.outcome, run.kind, run.score, run.levels, replyCount(run), run as unknown as Record<string, unknown>, now],
      );
      added += rows.length;
    }
    return c.json({ added, alreadyThere: runs.length - added });
  });

  app.get('/practice/runs', async (c) => {
    const user = requireUser(c);
    const rows = await server.db.query<PracticeRunListRow>(`select ${PRACTICE_LIST_COLUMNS} from practice_runs p where p.user_id = $1 order by p.finished_at desc, p.id`, [user.id]);
    return c.json({ runs: rows.map(practiceRunSummary) });
  });

  return app;
}
