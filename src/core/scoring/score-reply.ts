/**
 * The deterministic rubric scorer: linguistic signals (wink-nlp) plus the
 * project's lexicons, one module per rubric, and coaching from the rubric
 * files. Pure and offline; runs in the browser and in Node.
 */
import type { Rubric } from '../content/rubric.ts';
import type { RubricId } from '../content/vocabulary.ts';
import { rateActiveListening } from './active-listening.ts';
import { rateEmpathy } from './empathy.ts';
import { feedbackFor } from './feedback.ts';
import type { ReplyContext, ReplyScorer, RubricResult } from './reply-scorer.ts';
import { movesOf, type SentenceMoves } from './moves.ts';
import { replySignals, type ReplySignals } from './signals.ts';
import { rateValueFraming } from './value-framing.ts';
import type { Verdict } from './verdict.ts';

import { RULES_SCORER_VERSION } from './scorer-version.ts';

export { RULES_SCORER_VERSION };

const RATERS: Record<RubricId, (signals: ReplySignals, moves: readonly SentenceMoves[]) => Verdict> = {
  active_listening: rateActiveListening,
  empathy: rateEmpathy,
  value_framing: rateValueFraming,
};

/** Compiled rubric files (from `compileRubric`) whose coaching text the feedback uses. */
export type RubricCoaching = readonly Rubric[] | Partial<Record<RubricId, Rubric>>;

/**
 * Scores one reply on the given rubrics: a level 0-4 each, the evidence spans
 * that raised or capped it, the caps in words, and coaching. Never throws.
 */
export function scoreReply(reply: string, context: ReplyContext, rubrics: readonly RubricId[], coaching?: RubricCoaching): RubricResult[] {
  const text = typeof reply === 'string' ? reply : '';
  const safeContext: ReplyContext = { buyer: context?.buyer ?? '', known: context?.known ?? [], keyPoints: context?.keyPoints ?? [] };
  const signals = replySignals(text, safeContext);
  const moves = movesOf(signals);
  return rubrics.map((rubric) => {
    const verdict = RATERS[rubric](signals, moves);
    return {
      rubric,
      level: verdict.level,
      evidence: verdict.evidence.filter((e) => e.start >= 0 && e.end <= text.length && e.start < e.end),
      caps: verdict.caps,
      feedback: feedbackFor(verdict, rubricFor(coaching, rubric)),
    };
  });
}

function rubricFor(coaching: RubricCoaching | undefined, id: RubricId): Rubric | undefined {
  if (!coaching) return undefined;
  if (Array.isArray(coaching)) return (coaching as readonly Rubric[]).find((r) => r.id === id);
  return (coaching as Partial<Record<RubricId, Rubric>>)[id];
}

/** The deterministic scorer as a `ReplyScorer` for the engine. */
export function createRubricScorer(options: { coaching?: RubricCoaching; version?: string } = {}): ReplyScorer {
  return {
    version: options.version ?? RULES_SCORER_VERSION,
    score: (reply, context, rubrics) => scoreReply(reply, context, rubrics, options.coaching),
  };
}
