import type { SourcePosition } from '../content/diagnostic.ts';
import type { RubricId, Skill } from '../content/vocabulary.ts';

/** The kinds of question a quiz can ask; the type tag under each `###` heading names one. */
export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'order', 'reply'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What happens when the time limit passes: `submit` what was saved, or `reject` a late submission. */
export const TIMEOUT_ACTIONS = ['submit', 'reject'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];

/** A certification attempt draws from the pools that are not `practice`; practice draws only from those that are. */
export const QUIZ_MODES = ['certification', 'practice'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

/** Points a question is worth when its tag does not say (`points=N`, 1-10). */
export const DEFAULT_POINTS = 1;
export const POINTS_RANGE = { min: 1, max: 10 } as const;

/** How many options a single or multiple question may have. */
export const CHOICE_OPTIONS = { min: 2, max: 8 } as const;
/** How many items an order question may have. */
export const ORDER_ITEMS = { min: 3, max: 8 } as const;

/** Fields every question has. */
interface QuestionBase {
  /** The heading's slug, unique within the quiz. */
  id: string;
  /** The heading's text. */
  title: string;
  /** Line of the `###` heading. */
  line: number;
  points: number;
  /** The question as the rep reads it (Markdown; render it with `renderMarkdown` and sanitize). */
  promptMarkdown: string;
  /** Shown after grading, whatever the answer (Markdown). */
  feedback?: string;
}

/** One option of a choice question, in authored order. */
export interface ChoiceOption {
  text: string;
  correct: boolean;
  /** Shown after grading to a rep who chose this option. */
  feedback?: string;
  line: number;
}

/** `single` (one correct option), `multiple` (one or more, partial credit) or `true-false`. */
export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multiple' | 'true-false';
  options: ChoiceOption[];
}

/** Put the items in order; `items` is the correct order. */
export interface OrderQuestion extends QuestionBase {
  type: 'order';
  items: string[];
}

/** Write a reply to a buyer; scored on rubrics, with a threshold per rubric. */
export interface ReplyQuestion extends QuestionBase {
  type: 'reply';
  /** The buyer's line the rep answers. */
  buyer: string;
  /** Facts the rep already knows (the scorer rewards replies that use them). */
  known: string[];
  /** The level each listed rubric must reach, in authored order. */
  thresholds: Partial<Record<RubricId, number>>;
  /** A reply the trainer expects to pass; `parley test` checks that it does. */
  example?: string;
  /** Where the example starts, for the tester's warning. */
  exampleAt?: SourcePosition;
}

export type Question = ChoiceQuestion | OrderQuestion | ReplyQuestion;

/** A `##` section of the quiz: the bank an attempt draws `pick` questions from. */
export interface QuizPool {
  /** The heading's slug. */
  id: string;
  /** The heading's text. */
  title: string;
  pick: number;
  /** Practice pools are drawn only in practice mode; the others only in certification. */
  practice: boolean;
  line: number;
  /** Prose between the `##` heading and the first question (Markdown, may be empty). */
  introMarkdown: string;
  questions: Question[];
}

/**
 * A compiled quiz: immutable content, plain JSON. It holds the answer key, so
 * it stays on the server for certification; what a rep sees is a `Paper`.
 */
export interface Quiz {
  id: string;
  title: string;
  summary: string;
  /** Prose after the `# Title` and before the first pool (Markdown). */
  introMarkdown: string;
  certificate: { name: string; validDays: number };
  timeLimitMinutes: number;
  onTimeout: TimeoutAction;
  /** Percent of the available points needed to pass, 1-100. */
  passMark: number;
  /** Certification attempts per rep. */
  attempts: number;
  /** Shuffle question order within each pool and option order (order questions are always shuffled). */
  shuffle: boolean;
  skills: Skill[];
  lessons: string[];
  pools: QuizPool[];
  /** Hash of the source text: record it with every attempt and grade against the same version. */
  contentHash: string;
  file: string;
}

/** Every question of a quiz in file order, whatever its pool. */
export function questionsOf(quiz: Quiz): Question[] {
  return quiz.pools.flatMap((pool) => pool.questions);
}

/** The pools an attempt in this mode draws from. */
export function poolsFor(quiz: Quiz, mode: QuizMode): QuizPool[] {
  return quiz.pools.filter((pool) => pool.practice === (mode === 'practice'));
}

/** How many questions a paper in this mode has: each pool's pick, at most the questions it holds. */
export function paperLength(quiz: Quiz, mode: QuizMode): number {
  return poolsFor(quiz, mode).reduce((sum, pool) => sum + Math.min(pool.pick, pool.questions.length), 0);
}

/**
 * The quiz with its certification pools removed: what practice needs, and
 * safe to ship in a web bundle (it carries only the practice answer keys).
 * Practice papers and grades are the same as with the full quiz.
 */
export function practiceQuiz(quiz: Quiz): Quiz {
  return { ...quiz, pools: poolsFor(quiz, 'practice') };
}
