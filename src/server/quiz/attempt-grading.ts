import type { RubricId } from '../../core/content/vocabulary.ts';
import { gradePaper, type Answer, type QuizGrade } from '../../core/quiz/grade.ts';
import type { Paper } from '../../core/quiz/paper.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import type { ReplyScorer, RubricResult } from '../../core/scoring/reply-scorer.ts';
import type { Queryable } from '../db/database.ts';
import { humanLevels, type OverrideRow } from '../review/overrides.ts';
import type { ServerContext } from '../server-context.ts';
import { ATTEMPT_COLUMNS, type AttemptRow } from './attempt-record.ts';
import { CERTIFICATE_COLUMNS, CERTIFICATE_JOIN_COLUMNS, issueCertificate, joinedCertificate, revokeCertificate, type CertificateRow } from './certificate.ts';
import { newCertificateId } from '../random-token.ts';
import { quizVersion } from './quiz-versions.ts';

const DAY_MS = 86_400_000;

/**
 * Grades an attempt's answers and records the result, unless someone else
 * already did: the update only applies while the attempt is in progress
 * (and, for a rep's own submission, before the deadline), so of several
 * simultaneous submissions exactly one is recorded. A pass issues its
 * certificate in the same statement, so the two are stored together or not
 * at all. Returns the submitted attempt with its certificate, or undefined
 * when this submission lost.
 */
export async function submitAttempt(
  server: ServerContext,
  row: AttemptRow,
  answers: Record<string, Answer>,
  by: 'rep' | 'timeout',
): Promise<{ attempt: AttemptRow; certificate: CertificateRow | undefined } | undefined> {
  const quiz = await quizVersion(server, row.quiz_id, row.content_hash);
  // Grading (the scorer) runs before the statement, which then holds the database only briefly.
  const grade = gradePaper(quiz, row.paper, answers, server.scorer);
  const now = server.clock();
  const submittedAt = by === 'timeout' ? row.deadline : now;
  // A rep's submission must arrive before the deadline; settling a timed-out one has no such bound.
  const arrivedBefore = by === 'rep' ? now : new Date(0);
  const [done] = await server.db.query<AttemptRow & Record<string, unknown>>(
    `with done as (
       update attempts
          set status = 'submitted', answers = $2, submitted_at = $3, submitted_by = $4, scorer_version = $5,
              earned = $6, available = $7, percent = $8, passed = $9, grade = $10
        where id = $1 and status = 'in_progress' and deadline > $11
        returning ${ATTEMPT_COLUMNS}
     ), issued as (
       insert into certificates (id, attempt_id, user_id, quiz_id, name, quiz_title, holder_name, issued_at, expires_at)
       select $12, d.id, d.user_id, d.quiz_id, $13, $14, u.name, d.submitted_at, $15
         from done d join users u on u.id = d.user_id
        where d.passed
       on conflict (attempt_id) do update set revoked_at = null, revoked_reason = null
       returning ${CERTIFICATE_COLUMNS}
     )
     select d.*, ${CERTIFICATE_JOIN_COLUMNS} from done d left join issued c on c.attempt_id = d.id`,
    [
      row.id,
      answers,
      submittedAt,
      by,
      grade.scorerVersion,
      grade.earned,
      grade.available,
      grade.percent,
      grade.passed,
      grade as unknown as Record<string, unknown>,
      arrivedBefore,
      newCertificateId(),
      quiz.certificate.name,
      quiz.title,
      new Date(submittedAt.getTime() + quiz.certificate.validDays * DAY_MS),
    ],
  );
  return done && { attempt: done, certificate: joinedCertificate(done) };
}

/**
 * Settles an attempt whose time ran out while nobody was looking: there
 * are no timers on the server, so this runs whenever an attempt is read,
 * listed, resumed or submitted. `on_timeout: submit` grades what was saved
 * before the deadline; `reject` marks the attempt expired. Returns the
 * attempt as it now stands.
 */
export async function settleAttempt(server: ServerContext, row: AttemptRow): Promise<AttemptRow> {
  if (row.status !== 'in_progress' || row.deadline > server.clock()) return row;
  if (row.on_timeout === 'submit') {
    const settled = await submitAttempt(server, row, row.answers, 'timeout');
    if (settled) return settled.attempt;
  } else {
    const [expired] = await server.db.query<AttemptRow>(`update attempts set status = 'expired' where id = $1 and status = 'in_progress' returning ${ATTEMPT_COLUMNS}`, [row.id]);
    if (expired) return expired;
  }
  // Another request settled it first: read what it recorded.
  const [current] = await server.db.query<AttemptRow>(`select ${ATTEMPT_COLUMNS} from attempts where id = $1`, [row.id]);
  return current!;
}

/** Settles every overdue attempt of the given users (one query when none is due, the usual case). */
export async function settleDueAttempts(server: ServerContext, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const due = await server.db.query<AttemptRow>(`select ${ATTEMPT_COLUMNS} from attempts where status = 'in_progress' and deadline <= $1 and user_id = any($2::text[])`, [
    server.clock(),
    userIds,
  ]);
  for (const row of due) await settleAttempt(server, row);
}

/**
 * A scorer that gives back each reply's recorded results with the
 * reviewers' levels in place of the scorer's, so `gradePaper` regrades an
 * attempt with human levels without scoring anything again. Replies are
 * matched by the buyer line they answer and their text, in paper order.
 */
function reviewedScorer(paper: Paper, grade: QuizGrade, overrides: readonly OverrideRow[], fallback: ReplyScorer): ReplyScorer {
  const queues = new Map<string, RubricResult[][]>();
  for (const question of grade.questions) {
    const shown = paper.questions.find((q) => q.id === question.id);
    if (question.type !== 'reply' || !question.rubricResults || !shown || !question.answer || !('reply' in question.answer)) continue;
    const human = humanLevels(overrides.filter((o) => o.question_id === question.id));
    const key = `${shown.buyer ?? ''}\u0000${question.answer.reply}`;
    const results = question.rubricResults.map((r) => ({ ...r, level: human[r.rubric] ?? r.level }));
    queues.set(key, [...(queues.get(key) ?? []), results]);
  }
  return {
    version: grade.scorerVersion,
    score(reply, context, rubrics: readonly RubricId[]) {
      return queues.get(`${context.buyer}\u0000${reply}`)?.shift() ?? fallback.score(reply, context, rubrics);
    },
  };
}

/**
 * Regrades a submitted attempt with its reviewers' levels (inside the
 * caller's transaction, after the override is recorded): every other
 * answer is graded as before, the score columns take the new grade, a pass
 * issues (or reinstates) the certificate and a fail revokes it.
 */
export async function regradeAttempt(server: ServerContext, tx: Queryable, attemptId: string, overrides: readonly OverrideRow[]): Promise<void> {
  const [row] = await tx.query<AttemptRow>(`select ${ATTEMPT_COLUMNS} from attempts where id = $1 for update`, [attemptId]);
  if (!row?.grade) return;
  const quiz: Quiz = await quizVersion(server, row.quiz_id, row.content_hash, tx);
  const reviewed = gradePaper(quiz, row.paper, row.answers, reviewedScorer(row.paper, row.grade, overrides, server.scorer));
  await tx.query('update attempts set reviewed_grade = $2, earned = $3, available = $4, percent = $5, passed = $6 where id = $1', [
    row.id,
    reviewed as unknown as Record<string, unknown>,
    reviewed.earned,
    reviewed.available,
    reviewed.percent,
    reviewed.passed,
  ]);
  const now = server.clock();
  if (reviewed.passed) await issueCertificate(tx, row, quiz, row.passed ? (row.submitted_at ?? now) : now);
  else await revokeCertificate(tx, row.id, now, 'a reviewer changed a rubric level and the attempt no longer reaches the pass mark');
}
