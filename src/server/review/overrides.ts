import type { RubricId } from '../../core/content/vocabulary.ts';
import type { Queryable } from '../db/database.ts';

/** One human review of one rubric on one reply, as stored. Never updated or deleted. */
export interface OverrideRow {
  id: string;
  source: 'quiz' | 'practice';
  attempt_id: string | null;
  question_id: string | null;
  practice_run_id: string | null;
  turn_index: number | null;
  rubric: RubricId;
  old_level: number;
  new_level: number;
  comment: string;
  reviewer_id: string;
  reviewer_name: string;
  created_at: Date;
}

/** An override as the API returns it. */
export function overrideJson(row: OverrideRow) {
  return { id: row.id, rubric: row.rubric, oldLevel: row.old_level, newLevel: row.new_level, comment: row.comment, reviewer: { id: row.reviewer_id, name: row.reviewer_name }, at: row.created_at };
}

const SELECT = `select o.id, o.source, o.attempt_id, o.question_id, o.practice_run_id, o.turn_index, o.rubric,
    o.old_level, o.new_level, o.comment, o.reviewer_id, u.name as reviewer_name, o.created_at
  from overrides o join users u on u.id = o.reviewer_id`;

/** Every override on the given attempts' replies, oldest first. */
export function overridesOfAttempts(db: Queryable, attemptIds: readonly string[]): Promise<OverrideRow[]> {
  if (attemptIds.length === 0) return Promise.resolve([]);
  return db.query<OverrideRow>(`${SELECT} where o.attempt_id = any($1::text[]) order by o.created_at, o.seq`, [attemptIds]);
}

/** Every override on the given practice runs' replies, oldest first. */
export function overridesOfRuns(db: Queryable, runIds: readonly string[]): Promise<OverrideRow[]> {
  if (runIds.length === 0) return Promise.resolve([]);
  return db.query<OverrideRow>(`${SELECT} where o.practice_run_id = any($1::text[]) order by o.created_at, o.seq`, [runIds]);
}

/** The reply an override is about: `attemptId/questionId` or `runId/turn`. */
export function replyKey(row: Pick<OverrideRow, 'source' | 'attempt_id' | 'question_id' | 'practice_run_id' | 'turn_index'>): string {
  return row.source === 'quiz' ? `${row.attempt_id}/${row.question_id}` : `${row.practice_run_id}/${row.turn_index}`;
}

/** Overrides grouped by reply, oldest first within each. */
export function groupByReply(rows: readonly OverrideRow[]): Map<string, OverrideRow[]> {
  const byReply = new Map<string, OverrideRow[]>();
  for (const row of rows) {
    const key = replyKey(row);
    const list = byReply.get(key);
    if (list) list.push(row);
    else byReply.set(key, [row]);
  }
  return byReply;
}

/** The level that counts for each rubric of one reply: the newest override's. */
export function humanLevels(rows: readonly OverrideRow[] | undefined): Partial<Record<RubricId, number>> {
  const levels: Partial<Record<RubricId, number>> = {};
  for (const row of rows ?? []) levels[row.rubric] = row.new_level;
  return levels;
}
