/**
 * The level model: an ordinal logistic model per rubric that weighs a reply's
 * features (features.ts) into one score and reads the level off where that
 * score falls among four thresholds. Fitted to rated replies by
 * fit-level-model.ts; the fitted numbers live in level-model.json, so every
 * weight can be read, printed in docs/scoring.md and contested.
 */
import type { RubricId } from '../content/vocabulary.ts';
import { FEATURES } from './features.ts';
import type { Contribution } from './reply-scorer.ts';

/** One rubric's fitted model: a weight per standardized feature and four ascending thresholds. */
export interface RubricLevelModel {
  weights: number[];
  thresholds: number[];
}

/** The fitted models of all three rubrics, with the scaling they were fitted on. */
export interface LevelModel {
  /** Recorded with every score, like the ladders' version. */
  version: string;
  /** Feature ids in weight order; must equal `FEATURES`' ids. */
  features: string[];
  mean: number[];
  scale: number[];
  rubrics: Record<RubricId, RubricLevelModel>;
  /** What the model was fitted on, its L2 penalty per rubric and its QWK cross-validated by buyer line. */
  trainedOn: { replies: number; sets: string[]; l2: Record<RubricId, number>; crossValidated: Record<RubricId, number> };
}

/** What scoring with the model needs: the weights and the scaling they were fitted on. */
export type LevelWeights = Pick<LevelModel, 'mean' | 'scale' | 'rubrics'>;

/** The model's reading of one reply on one rubric. */
export interface LevelEstimate {
  /** The expected level rounded: the level the model proposes before the rubric's caps. */
  level: number;
  /** Probability-weighted level, 0-4. */
  expected: number;
  /** Probability of each level 0-4. */
  probabilities: number[];
  /** The largest pulls on the score, strongest first. */
  contributions: Contribution[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Level probabilities for a score: P(level <= k) = sigmoid(threshold_k - score). */
export function levelProbabilities(score: number, thresholds: readonly number[]): number[] {
  const below = [0, ...thresholds.map((t) => sigmoid(t - score)), 1];
  return [0, 1, 2, 3, 4].map((k) => Math.max(0, below[k + 1]! - below[k]!));
}

/** True when the model was fitted on exactly the features this build computes. */
export function levelModelFits(model: LevelModel): boolean {
  return (
    model.features.length === FEATURES.length &&
    model.features.every((id, i) => id === FEATURES[i]!.id) &&
    (['active_listening', 'empathy', 'value_framing'] as const).every((r) => model.rubrics[r]?.weights.length === FEATURES.length && model.rubrics[r]!.thresholds.length === 4)
  );
}

/** Scores one reply's features on one rubric. */
export function estimateLevel(model: LevelWeights, rubric: RubricId, values: readonly number[]): LevelEstimate {
  const { weights, thresholds } = model.rubrics[rubric];
  // A signal's pull is measured from its absence (value 0), so a signal the reply lacks pulls nothing; a shape
  // feature's (length) from the typical reply. What that leaves over is one constant that shifts every score alike.
  const shape = FEATURES.map((f) => f.pulls[rubric] === 0);
  const pulls = values.map((v, i) => (weights[i]! * (v - (shape[i] ? model.mean[i]! : 0))) / (model.scale[i] || 1));
  const offset = model.mean.reduce((sum, m, i) => sum + (shape[i] ? 0 : (weights[i]! * m) / (model.scale[i] || 1)), 0);
  const score = pulls.reduce((a, b) => a + b, 0) - offset;
  const probabilities = levelProbabilities(score, thresholds);
  const expected = probabilities.reduce((sum, p, k) => sum + p * k, 0);
  const contributions = pulls
    .map((amount, i) => ({ feature: FEATURES[i]!.id, label: FEATURES[i]!.label, amount }))
    .filter((c) => Math.abs(c.amount) >= 0.05)
    .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount))
    .slice(0, 6);
  return { level: Math.max(0, Math.min(4, Math.round(expected))), expected, probabilities, contributions };
}
