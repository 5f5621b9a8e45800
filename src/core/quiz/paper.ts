import { contentHash } from '../content/content-hash.ts';
import type { RubricId } from '../content/vocabulary.ts';
import { mixSeed, seededRandom, shuffled } from '../engine/seeded-random.ts';
import { poolsFor, type Question, type QuestionType, type Quiz, type QuizMode, type TimeoutAction } from './quiz.ts';

/** An option as the rep sees it: an opaque id and its text. */
export interface PaperOption {
  id: string;
  text: string;
}

/** A question as the rep sees it. Carries no answer key. */
export interface PaperQuestion {
  id: string;
  title: string;
  type: QuestionType;
  points: number;
  promptMarkdown: string;
  /** single, multiple, true-false and order: the options (or items) in display order. */
  options?: PaperOption[];
  /** reply: the buyer's line the rep answers. */
  buyer?: string;
  /** reply: what the rep already knows. */
  known?: string[];
  /** reply: the rubrics it is scored on (not the thresholds). */
  rubrics?: RubricId[];
}

/**
 * One attempt's questions as the rep sees them, in display order. It holds
 * no answer key (no correct flags, feedback, thresholds, example replies or
 * authored order), so it is safe to send to a browser. Store it with the
 * attempt: grading maps its option ids back to the quiz.
 */
export interface Paper {
  quizId: string;
  /** The version of the quiz the paper was drawn from; grade it against the same version. */
  contentHash: string;
  mode: QuizMode;
  seed: number;
  title: string;
  introMarkdown: string;
  timeLimitMinutes: number;
  onTimeout: TimeoutAction;
  passMark: number;
  /** Points available on this paper. */
  available: number;
  questions: PaperQuestion[];
}

/**
 * Draws a paper: `pick` questions from each pool of the mode (certification:
 * the pools without `practice: true`; practice: only those), pools in file
 * order. With `shuffle`, questions within each pool and the options of
 * single and multiple questions are shuffled; order questions are always
 * shuffled and never shown already in order; True comes before False.
 *
 * Deterministic: the same quiz, mode and seed always give the same paper.
 * Option ids and every shuffle also depend on a secret drawn from the
 * content of the mode's pools (which the rep never has), so neither the ids,
 * the display order nor the seed reveal the key.
 */
export function assemblePaper(quiz: Quiz, mode: QuizMode, seed: number): Paper {
  const secret = paperSecret(quiz, mode);
  const questions: PaperQuestion[] = [];
  for (const pool of poolsFor(quiz, mode)) {
    const drawn = shuffled(pool.questions, seededRandom(mixSeed(seed, `${secret}|draw|${pool.id}`))).slice(0, Math.max(0, pool.pick));
    const shown = quiz.shuffle ? drawn : pool.questions.filter((q) => drawn.includes(q));
    for (const question of shown) questions.push(paperQuestion(quiz, question, secret, seed));
  }
  return {
    quizId: quiz.id,
    contentHash: quiz.contentHash,
    mode,
    seed,
    title: quiz.title,
    introMarkdown: quiz.introMarkdown,
    timeLimitMinutes: quiz.timeLimitMinutes,
    onTimeout: quiz.onTimeout,
    passMark: quiz.passMark,
    available: questions.reduce((sum, q) => sum + q.points, 0),
    questions,
  };
}

function paperQuestion(quiz: Quiz, question: Question, secret: string, seed: number): PaperQuestion {
  const base = { id: question.id, title: question.title, type: question.type, points: question.points, promptMarkdown: question.promptMarkdown };
  if (question.type === 'reply') {
    return { ...base, buyer: question.buyer, known: [...question.known], rubrics: Object.keys(question.thresholds) as RubricId[] };
  }
  const texts = question.type === 'order' ? question.items : question.options.map((o) => o.text);
  const ids = idsFor(secret, seed, question.id, texts.length);
  const authored = texts.map((_, i) => i);
  const random = seededRandom(mixSeed(seed, `${secret}|options|${question.id}`));
  let order: number[];
  if (question.type === 'order') {
    order = shuffled(authored, random);
    // Shown in the right order, the question would answer itself.
    for (let tries = 0; tries < 16 && order.every((v, i) => v === i) && order.length > 1; tries++) order = shuffled(authored, random);
    if (order.every((v, i) => v === i) && order.length > 1) order = [...authored.slice(1), 0];
  } else if (question.type === 'true-false') {
    // A fixed True-then-False order reads naturally and reveals nothing.
    order = [...authored].sort((a, b) => Number(texts[a]!.toLowerCase() !== 'true') - Number(texts[b]!.toLowerCase() !== 'true'));
  } else {
    order = quiz.shuffle ? shuffled(authored, random) : authored;
  }
  return { ...base, options: order.map((i) => ({ id: ids[i]!, text: texts[i]! })) };
}

/**
 * The option ids of a question on a paper of this quiz, mode and seed, in
 * authored order. For grading, on the server: it needs the quiz's content.
 */
export function optionIdsOf(quiz: Quiz, mode: QuizMode, seed: number, question: Question): string[] {
  const count = question.type === 'order' ? question.items.length : question.type === 'reply' ? 0 : question.options.length;
  return idsFor(paperSecret(quiz, mode), seed, question.id, count);
}

function idsFor(secret: string, seed: number, questionId: string, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    let id = `o${contentHash(`${secret}|${seed}|${questionId}|${i}`)}`;
    // 53-bit ids practically never collide; if two did, the later one is salted again.
    for (let salt = 1; ids.includes(id); salt++) id = `o${contentHash(`${secret}|${seed}|${questionId}|${i}|${salt}`)}`;
    ids.push(id);
  }
  return ids;
}

/**
 * A 106-bit fingerprint of the mode's pools (questions, keys and feedback
 * included). The rep never has that content, so ids and shuffles built on it
 * cannot be recomputed from a paper. Practice and certification get
 * different secrets, so a web bundle that carries the practice pools cannot
 * recompute certification papers.
 */
function paperSecret(quiz: Quiz, mode: QuizMode): string {
  // A compiled quiz never changes, so each one's secrets are computed once.
  const known = secrets.get(quiz) ?? {};
  secrets.set(quiz, known);
  if (known[mode] === undefined) {
    const content = JSON.stringify([quiz.id, mode, poolsFor(quiz, mode)]);
    known[mode] = `${contentHash(`a|${content}`)}${contentHash(`b|${content}`)}`;
  }
  return known[mode];
}

const secrets = new WeakMap<Quiz, Partial<Record<QuizMode, string>>>();
