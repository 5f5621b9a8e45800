/**
 * The deterministic rubric scorer. Linguistic signals (wink-nlp) and the
 * project's lexicons say what each sentence does; one ladder per rubric
 * climbs the rubric's levels with evidence and applies its caps; the level
 * model, fitted to rated replies, weighs all the signals together and
 * proposes the level, which the ladder's caps still hold down; coaching comes
 * from the rubric files. Pure and offline; runs in the browser and in Node.
 */
import type { Rubric } from '../content/rubric.ts';
import { RUBRIC_IDS, type RubricId } from '../content/vocabulary.ts';
import { rateActiveListening } from './active-listening.ts';
import { rateEmpathy } from './empathy.ts';
import { replyFeatures } from './features.ts';
import { feedbackFor } from './feedback.ts';
import { estimateLevel, levelModelFits, type LevelEstimate, type LevelModel, type LevelWeights } from './level-model.ts';
import levelModelData from './level-model.json' with { type: 'json' };
import type { ReplyContext, ReplyScorer, RubricResult } from './reply-scorer.ts';
import { movesOf, type SentenceMoves } from './moves.ts';
import { replySignals, type ReplySignals } from './signals.ts';
import { rateValueFraming } from './value-framing.ts';
import { settleVerdict, type Verdict } from './verdict.ts';

import { RULES_SCORER_VERSION } from './scorer-version.ts';

export { RULES_SCORER_VERSION };

const LADDERS: Record<RubricId, (signals: ReplySignals, moves: readonly SentenceMoves[]) => Verdict> = {
  active_listening: rateActiveListening,
  empathy: rateEmpathy,
  value_framing: rateValueFraming,
};

const LEVEL_MODEL = levelModelData as LevelModel;
// A model fitted on other features than this build computes is ignored, never misread: the ladders decide alone.
const LEVEL_MODEL_FITS = levelModelFits(LEVEL_MODEL);

/** Everything the scorer reads off one reply before proposing levels. */
export interface ReplyAnalysis {
  signals: ReplySignals;
  moves: SentenceMoves[];
  /** Each rubric's ladder verdict: the rules' level, evidence and caps. */
  ladders: Record<RubricId, Verdict>;
  /** The reply's features, in `FEATURES` order. */
  features: number[];
}

/** Reads a reply in its context: signals, sentence moves, the three ladders and the features. Never throws. */
export function analyzeReply(reply: string, context: ReplyContext): ReplyAnalysis {
  const text = typeof reply === 'string' ? reply : '';
  const safeContext: ReplyContext = { buyer: context?.buyer ?? '', known: context?.known ?? [], keyPoints: context?.keyPoints ?? [] };
  const signals = replySignals(text, safeContext);
  const moves = movesOf(signals);
  const ladders = Object.fromEntries(RUBRIC_IDS.map((r) => [r, LADDERS[r](signals, moves)])) as Record<RubricId, Verdict>;
  return { signals, moves, ladders, features: replyFeatures({ signals, moves, ladders }) };
}

/** Compiled rubric files (from `compileRubric`) whose coaching text the feedback uses. */
export type RubricCoaching = readonly Rubric[] | Partial<Record<RubricId, Rubric>>;

/**
 * Scores one reply on the given rubrics: a level 0-4 each, the evidence spans
 * that raised or capped it, the caps in words, the signals weighed most, and
 * coaching. Never throws.
 */
export function scoreReply(reply: string, context: ReplyContext, rubrics: readonly RubricId[], coaching?: RubricCoaching): RubricResult[] {
  const analysis = analyzeReply(reply, context);
  const length = analysis.signals.reply.length;
  return rubrics.map((rubric) => {
    const { verdict, estimate } = settleRubric(analysis, rubric, LEVEL_MODEL_FITS ? LEVEL_MODEL : undefined);
    return {
      rubric,
      level: verdict.level,
      evidence: verdict.evidence.filter((e) => e.start >= 0 && e.end <= length && e.start < e.end),
      caps: verdict.caps,
      feedback: feedbackFor(verdict, rubricFor(coaching, rubric)),
      ...(estimate ? { contributions: estimate.contributions, ladderLevel: analysis.ladders[rubric].level } : {}),
    };
  });
}

/**
 * One rubric's verdict for an analysed reply: for a reply of two or more sentences, the level model's proposal
 * held by the rubric's own caps; for one sentence, or without a model, the ladder alone. A one-sentence reply
 * makes one or two moves, which the rubric names directly ("I hear you" is formulaic empathy, 2); the model
 * weighs longer replies, where moves compete. The trainer measures its folds through this too, so its
 * figures are the scorer's.
 */
export function settleRubric(analysis: ReplyAnalysis, rubric: RubricId, model: LevelWeights | undefined): { verdict: Verdict; estimate?: LevelEstimate } {
  const ladder = analysis.ladders[rubric];
  if (!model || analysis.signals.sentences.length <= 1) return { verdict: ladder };
  const estimate = estimateLevel(model, rubric, analysis.features);
  return { verdict: settleVerdict(ladder, estimate.level, 'model'), estimate };
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
