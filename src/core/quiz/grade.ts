import type { RubricId } from '../content/vocabulary.ts';
import type { ReplyScorer, RubricResult } from '../scoring/reply-scorer.ts';
import { optionIdsOf, type Paper, type PaperQuestion } from './paper.ts';
import { questionsOf, type Question, type QuestionType, type Quiz, type ReplyQuestion } from './quiz.ts';

/** A rep's answer to one question; its shape follows the question's type. */
export type Answer =
  /** single, true-false */
  | { optionId: string }
  /** multiple: every option the rep ticked (none is a valid answer) */
  | { optionIds: string[] }
  /** order: every option id of the question, first to last */
  | { order: string[] }
  /** reply */
  | { reply: string };

/** The most characters a reply may have. */
export const MAX_REPLY_CHARS = 5000;

/** What a full-marks answer is: the correct option ids, the correct order, or the reply thresholds. */
export type AnswerKey = { optionIds: string[] } | { order: string[] } | { thresholds: Partial<Record<RubricId, number>> };

/** One question graded, with everything a review screen shows after the attempt. */
export interface QuestionGrade {
  id: string;
  type: QuestionType;
  /** Points earned, rounded to two decimals. */
  earned: number;
  available: number;
  /** Full marks. */
  correct: boolean;
  /** The answer as given; absent when unanswered or refused. */
  answer?: Answer;
  /** Why a malformed answer was refused and earned nothing (the first reason `validateAnswers` would give). */
  refused?: string;
  /** Absent only when the question no longer matches the quiz (see `QuizGrade.unmatched`). */
  key?: AnswerKey;
  /** The feedback of each option the rep chose that has one, in display order. */
  chosenFeedback: { optionId: string; feedback: string }[];
  /** The question's own feedback, shown whatever the answer (Markdown). */
  feedback?: string;
  /** reply: each rubric's level, evidence and coaching. */
  rubricResults?: RubricResult[];
  /** reply: the rubrics whose threshold the reply met. */
  thresholdsMet?: RubricId[];
  /** reply: the trainer's example of a passing reply. */
  example?: string;
}

/** A graded paper. */
export interface QuizGrade {
  /** Sum of the questions' (rounded) points. */
  earned: number;
  available: number;
  /** earned / available as a percent, rounded down to one decimal, so rounding never lifts a rep over the pass mark. */
  percent: number;
  passMark: number;
  /** percent >= passMark. */
  passed: boolean;
  questions: QuestionGrade[];
  /** The version of the scorer that rated the replies, recorded with the attempt. */
  scorerVersion: string;
  /**
   * Paper questions that do not match this quiz (it was edited since the
   * paper was drawn): they earn nothing. Grade a paper against the version
   * of the quiz it came from (`paper.contentHash`) and this stays empty.
   */
  unmatched: string[];
}

/** A reason an answer cannot be accepted; `questionId` is absent when the whole set is malformed. */
export interface AnswerProblem {
  questionId?: string;
  reason: string;
}

/**
 * Grades a paper. Single and true-false: all or nothing. Multiple: (correct
 * options chosen - wrong options chosen) / correct options, floored at 0.
 * Order: the share of item pairs in the right relative order. Reply: an
 * equal share for each threshold met, levels from `scorer`. Each question's
 * points are rounded to two decimals. An answer `validateAnswers` refuses
 * earns nothing. Never throws on malformed answers.
 */
export function gradePaper(quiz: Quiz, paper: Paper, answers: Record<string, Answer | undefined>, scorer: ReplyScorer): QuizGrade {
  const byId = new Map(questionsOf(quiz).map((q) => [q.id, q]));
  const given: Record<string, unknown> = isRecord(answers) ? answers : {};
  const questions: QuestionGrade[] = [];
  const unmatched: string[] = [];
  for (const shown of paper.questions) {
    const question = byId.get(shown.id);
    const ids = question ? optionIdsOf(quiz, paper.mode, paper.seed, question) : [];
    if (!question || !matches(question, shown, ids)) {
      unmatched.push(shown.id);
      questions.push({ id: shown.id, type: shown.type, earned: 0, available: shown.points, correct: false, chosenFeedback: [] });
      continue;
    }
    const raw = Object.hasOwn(given, shown.id) ? given[shown.id] : undefined;
    questions.push(gradeQuestion(question, shown, ids, raw ?? undefined, scorer));
  }
  const earnedHundredths = questions.reduce((sum, q) => sum + Math.round(q.earned * 100), 0);
  const available = questions.reduce((sum, q) => sum + q.available, 0);
  const percent = available > 0 ? Math.floor((earnedHundredths * 10) / available) / 10 : 0;
  return {
    earned: earnedHundredths / 100,
    available,
    percent,
    passMark: quiz.passMark,
    passed: available > 0 && percent >= quiz.passMark,
    questions,
    scorerVersion: scorer.version,
    unmatched,
  };
}

/** Whether a paper question is still the quiz's question: same type, same option ids. */
function matches(question: Question, shown: PaperQuestion, ids: readonly string[]): boolean {
  if (question.type !== shown.type) return false;
  if (question.type === 'reply') return true;
  const onPaper = (shown.options ?? []).map((o) => o.id);
  return onPaper.length === ids.length && onPaper.every((id) => ids.includes(id));
}

function gradeQuestion(question: Question, shown: PaperQuestion, ids: readonly string[], raw: unknown, scorer: ReplyScorer): QuestionGrade {
  const available = question.points;
  const base = { id: question.id, type: question.type, available, ...(question.feedback ? { feedback: question.feedback } : {}) };
  const key = keyOf(question, ids);
  const refusal = raw === undefined ? undefined : problemsWith(shown, raw)[0];
  if (raw === undefined || refusal) {
    return { ...base, earned: 0, correct: false, key, chosenFeedback: [], ...(refusal ? { refused: refusal } : {}), ...replyExtras(question) };
  }
  const answer = raw as Answer;
  let fraction = 0;
  let chosen: string[] = [];
  let reply: Pick<QuestionGrade, 'rubricResults' | 'thresholdsMet'> = {};
  switch (question.type) {
    case 'single':
    case 'true-false': {
      const id = (answer as { optionId: string }).optionId;
      chosen = [id];
      fraction = question.options[ids.indexOf(id)]?.correct ? 1 : 0;
      break;
    }
    case 'multiple': {
      chosen = (answer as { optionIds: string[] }).optionIds;
      const right = question.options.filter((o) => o.correct).length;
      const picked = chosen.map((id) => question.options[ids.indexOf(id)]!);
      const good = picked.filter((o) => o.correct).length;
      fraction = right > 0 ? Math.max(0, (good - (picked.length - good)) / right) : 0;
      break;
    }
    case 'order': {
      const order = (answer as { order: string[] }).order;
      fraction = pairsInOrder(order.map((id) => ids.indexOf(id)));
      break;
    }
    case 'reply': {
      const text = (answer as { reply: string }).reply;
      if (text.trim() === '') break;
      const rubricResults = scorer.score(text, { buyer: question.buyer, known: question.known, keyPoints: [] }, Object.keys(question.thresholds) as RubricId[]);
      const thresholdsMet = thresholdsMetBy(question, rubricResults);
      const listed = Object.keys(question.thresholds).length;
      fraction = listed > 0 ? thresholdsMet.length / listed : 0;
      reply = { rubricResults, thresholdsMet };
      break;
    }
  }
  const earned = Math.round(available * fraction * 100) / 100;
  const chosenFeedback = (shown.options ?? [])
    .filter((o) => chosen.includes(o.id))
    .flatMap((o) => {
      const feedback = question.type === 'order' || question.type === 'reply' ? undefined : question.options[ids.indexOf(o.id)]?.feedback;
      return feedback ? [{ optionId: o.id, feedback }] : [];
    });
  return { ...base, earned, correct: earned === available, answer, key, chosenFeedback, ...reply, ...replyExtras(question) };
}

function keyOf(question: Question, ids: readonly string[]): AnswerKey {
  switch (question.type) {
    case 'order':
      return { order: [...ids] };
    case 'reply':
      return { thresholds: { ...question.thresholds } };
    default:
      return { optionIds: ids.filter((_, i) => question.options[i]!.correct) };
  }
}

function replyExtras(question: Question): Pick<QuestionGrade, 'example'> {
  return question.type === 'reply' && question.example ? { example: question.example } : {};
}

/**
 * The rubrics whose threshold the results meet, in the question's order.
 * Shared by grading and by the tester that checks example replies.
 */
export function thresholdsMetBy(question: ReplyQuestion, results: readonly RubricResult[]): RubricId[] {
  return (Object.entries(question.thresholds) as [RubricId, number][])
    .filter(([rubric, level]) => (results.find((r) => r.rubric === rubric)?.level ?? -1) >= level)
    .map(([rubric]) => rubric);
}

/** Share of pairs of items in the right relative order; `positions[k]` is the authored index of the k-th item placed. */
function pairsInOrder(positions: readonly number[]): number {
  const n = positions.length;
  if (n < 2) return 1;
  let right = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (positions[a]! < positions[b]!) right++;
  return right / ((n * (n - 1)) / 2);
}

/**
 * Checks a set of answers against a paper before it is saved or graded, so a
 * face can refuse a bad one with a reason (a 4xx): unknown question ids,
 * option ids not on the paper, the wrong shape for the question's type,
 * repeated or missing ids, a reply over 5,000 characters. A question left
 * out (or null) is simply unanswered. An empty list means all is well.
 */
export function validateAnswers(paper: Paper, answers: unknown): AnswerProblem[] {
  if (!isRecord(answers)) return [{ reason: 'answers must be an object of question id to answer' }];
  const questions = new Map(paper.questions.map((q) => [q.id, q]));
  const problems: AnswerProblem[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) {
      problems.push({ questionId, reason: `"${questionId}" is not a question on this paper` });
      continue;
    }
    if (answer === undefined || answer === null) continue;
    for (const reason of problemsWith(question, answer)) problems.push({ questionId, reason });
  }
  return problems;
}

const SHAPES: Record<QuestionType, { key: string; example: string }> = {
  single: { key: 'optionId', example: '{ "optionId": "..." }' },
  'true-false': { key: 'optionId', example: '{ "optionId": "..." }' },
  multiple: { key: 'optionIds', example: '{ "optionIds": ["...", "..."] }' },
  order: { key: 'order', example: '{ "order": ["...", "...", "..."] }' },
  reply: { key: 'reply', example: '{ "reply": "..." }' },
};

/** Why one answer cannot be accepted for a question (empty when it can). */
function problemsWith(question: PaperQuestion, answer: unknown): string[] {
  const shape = SHAPES[question.type];
  const wrongShape = `the answer to "${question.id}" (a ${question.type} question) must look like ${shape.example}`;
  if (!isRecord(answer) || Object.keys(answer).length !== 1 || !Object.hasOwn(answer, shape.key)) return [wrongShape];
  const value = answer[shape.key];
  const options = new Set((question.options ?? []).map((o) => o.id));
  const unknown = (id: string) => `"${id}" is not an option of "${question.id}"`;
  switch (question.type) {
    case 'single':
    case 'true-false':
      if (typeof value !== 'string') return [wrongShape];
      return options.has(value) ? [] : [unknown(value)];
    case 'multiple':
    case 'order': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return [wrongShape];
      const ids = value as string[];
      const reasons = [...new Set(ids.filter((id) => !options.has(id)))].map(unknown);
      const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      if (repeated.length) reasons.push(`the answer to "${question.id}" lists ${repeated.map((id) => `"${id}"`).join(', ')} more than once`);
      if (question.type === 'order') {
        const missing = [...options].filter((id) => !ids.includes(id));
        if (missing.length) reasons.push(`the order for "${question.id}" must place all ${options.size} items; it leaves out ${missing.map((id) => `"${id}"`).join(', ')}`);
      }
      return reasons;
    }
    case 'reply': {
      if (typeof value !== 'string') return [wrongShape];
      const length = [...value].length;
      return length > MAX_REPLY_CHARS ? [`the reply to "${question.id}" is ${length.toLocaleString('en-US')} characters; the limit is ${MAX_REPLY_CHARS.toLocaleString('en-US')}`] : [];
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
