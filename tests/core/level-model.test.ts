import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/core/scoring/features.ts';
import { fitOrdinal, predictOrdinal, standardization } from '../../src/core/scoring/fit-level-model.ts';
import { estimateLevel, levelModelFits, levelProbabilities, type LevelModel } from '../../src/core/scoring/level-model.ts';
import levelModel from '../../src/core/scoring/level-model.json' with { type: 'json' };
import { analyzeReply, scoreReply, settleRubric } from '../../src/core/scoring/score-reply.ts';
import { settleVerdict, type Verdict } from '../../src/core/scoring/verdict.ts';

const model = levelModel as LevelModel;

describe('fitting the level model', () => {
  it('recovers an ordinal relationship: the level rises with the feature that drives it', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [i % 5, (i * 7) % 3]);
    const levels = rows.map((r) => r[0]!);
    const { mean, scale } = standardization(rows);
    const x = rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
    const fitted = fitOrdinal(x, levels, { l2: 1, iterations: 1500, rate: 0.1 });
    expect(fitted.weights[0]).toBeGreaterThan(1);
    expect(x.every((row, i) => predictOrdinal(fitted, row) === levels[i])).toBe(true);
  });

  it('keeps each weight to the sign it is allowed, and leaves out what may not pull', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i % 5, i % 5]);
    const levels = rows.map((r) => r[0]!);
    const fitted = fitOrdinal(rows, levels, { l2: 1, iterations: 500, rate: 0.05, pulls: [-1, null] });
    expect(fitted.weights[0]).toBeLessThanOrEqual(0);
    expect(fitted.weights[1]).toBe(0);
  });

  it('gives the same numbers every time for the same rows', () => {
    const rows = [[0], [1], [2], [3], [4]];
    const a = fitOrdinal(rows, [0, 1, 2, 3, 4], { l2: 1, iterations: 200, rate: 0.05 });
    const b = fitOrdinal(rows, [0, 1, 2, 3, 4], { l2: 1, iterations: 200, rate: 0.05 });
    expect(a).toEqual(b);
  });
});

describe('the shipped level model', () => {
  it('was fitted on the features this build computes', () => {
    expect(levelModelFits(model)).toBe(true);
    expect(model.features).toEqual(FEATURES.map((f) => f.id));
  });

  it('has four ascending thresholds per rubric and weights that keep their allowed signs', () => {
    for (const [rubric, fitted] of Object.entries(model.rubrics)) {
      expect([...fitted.thresholds].sort((a, b) => a - b)).toEqual(fitted.thresholds);
      fitted.weights.forEach((w, i) => {
        const pull = FEATURES[i]!.pulls[rubric as keyof typeof FEATURES[number]['pulls']];
        if (pull === null) expect(w).toBe(0);
        if (pull === 1) expect(w).toBeGreaterThanOrEqual(0);
        if (pull === -1) expect(w).toBeLessThanOrEqual(0);
      });
    }
  });

  it('turns a score into probabilities that sum to one', () => {
    const p = levelProbabilities(0.3, [-2, -1, 1, 2]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('names what pulled a level, and a signal the reply lacks pulls nothing', () => {
    const context = { buyer: 'Your price is 20% above the other quote.', known: ['Two missed deliveries cost them a key account'], keyPoints: [] };
    const a = analyzeReply('So the gap is what worries you. What does their quote include?', context);
    const estimate = estimateLevel(model, 'active_listening', a.features);
    expect(estimate.contributions.length).toBeGreaterThan(0);
    expect(estimate.contributions.map((c) => c.feature)).not.toContain('pressure');
    expect(estimate.contributions.find((c) => c.feature === 'open_questions')?.amount ?? 0).toBeGreaterThan(0);
  });
});

describe('levels from the model and the caps that hold them', () => {
  const ladder: Verdict = {
    rubric: 'empathy',
    level: 0,
    evidence: [],
    caps: [],
    strengths: [],
    limits: [
      { reason: 'a pressure tactic caps empathy at 1', max: 1, source: 'rubric' },
      { reason: 'a pressure tactic with nothing acknowledging the buyer sets empathy to 0', max: 0, source: 'ladder' },
    ],
  };

  it("holds a model's proposal to the rubric's own caps but not to the ladder's", () => {
    const settled = settleVerdict(ladder, 3, 'model');
    expect(settled.level).toBe(1);
    expect(settled.caps).toEqual(['a pressure tactic caps empathy at 1']);
  });

  it("holds the ladder's own level to every cap", () => {
    expect(settleVerdict(ladder, 3).level).toBe(0);
  });

  it('settles a rubric the way the trainer measures it: the ladder without a model, the model held by rubric caps with one', () => {
    const context = { buyer: 'Too expensive.', known: [], keyPoints: [] };
    const a = analyzeReply('I hear you, budgets are tight. Our platform saves teams hours every week, and I can knock 20% off today.', context);
    expect(settleRubric(a, 'value_framing', undefined).verdict).toBe(a.ladders.value_framing);
    const settled = settleRubric(a, 'value_framing', model);
    expect(settled.estimate).toBeDefined();
    expect(settled.verdict.level).toBe(0);
    expect(settled.verdict.caps.join(' ')).toMatch(/discount/);
  });

  it('lets the ladder decide a one-sentence reply, and reports no model pulls for it', () => {
    const [r] = scoreReply('I hear you.', { buyer: 'Too expensive.', known: [], keyPoints: [] }, ['empathy']);
    expect(r!.level).toBe(2);
    expect(r!.contributions).toBeUndefined();
  });

  it('weighs a longer reply with the model and reports the pulls', () => {
    const [r] = scoreReply('I hear you. Paying more than you planned is hard. What would make it feel worth it?', { buyer: 'Too expensive.', known: [], keyPoints: [] }, ['empathy']);
    expect(r!.contributions?.length).toBeGreaterThan(0);
  });
});
