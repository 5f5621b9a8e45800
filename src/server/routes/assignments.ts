import { Hono } from 'hono';
import { z } from 'zod';
import { requireTeamManager, requireUser } from '../auth/current-user.ts';
import { badRequest, forbidden, notFound } from '../http/api-error.ts';
import { readJson, text } from '../http/json-body.ts';
import { settleDueAttempts } from '../quiz/attempt-grading.ts';
import { newId } from '../random-token.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';
import { ASSIGNMENT_COLUMNS, assignees, assignmentJson, loadEvidence, standing, teamReps, type AssignmentRow } from '../team/assignment.ts';

const assignmentBody = z.object({
  kind: z.enum(['quiz', 'scenario'], { error: 'must be "quiz" or "scenario"' }),
  contentId: text('the id of a quiz or scenario').min(1, { error: 'the id of a quiz or scenario is required' }).max(200, { error: 'at most 200 characters' }),
  userId: z.string().max(100, { error: 'at most 100 characters' }).nullish(),
  dueAt: z.iso.datetime({ offset: true, error: 'must be a date and time in ISO 8601, e.g. 2026-04-01T17:00:00Z' }).transform((s) => new Date(s)),
});

/** Managers assign quizzes and scenarios with due dates; reps see theirs. */
export function assignmentRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.post('/team/assignments', async (c) => {
    const manager = requireTeamManager(c);
    const body = await readJson(c, assignmentBody);
    const known = body.kind === 'quiz' ? server.content.quizzes.has(body.contentId) : server.content.scenarios.has(body.contentId);
    if (!known) throw badRequest(`contentId: there is no ${body.kind} "${body.contentId}"`);
    if (body.userId) {
      const [rep] = await server.db.query<{ team_id: string | null; role: string }>('select team_id, role from users where id = $1', [body.userId]);
      if (!rep) throw badRequest('userId: there is no such user');
      if (rep.team_id !== manager.teamId) throw forbidden('this rep is not in your team');
      if (rep.role !== 'rep') throw badRequest('userId: assignments are for reps');
    }
    const row: AssignmentRow = {
      id: newId('as'),
      team_id: manager.teamId,
      kind: body.kind,
      content_id: body.contentId,
      user_id: body.userId ?? null,
      due_at: body.dueAt,
      created_by: manager.id,
      created_at: server.clock(),
    };
    await server.db.query(`insert into assignments (${ASSIGNMENT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      row.id,
      row.team_id,
      row.kind,
      row.content_id,
      row.user_id,
      row.due_at,
      row.created_by,
      row.created_at,
    ]);
    return c.json({ assignment: assignmentJson(row, server.content) }, 201);
  });

  app.get('/team/assignments', async (c) => {
    const manager = requireTeamManager(c);
    const rows = await server.db.query<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignments where team_id = $1 order by due_at, id`, [manager.teamId]);
    const reps = await teamReps(server.db, manager.teamId);
    // A timed-out attempt may have passed: settle before counting certificates.
    await settleDueAttempts(server, reps.map((r) => r.id));
    const evidence = await loadEvidence(server.db, reps.map((r) => r.id));
    const now = server.clock();
    return c.json({
      assignments: rows.map((row) => ({ ...assignmentJson(row, server.content), reps: assignees(row, reps).map((rep) => standing(row, rep, evidence, now)) })),
    });
  });

  app.delete('/team/assignments/:id', async (c) => {
    const manager = requireTeamManager(c);
    const [row] = await server.db.query<{ team_id: string }>('select team_id from assignments where id = $1', [c.req.param('id')]);
    if (!row) throw notFound('there is no such assignment');
    if (row.team_id !== manager.teamId) throw forbidden('this assignment belongs to another team');
    await server.db.query('delete from assignments where id = $1', [c.req.param('id')]);
    return c.body(null, 204);
  });

  app.get('/me/assignments', async (c) => {
    const user = requireUser(c);
    // Assignments are for reps; a manager sees the team's at /team/assignments.
    if (!user.teamId || user.role !== 'rep') return c.json({ assignments: [] });
    await settleDueAttempts(server, [user.id]);
    const rows = await server.db.query<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignments where team_id = $1 and (user_id is null or user_id = $2) order by due_at, id`, [
      user.teamId,
      user.id,
    ]);
    const evidence = await loadEvidence(server.db, [user.id]);
    const now = server.clock();
    return c.json({
      assignments: rows.map((row) => {
        const mine = standing(row, user, evidence, now);
        return { ...assignmentJson(row, server.content), status: mine.status, completedAt: mine.completedAt };
      }),
    });
  });

  return app;
}
