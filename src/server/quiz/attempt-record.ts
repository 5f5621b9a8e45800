import type { Answer, QuestionGrade, QuizGrade } from '../../core/quiz/grade.ts';
import type { Paper } from '../../core/quiz/paper.ts';
import type { TimeoutAction } from '../../core/quiz/quiz.ts';
import { reviewedResults } from '../practice/practice-run.ts';
import { overrideJson, type OverrideRow } from '../review/overrides.ts';
import { certificateJson, type CertificateRow } from './certificate.ts';

export type AttemptStatus = 'in_progress' | 'submitted' | 'expired';

/** A certification attempt as stored. */
export interface AttemptRow {
  id: string;
  user_id: string;
  quiz_id: string;
  content_hash: string;
  number: number;
  seed: number;
  paper: Paper;
  status: AttemptStatus;
  answers: Record<string, Answer>;
  answers_saved_at: Date | null;
  started_at: Date;
  deadline: Date;
  on_timeout: TimeoutAction;
  submitted_at: Date | null;
  submitted_by: 'rep' | 'timeout' | null;
  scorer_version: string | null;
  earned: number | null;
  available: number | null;
  percent: number | null;
  passed: boolean | null;
  grade: QuizGrade | null;
  reviewed_grade: QuizGrade | null;
}

export const ATTEMPT_COLUMNS = `id, user_id, quiz_id, content_hash, number, seed, paper, status, answers, answers_saved_at, started_at,
  deadline, on_timeout, submitted_at, submitted_by, scorer_version, earned, available, percent, passed, grade, reviewed_grade`;

/** `ATTEMPT_COLUMNS` qualified by a table alias, for joins. */
export function attemptColumns(alias: string): string {
  return ATTEMPT_COLUMNS.replace(/(^|,\s*)/g, `$1${alias}.`);
}

/** An attempt without its questions, answers or per-question results: for lists. */
export function attemptSummary(row: AttemptRow, certificate: CertificateRow | undefined, now: Date) {
  return {
    id: row.id,
    userId: row.user_id,
    quizId: row.quiz_id,
    quizTitle: row.paper.title,
    number: row.number,
    status: row.status,
    startedAt: row.started_at,
    deadline: row.deadline,
    onTimeout: row.on_timeout,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    result:
      row.status === 'submitted'
        ? { earned: row.earned, available: row.available, percent: row.percent, passed: row.passed, passMark: row.paper.passMark, reviewed: row.reviewed_grade !== null }
        : null,
    certificate: certificate ? certificateJson(certificate, now) : null,
  };
}

/**
 * A question's result as shown after submission: the grade that counts,
 * with each reply rubric's human level (`level`) beside the scorer's
 * (`scoredLevel`) and the overrides that changed it.
 */
function questionResult(counted: QuestionGrade, scored: QuestionGrade | undefined, overrides: readonly OverrideRow[]) {
  if (counted.type !== 'reply' || !counted.rubricResults) return counted;
  const original = scored?.rubricResults ?? counted.rubricResults;
  const mine = overrides.filter((o) => o.question_id === counted.id);
  return { ...counted, rubricResults: reviewedResults(original, mine), overrides: mine.map(overrideJson) };
}

/**
 * An attempt in full. The paper carries no answer key; the result (keys,
 * feedback, levels) appears only once the attempt is submitted.
 */
export function attemptJson(row: AttemptRow, certificate: CertificateRow | undefined, overrides: readonly OverrideRow[], now: Date) {
  const summary = attemptSummary(row, certificate, now);
  const counted = row.reviewed_grade ?? row.grade;
  return {
    ...summary,
    serverTime: now,
    timeLimitMinutes: row.paper.timeLimitMinutes,
    paper: row.paper,
    answers: row.answers,
    answersSavedAt: row.answers_saved_at,
    result:
      summary.result && counted
        ? {
            ...summary.result,
            scorerVersion: row.scorer_version,
            questions: counted.questions.map((q) => questionResult(q, row.grade?.questions.find((g) => g.id === q.id), overrides)),
          }
        : null,
  };
}
