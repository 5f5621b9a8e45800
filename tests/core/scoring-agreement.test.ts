import { describe, expect, it } from 'vitest';
import { agreement, confusionMatrix, percentile, quadraticWeightedKappa } from '../../src/core/scoring/agreement.ts';

describe('agreement figures', () => {
  it('gives a kappa of 1 for perfect agreement', () => {
    expect(quadraticWeightedKappa([0, 1, 2, 3, 4], [0, 1, 2, 3, 4])).toBeCloseTo(1);
  });

  it('gives a negative kappa when the scorer reverses the scale', () => {
    expect(quadraticWeightedKappa([0, 1, 3, 4], [4, 3, 1, 0])).toBeLessThan(0);
  });

  it('matches a kappa worked by hand', () => {
    // Observed weighted disagreement 1/16; expected 1.8125 from the marginals: 1 - 0.0625 / 1.8125.
    expect(quadraticWeightedKappa([0, 0, 4, 4], [0, 1, 4, 4])).toBeCloseTo(0.9655, 3);
  });

  it('penalises a two-level miss four times as much as a one-level miss', () => {
    const one = quadraticWeightedKappa([0, 2, 4, 2], [0, 3, 4, 2]);
    const two = quadraticWeightedKappa([0, 2, 4, 2], [0, 4, 4, 2]);
    expect(1 - two).toBeGreaterThan(1 - one);
  });

  it('counts exact and within-one agreement', () => {
    const a = agreement([0, 1, 2, 3], [0, 2, 4, 3]);
    expect(a.exact).toBe(0.5);
    expect(a.withinOne).toBe(0.75);
  });

  it('builds the confusion matrix with labels as rows', () => {
    const m = confusionMatrix([0, 4], [1, 4]);
    expect(m[0]![1]).toBe(1);
    expect(m[4]![4]).toBe(1);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([], 0.99)).toBe(0);
  });
});
