import type { RubricId } from '../content/vocabulary.ts';

/** A span of the reply that raised or capped a level: character offsets [start, end). */
export interface Evidence {
  rubric: RubricId;
  start: number;
  end: number;
  /** The signal the span stands for, e.g. "restates the concern", "pressure phrase". */
  signal: string;
  effect: 'raise' | 'cap';
}

/** A signal's pull on a level, as the level model weighed it: positive raised it, negative lowered it. */
export interface Contribution {
  feature: string;
  /** The signal in words ("open questions"). */
  label: string;
  amount: number;
}

/** One rubric's verdict on one reply. */
export interface RubricResult {
  rubric: RubricId;
  /** 0-4. */
  level: number;
  evidence: Evidence[];
  /** What held the level down, in words ("'I understand, but' caps empathy at 2"). */
  caps: string[];
  /** Coaching: what was good and the one thing that would lift it a level. */
  feedback: string;
  /** The signals the level model weighed most, strongest first (absent for forced or judged scores). */
  contributions?: readonly Contribution[];
  /** The rubric ladder's own level, when the level model weighed the reply (it may differ from `level`). */
  ladderLevel?: number;
}

/** What the scorer knows about the moment the reply answers. */
export interface ReplyContext {
  /** The buyer's last line. */
  buyer: string;
  /** What the rep already knows about the buyer. */
  known: readonly string[];
  /** Points the scenario's author expects a good reply to pick up. */
  keyPoints: readonly string[];
}

/**
 * Rates a reply on rubrics. The engine takes any implementation: the
 * deterministic scorer, a language-model judge, or a forced scorer in tests
 * and in the tester's exhaustive walk. `version` is recorded in every run.
 */
export interface ReplyScorer {
  readonly version: string;
  score(reply: string, context: ReplyContext, rubrics: readonly RubricId[]): RubricResult[];
}

/**
 * A scorer that gives fixed levels whatever the reply says. The tester uses it
 * to force each score band; tests use it to drive the engine precisely.
 */
export function forcedScorer(levels: Partial<Record<RubricId, number>> | ((rubric: RubricId) => number), version = 'forced'): ReplyScorer {
  const levelOf = typeof levels === 'function' ? levels : (rubric: RubricId) => levels[rubric] ?? 0;
  return {
    version,
    score: (_reply, _context, rubrics) =>
      rubrics.map((rubric) => ({ rubric, level: levelOf(rubric), evidence: [], caps: [], feedback: 'This level was set by the tester, not scored.' })),
  };
}

/**
 * For steps that never score (picking a choice) while the real scorer is not
 * loaded: the engine's contract takes a scorer, and this one says clearly if
 * it is ever asked to score.
 */
export function noScorer(version: string): ReplyScorer {
  return {
    version,
    score() {
      throw new Error('a typed reply reached the engine before the scorer loaded');
    },
  };
}
