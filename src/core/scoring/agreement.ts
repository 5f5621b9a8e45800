/**
 * Agreement between a scorer's integer levels and human labels on a 0..k-1
 * scale: quadratic weighted kappa, exact and within-one agreement, and the
 * confusion matrix. Pure, so the benchmark and the tests share it.
 */

/** Rows are the human label, columns the scorer's level. */
export type ConfusionMatrix = number[][];

/** Agreement figures for one rubric on one set of replies. */
export interface Agreement {
  n: number;
  qwk: number;
  exact: number;
  withinOne: number;
  confusion: ConfusionMatrix;
}

/** Counts of (label, predicted) pairs; levels outside 0..size-1 are clamped into it. */
export function confusionMatrix(labels: readonly number[], predicted: readonly number[], size = 5): ConfusionMatrix {
  const m = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const n = Math.min(labels.length, predicted.length);
  for (let i = 0; i < n; i++) m[clamp(labels[i]!, size)]![clamp(predicted[i]!, size)]! += 1;
  return m;
}

/**
 * Cohen's kappa with quadratic weights. 1 is perfect agreement, 0 is what
 * chance gives. When both raters give one single level the expected
 * disagreement is 0; the kappa is then 1 if they agree everywhere, else 0.
 */
export function quadraticWeightedKappa(labels: readonly number[], predicted: readonly number[], size = 5): number {
  const m = confusionMatrix(labels, predicted, size);
  const total = m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return 0;
  const rowSums = m.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = m[0]!.map((_, j) => m.reduce((s, row) => s + row[j]!, 0));
  let observed = 0;
  let expected = 0;
  const denom = (size - 1) ** 2 || 1;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const w = (i - j) ** 2 / denom;
      observed += w * m[i]![j]!;
      expected += (w * rowSums[i]! * colSums[j]!) / total;
    }
  }
  if (expected === 0) return observed === 0 ? 1 : 0;
  return 1 - observed / expected;
}

/** All agreement figures for one rubric. */
export function agreement(labels: readonly number[], predicted: readonly number[], size = 5): Agreement {
  const n = Math.min(labels.length, predicted.length);
  let exact = 0;
  let withinOne = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(labels[i]! - predicted[i]!);
    if (d === 0) exact++;
    if (d <= 1) withinOne++;
  }
  return {
    n,
    qwk: quadraticWeightedKappa(labels, predicted, size),
    exact: n ? exact / n : 0,
    withinOne: n ? withinOne / n : 0,
    confusion: confusionMatrix(labels, predicted, size),
  };
}

/** The value at fraction `p` (0..1) of the sorted samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

function clamp(level: number, size: number): number {
  return Math.min(size - 1, Math.max(0, Math.round(level)));
}
