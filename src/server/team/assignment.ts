import type { Queryable } from '../db/database.ts';
import type { ServerContent } from '../server-content.ts';

/** An assignment as stored. */
export interface AssignmentRow {
  id: string;
  team_id: string;
  kind: 'quiz' | 'scenario';
  content_id: string;
  user_id: string | null;
  due_at: Date;
  created_by: string;
  created_at: Date;
}

export const ASSIGNMENT_COLUMNS = 'id, team_id, kind, content_id, user_id, due_at, created_by, created_at';

export type AssignmentStatus = 'done' | 'done_late' | 'pending' | 'overdue';

/** One rep's standing on one assignment. */
export interface RepStanding {
  userId: string;
  name: string;
  status: AssignmentStatus;
  completedAt: Date | null;
}

/** What counts as doing assignments, for a set of reps: their certificates and their synced runs. */
export interface Evidence {
  certificates: { user_id: string; quiz_id: string; issued_at: Date; expires_at: Date }[];
  runs: { user_id: string; scenario_id: string; finished_at: Date }[];
}

/** Reads what `standing` needs for the given reps, in two queries. */
export async function loadEvidence(db: Queryable, userIds: readonly string[]): Promise<Evidence> {
  if (userIds.length === 0) return { certificates: [], runs: [] };
  const certificates = await db.query<Evidence['certificates'][number]>(
    'select user_id, quiz_id, issued_at, expires_at from certificates where revoked_at is null and user_id = any($1::text[])',
    [userIds],
  );
  const runs = await db.query<Evidence['runs'][number]>('select user_id, scenario_id, finished_at from practice_runs where user_id = any($1::text[])', [userIds]);
  return { certificates, runs };
}

/**
 * Whether a rep has done an assignment. A quiz is done with a certificate
 * for it that is still valid on the due date (an older pass counts if it
 * has not run out by then); a scenario with a finished run of it synced
 * from after the assignment was made. Done after the due date is
 * `done_late`; not done and past due is `overdue`.
 */
export function standing(assignment: AssignmentRow, rep: { id: string; name: string }, evidence: Evidence, now: Date): RepStanding {
  const times =
    assignment.kind === 'quiz'
      ? evidence.certificates.filter((c) => c.user_id === rep.id && c.quiz_id === assignment.content_id && c.expires_at > assignment.due_at).map((c) => c.issued_at)
      : evidence.runs.filter((r) => r.user_id === rep.id && r.scenario_id === assignment.content_id && r.finished_at >= assignment.created_at).map((r) => r.finished_at);
  const completedAt = times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
  const status: AssignmentStatus = completedAt ? (completedAt <= assignment.due_at ? 'done' : 'done_late') : assignment.due_at < now ? 'overdue' : 'pending';
  return { userId: rep.id, name: rep.name, status, completedAt };
}

/** The reps an assignment applies to: one rep, or every rep of the team. */
export function assignees<R extends { id: string }>(assignment: AssignmentRow, reps: readonly R[]): R[] {
  return assignment.user_id ? reps.filter((r) => r.id === assignment.user_id) : [...reps];
}

/** The title of what an assignment names (the id when the content is gone). */
export function contentTitle(content: ServerContent, kind: 'quiz' | 'scenario', id: string): string {
  return (kind === 'quiz' ? content.quizzes.get(id)?.title : content.scenarios.get(id)?.title) ?? id;
}

/** An assignment as the API returns it. */
export function assignmentJson(row: AssignmentRow, content: ServerContent) {
  return { id: row.id, kind: row.kind, contentId: row.content_id, title: contentTitle(content, row.kind, row.content_id), userId: row.user_id, dueAt: row.due_at, createdAt: row.created_at, createdBy: row.created_by };
}

/** Reps of a team, by name. */
export function teamReps(db: Queryable, teamId: string): Promise<{ id: string; name: string; email: string; joined_team_at: Date }[]> {
  return db.query("select id, name, email, joined_team_at from users where team_id = $1 and role = 'rep' order by name, id", [teamId]);
}
