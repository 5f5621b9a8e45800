import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { validateAnswers, type Answer } from '../../core/quiz/grade.ts';
import { requireUser } from '../auth/current-user.ts';
import { ApiError, conflict } from '../http/api-error.ts';
import { readJson } from '../http/json-body.ts';
import { loadAttempt, type LoadedAttempt } from '../quiz/attempt-access.ts';
import { ATTEMPT_COLUMNS, attemptJson, attemptSummary, type AttemptRow } from '../quiz/attempt-record.ts';
import { settleDueAttempts, submitAttempt } from '../quiz/attempt-grading.ts';
import { certificatesOfAttempts } from '../quiz/certificate.ts';
import { overridesOfAttempts } from '../review/overrides.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';

const answersField = z.record(z.string().max(200, { error: 'a question id is at most 200 characters' }), z.unknown(), { error: 'answers must be an object of question id to answer' });
const saveBody = z.object({ answers: answersField });
const submitBody = z.object({ answers: answersField.optional() });

/** Checks answers against the attempt's paper: a 400 naming the first problem. */
function checkAnswers(row: AttemptRow, answers: Record<string, unknown>): void {
  const problems = validateAnswers(row.paper, answers);
  if (problems.length) throw new ApiError(400, 'bad_answers', problems[0]!.reason, { problems: problems.slice(0, 20) });
}

/** The saved answers with the given ones laid over them (null clears one). */
function merged(saved: Record<string, Answer>, given: Record<string, unknown>): Record<string, Answer> {
  const out: Record<string, Answer> = { ...saved };
  for (const [id, answer] of Object.entries(given)) {
    if (answer === null || answer === undefined) delete out[id];
    else out[id] = answer as Answer;
  }
  return out;
}

/** Why an attempt no longer takes answers, as a 409 carrying the attempt. */
function closed(row: AttemptRow, view: unknown): ApiError {
  const reason =
    row.status === 'expired'
      ? 'time is up: this quiz refuses late submissions, so the attempt expired without a score'
      : row.submitted_by === 'timeout'
        ? 'time is up: the answers saved before the deadline were submitted at the deadline'
        : 'this attempt is already submitted';
  return conflict(reason, { attempt: view });
}

/** A rep's attempts: read, save answers as they go, submit. */
export function attemptRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  /** An attempt as the API shows it; only a submitted attempt can have been reviewed. */
  const view = async ({ row, certificate }: LoadedAttempt) => {
    const overrides = row.status === 'submitted' ? await overridesOfAttempts(server.db, [row.id]) : [];
    return attemptJson(row, certificate, overrides, server.clock());
  };

  app.get('/attempts', async (c) => {
    const user = requireUser(c);
    const quizId = c.req.query('quizId');
    await settleDueAttempts(server, [user.id]);
    const rows = await server.db.query<AttemptRow>(
      `select ${ATTEMPT_COLUMNS} from attempts where user_id = $1 ${quizId ? 'and quiz_id = $2' : ''} order by started_at desc, number desc`,
      quizId ? [user.id, quizId] : [user.id],
    );
    const certificates = await certificatesOfAttempts(server.db, rows.map((r) => r.id));
    const now = server.clock();
    return c.json({ attempts: rows.map((r) => attemptSummary(r, certificates.get(r.id), now)) });
  });

  app.get('/attempts/:id', async (c: Context<ServerEnv>) => {
    const loaded = await loadAttempt(server, requireUser(c), c.req.param('id')!, { manager: true });
    return c.json({ attempt: await view(loaded) });
  });

  app.put('/attempts/:id/answers', async (c) => {
    const user = requireUser(c);
    const { answers } = await readJson(c, saveBody);
    const loaded = await loadAttempt(server, user, c.req.param('id'), { manager: false });
    const { row } = loaded;
    if (row.status !== 'in_progress') throw closed(row, await view(loaded));
    checkAnswers(row, answers);
    const now = server.clock();
    const set = Object.fromEntries(Object.entries(answers).filter(([, a]) => a !== null && a !== undefined));
    const cleared = Object.keys(answers).filter((id) => !(id in set));
    // Merged in SQL, so two saves of different questions at once both land.
    const [saved] = await server.db.query<Pick<AttemptRow, 'answers' | 'answers_saved_at'>>(
      `update attempts set answers = (answers || $2::jsonb) - $3::text[], answers_saved_at = $4
        where id = $1 and status = 'in_progress' and deadline > $4
        returning answers, answers_saved_at`,
      [row.id, set, cleared, now],
    );
    if (!saved) {
      const current = await loadAttempt(server, user, row.id, { manager: false });
      throw current.row.status === 'in_progress' ? conflict('time is up: answers are no longer saved') : closed(current.row, await view(current));
    }
    return c.json({ answers: saved.answers, answersSavedAt: saved.answers_saved_at });
  });

  app.post('/attempts/:id/submit', async (c) => {
    const user = requireUser(c);
    // No body, or an empty one, submits the saved answers as they are.
    // Hono keeps the body once read, so readJson can read it again.
    const empty = (await c.req.text()).trim() === '';
    const given = empty ? {} : ((await readJson(c, submitBody)).answers ?? {});
    const loaded = await loadAttempt(server, user, c.req.param('id'), { manager: false });
    const { row } = loaded;
    if (row.status !== 'in_progress') throw closed(row, await view(loaded));
    checkAnswers(row, given);
    const done = await submitAttempt(server, row, merged(row.answers, given), 'rep');
    if (!done) {
      // Another submission won, or the deadline passed while this one was graded.
      const current = await loadAttempt(server, user, row.id, { manager: false });
      throw closed(current.row, await view(current));
    }
    // The result as submitted: a review can only come after this, and shows on the next read.
    return c.json({ attempt: attemptJson(done.attempt, done.certificate, [], server.clock()) });
  });

  return app;
}
