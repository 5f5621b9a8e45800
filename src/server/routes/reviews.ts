import { Hono } from 'hono';
import { z } from 'zod';
import { RUBRIC_IDS, type RubricId } from '../../core/content/vocabulary.ts';
import type { QuestionGrade } from '../../core/quiz/grade.ts';
import { requireTeamManager } from '../auth/current-user.ts';
import type { Queryable } from '../db/database.ts';
import { badRequest, forbidden, notFound } from '../http/api-error.ts';
import { readJson, text } from '../http/json-body.ts';
import { byTurn, PRACTICE_COLUMNS, practiceReplies, practiceReplyJson, reviewedLevels, reviewedResults, type PracticeRunRow } from '../practice/practice-run.ts';
import { newId } from '../random-token.ts';
import { ATTEMPT_COLUMNS, attemptColumns, attemptJson, type AttemptRow } from '../quiz/attempt-record.ts';
import { regradeAttempt } from '../quiz/attempt-grading.ts';
import { certificatesOfAttempts } from '../quiz/certificate.ts';
import { groupByReply, overrideJson, overridesOfAttempts, overridesOfRuns, type OverrideRow } from '../review/overrides.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';
import { teamReps } from '../team/assignment.ts';

const LIST_LIMIT = 500;

const overrideBody = z.object({
  rubric: z.enum(RUBRIC_IDS, { error: `must be one of ${RUBRIC_IDS.join(', ')}` }),
  level: z.number({ error: 'must be a level from 0 to 4' }).int({ error: 'must be a whole level from 0 to 4' }).min(0, { error: 'must be a level from 0 to 4' }).max(4, { error: 'must be a level from 0 to 4' }),
  comment: text('a comment saying why').trim().min(1, { error: 'a comment saying why is required' }).max(2000, { error: 'at most 2,000 characters' }),
});

type Rep = { id: string; name: string };

/** A graded reply question of an attempt, as review shows it. */
function quizReplyJson(row: AttemptRow, question: QuestionGrade, overrides: readonly OverrideRow[], rep: Rep, withEvidence: boolean) {
  const shown = row.paper.questions.find((q) => q.id === question.id);
  const thresholds = question.key && 'thresholds' in question.key ? question.key.thresholds : {};
  const results = reviewedResults(question.rubricResults ?? [], overrides);
  return {
    source: 'quiz' as const,
    attemptId: row.id,
    questionId: question.id,
    rep,
    at: row.submitted_at,
    title: row.paper.title,
    quizId: row.quiz_id,
    buyer: shown?.buyer ?? '',
    known: shown?.known ?? [],
    reply: question.answer && 'reply' in question.answer ? question.answer.reply : '',
    results: results.map((r) => ({
      ...(withEvidence ? r : { rubric: r.rubric, level: r.level, scoredLevel: r.scoredLevel, caps: r.caps, feedback: r.feedback }),
      threshold: thresholds[r.rubric] ?? null,
    })),
    overrides: overrides.map(overrideJson),
  };
}

/** The reply questions of a submitted attempt that the scorer rated (the scorer's grade, before review). */
const scoredReplies = (row: AttemptRow) => (row.grade?.questions ?? []).filter((q) => q.type === 'reply' && q.rubricResults?.length);

/** Human review: open any scored reply of the team, override a rubric level with a comment. */
export function reviewRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  /** An attempt of the manager's team, with its rep. */
  const teamAttempt = async (db: Queryable, teamId: string, attemptId: string, lock = false) => {
    const [row] = await db.query<AttemptRow & { rep_name: string; rep_team: string | null }>(
      `select ${attemptColumns('a')}, u.name as rep_name, u.team_id as rep_team
         from attempts a join users u on u.id = a.user_id where a.id = $1 ${lock ? 'for update of a' : ''}`,
      [attemptId],
    );
    if (!row) throw notFound('there is no such attempt');
    if (row.rep_team !== teamId) throw forbidden('this attempt belongs to someone outside your team');
    return row;
  };

  const teamRun = async (db: Queryable, teamId: string, runId: string, lock = false) => {
    const [row] = await db.query<PracticeRunRow & { rep_name: string; rep_team: string | null }>(
      `select ${PRACTICE_COLUMNS}, u.name as rep_name, u.team_id as rep_team from practice_runs p join users u on u.id = p.user_id where p.id = $1 ${lock ? 'for update of p' : ''}`,
      [runId],
    );
    if (!row) throw notFound('there is no such practice run');
    if (row.rep_team !== teamId) throw forbidden('this practice run belongs to someone outside your team');
    return row;
  };

  const quizReply = (row: AttemptRow & { rep_name: string }, questionId: string, overrides: readonly OverrideRow[]) => {
    const question = scoredReplies(row).find((q) => q.id === questionId);
    if (!question) throw notFound('there is no scored reply here: not a reply question, not answered, or the attempt is not submitted');
    return quizReplyJson(row, question, overrides.filter((o) => o.question_id === questionId), { id: row.user_id, name: row.rep_name }, true);
  };

  const practiceReply = (row: PracticeRunRow & { rep_name: string }, turn: number, overrides: readonly OverrideRow[]) => {
    const reply = practiceReplies(row.run, byTurn(overrides)).find((r) => r.turn === turn);
    if (!reply) throw notFound('there is no scored reply at this turn');
    return practiceReplyJson(row, reply, { id: row.user_id, name: row.rep_name }, true);
  };

  const turnOf = (param: string) => {
    const turn = Number(param);
    if (!Number.isInteger(turn) || turn < 0 || turn > 10_000) throw badRequest('turn: must be a turn number (0 or more)');
    return turn;
  };

  app.get('/team/replies', async (c) => {
    const manager = requireTeamManager(c);
    const source = c.req.query('source');
    const overridden = c.req.query('overridden');
    if (source !== undefined && source !== 'quiz' && source !== 'practice') throw badRequest('source: must be "quiz" or "practice"');
    if (overridden !== undefined && overridden !== 'true' && overridden !== 'false') throw badRequest('overridden: must be "true" or "false"');
    const reps = await teamReps(server.db, manager.teamId);
    const ids = reps.map((r) => r.id);
    const names = new Map(reps.map((r) => [r.id, r.name]));
    const items: ({ at: Date | null; overrides: unknown[] } & Record<string, unknown>)[] = [];
    if (ids.length && source !== 'practice') {
      const attempts = await server.db.query<AttemptRow>(
        `select ${ATTEMPT_COLUMNS} from attempts where status = 'submitted' and user_id = any($1::text[]) order by submitted_at desc limit ${LIST_LIMIT}`,
        [ids],
      );
      const overrides = groupByReply(await overridesOfAttempts(server.db, attempts.map((a) => a.id)));
      for (const row of attempts) {
        for (const q of scoredReplies(row)) items.push(quizReplyJson(row, q, overrides.get(`${row.id}/${q.id}`) ?? [], { id: row.user_id, name: names.get(row.user_id) ?? '' }, false));
      }
    }
    if (ids.length && source !== 'quiz') {
      const runs = await server.db.query<PracticeRunRow>(`select ${PRACTICE_COLUMNS} from practice_runs p where p.replies > 0 and p.user_id = any($1::text[]) order by p.finished_at desc limit ${LIST_LIMIT}`, [ids]);
      const overrides = await overridesOfRuns(server.db, runs.map((r) => r.id));
      for (const row of runs) {
        const mine = byTurn(overrides.filter((o) => o.practice_run_id === row.id));
        for (const reply of practiceReplies(row.run, mine)) items.push(practiceReplyJson(row, reply, { id: row.user_id, name: names.get(row.user_id) ?? '' }, false));
      }
    }
    const wanted = overridden === undefined ? items : items.filter((i) => (i.overrides.length > 0) === (overridden === 'true'));
    wanted.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0));
    return c.json({ replies: wanted.slice(0, LIST_LIMIT) });
  });

  app.get('/team/attempts/:attemptId/replies/:questionId', async (c) => {
    const manager = requireTeamManager(c);
    const row = await teamAttempt(server.db, manager.teamId, c.req.param('attemptId'));
    return c.json({ reply: quizReply(row, c.req.param('questionId'), await overridesOfAttempts(server.db, [row.id])) });
  });

  app.post('/team/attempts/:attemptId/replies/:questionId/overrides', async (c) => {
    const manager = requireTeamManager(c);
    const body = await readJson(c, overrideBody);
    const questionId = c.req.param('questionId');
    const now = server.clock();
    const reply = await server.db.transaction(async (tx) => {
      // Locked, so two reviewers overriding at once regrade one after the other.
      const row = await teamAttempt(tx, manager.teamId, c.req.param('attemptId'), true);
      const before = await overridesOfAttempts(tx, [row.id]);
      const current = quizReply(row, questionId, before);
      const result = current.results.find((r) => r.rubric === body.rubric);
      if (!result) throw badRequest(`rubric: this reply was scored on ${current.results.map((r) => r.rubric).join(', ')}`);
      await insertOverride(tx, { source: 'quiz', attemptId: row.id, questionId }, body, result.level, manager.id, now);
      const after = await overridesOfAttempts(tx, [row.id]);
      await regradeAttempt(server, tx, row.id, after);
      return quizReply(row, questionId, after);
    });
    const [row] = await server.db.query<AttemptRow>(`select ${ATTEMPT_COLUMNS} from attempts where id = $1`, [reply.attemptId]);
    const certificates = await certificatesOfAttempts(server.db, [row!.id]);
    const attempt = attemptJson(row!, certificates.get(row!.id), await overridesOfAttempts(server.db, [row!.id]), server.clock());
    return c.json({ reply, attempt }, 201);
  });

  app.get('/team/practice-runs/:runId/turns/:turn', async (c) => {
    const manager = requireTeamManager(c);
    const turn = turnOf(c.req.param('turn'));
    const row = await teamRun(server.db, manager.teamId, c.req.param('runId'));
    return c.json({ reply: practiceReply(row, turn, await overridesOfRuns(server.db, [row.id])) });
  });

  app.post('/team/practice-runs/:runId/turns/:turn/overrides', async (c) => {
    const manager = requireTeamManager(c);
    const turn = turnOf(c.req.param('turn'));
    const body = await readJson(c, overrideBody);
    const now = server.clock();
    const reply = await server.db.transaction(async (tx) => {
      const row = await teamRun(tx, manager.teamId, c.req.param('runId'), true);
      const before = await overridesOfRuns(tx, [row.id]);
      const current = practiceReply(row, turn, before);
      const result = current.results.find((r) => r.rubric === body.rubric);
      if (!result) throw badRequest(`rubric: this reply was scored on ${current.results.map((r) => r.rubric).join(', ')}`);
      await insertOverride(tx, { source: 'practice', runId: row.id, turn }, body, result.level, manager.id, now);
      const after = await overridesOfRuns(tx, [row.id]);
      // The run's skill levels as they now count, for the dashboard and the CSV.
      const levels = reviewedLevels(row.run, practiceReplies(row.run, byTurn(after)));
      await tx.query('update practice_runs set levels = $2 where id = $1', [row.id, levels]);
      return practiceReply(row, turn, after);
    });
    return c.json({ reply }, 201);
  });

  return app;
}

/** Records one override. Overrides are only ever added: the history is the audit trail. */
async function insertOverride(
  tx: Queryable,
  target: { source: 'quiz'; attemptId: string; questionId: string } | { source: 'practice'; runId: string; turn: number },
  body: { rubric: RubricId; level: number; comment: string },
  oldLevel: number,
  reviewerId: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into overrides (id, source, attempt_id, question_id, practice_run_id, turn_index, rubric, old_level, new_level, comment, reviewer_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      newId('ov'),
      target.source,
      target.source === 'quiz' ? target.attemptId : null,
      target.source === 'quiz' ? target.questionId : null,
      target.source === 'practice' ? target.runId : null,
      target.source === 'practice' ? target.turn : null,
      body.rubric,
      oldLevel,
      body.level,
      body.comment,
      reviewerId,
      now,
    ],
  );
}

