/**
 * Fits the level model to rated replies: standardizes the features and fits
 * one ordinal logistic model per rubric by full-batch gradient descent with
 * an L2 penalty. Deterministic: the same rows always give the same numbers.
 */
import { levelProbabilities, type RubricLevelModel } from './level-model.ts';

/** Feature means and scales over the training rows (a constant feature gets scale 1). */
export function standardization(rows: readonly (readonly number[])[]): { mean: number[]; scale: number[] } {
  const n = Math.max(1, rows.length);
  const width = rows[0]?.length ?? 0;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / n) || 1);
  return { mean, scale };
}

/** Options for `fitOrdinal`. */
export interface FitOptions {
  /** L2 penalty on the weights (not the thresholds). */
  l2: number;
  iterations: number;
  rate: number;
  /** Per feature, the sign its weight must keep: 1 (up only), -1 (down only), 0 (either), null (left out). */
  pulls?: readonly (1 | -1 | 0 | null)[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits P(level <= k) = sigmoid(t_k - w.x) to standardized rows `x` and levels
 * 0-4 by maximum likelihood with an L2 penalty on `w`, each weight kept to
 * its allowed sign (projected gradient descent).
 */
export function fitOrdinal(x: readonly (readonly number[])[], levels: readonly number[], options: FitOptions = { l2: 5, iterations: 4000, rate: 0.05 }): RubricLevelModel {
  const n = x.length;
  const width = x[0]?.length ?? 0;
  const weights = new Array<number>(width).fill(0);
  let thresholds = [-1.5, -0.5, 0.5, 1.5];
  for (let step = 0; step < options.iterations; step++) {
    const gradW = new Array<number>(width).fill(0);
    const gradT = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      const y = levels[i]!;
      let score = 0;
      for (let j = 0; j < width; j++) score += weights[j]! * row[j]!;
      // Cumulative probabilities F_0..F_5 and their densities.
      const cumulative = [0, ...thresholds.map((t) => sigmoid(t - score)), 1];
      const density = cumulative.map((f) => f * (1 - f));
      const p = Math.max(1e-9, cumulative[y + 1]! - cumulative[y]!);
      // d log p / d score = (density_lower - density_upper) / p
      const dScore = (density[y]! - density[y + 1]!) / p;
      for (let j = 0; j < width; j++) gradW[j]! -= dScore * row[j]!;
      if (y < 4) gradT[y]! -= density[y + 1]! / p;
      if (y > 0) gradT[y - 1]! += density[y]! / p;
    }
    for (let j = 0; j < width; j++) {
      const w = weights[j]! - options.rate * (gradW[j]! / n + (options.l2 * weights[j]!) / n);
      const pull = options.pulls ? options.pulls[j] : 0;
      weights[j] = pull === null ? 0 : pull === 1 ? Math.max(0, w) : pull === -1 ? Math.min(0, w) : w;
    }
    thresholds = thresholds.map((t, k) => t - (options.rate * gradT[k]!) / n).sort((a, b) => a - b);
  }
  return { weights: weights.map(round), thresholds: thresholds.map(round) };
}

/** Predicted level (rounded expected value) for a standardized row. */
export function predictOrdinal(model: RubricLevelModel, row: readonly number[]): number {
  const score = row.reduce((s, v, j) => s + v * model.weights[j]!, 0);
  const p = levelProbabilities(score, model.thresholds);
  return Math.max(0, Math.min(4, Math.round(p.reduce((s, q, k) => s + q * k, 0))));
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
