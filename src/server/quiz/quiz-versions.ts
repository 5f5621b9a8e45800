import type { Quiz } from '../../core/quiz/quiz.ts';
import type { Queryable } from '../db/database.ts';
import type { ServerContext } from '../server-context.ts';

/**
 * Records each quiz version this server offers, keyed by content hash, so
 * an attempt is always graded against the version it was drawn from, by
 * whichever instance receives the submission, even after the file changed.
 */
export async function recordQuizVersions(db: Queryable, quizzes: Iterable<Quiz>, now: Date): Promise<void> {
  for (const quiz of quizzes) {
    await db.query('insert into quiz_versions (content_hash, quiz_id, quiz, first_seen_at) values ($1, $2, $3, $4) on conflict (content_hash) do nothing', [
      quiz.contentHash,
      quiz.id,
      quiz as unknown as Record<string, unknown>,
      now,
    ]);
  }
}

/**
 * The quiz version an attempt was drawn from: the loaded quiz when it is the
 * same version, else the stored one (read through `db`, which inside a
 * transaction must be the transaction).
 */
export async function quizVersion(server: ServerContext, quizId: string, contentHash: string, db: Queryable = server.db): Promise<Quiz> {
  const loaded = server.content.quizzes.get(quizId);
  if (loaded?.contentHash === contentHash) return loaded;
  const [row] = await db.query<{ quiz: Quiz }>('select quiz from quiz_versions where content_hash = $1', [contentHash]);
  if (!row) throw new Error(`quiz version ${contentHash} of ${quizId} is not recorded`);
  return row.quiz;
}
