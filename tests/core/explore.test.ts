import { describe, expect, it } from 'vitest';
import { walkExhaustively } from '../../src/core/explore/exhaustive-walk.ts';
import { walkRandomly } from '../../src/core/explore/random-walk.ts';
import { testScenario } from '../../src/core/explore/scenario-test.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';
import { tinyScenario } from './scenario-text.ts';

const WON = '## Won\n:::end{outcome="won"}\nNice.\n:::\n';
const LOST = '## Lost\n:::end{outcome="lost"}\nNo.\n:::\n';
const ASK = `## Open\n- "Warm up" \`trust +1\` -> [Open](#open)\n- "Ask" -> [Ask](#ask)\n\n## Ask\n:::ask{rubrics="empathy,value_framing"}\nGo.\n- example (4,4): "Great reply"\n:::\n- empathy >= 3 and value_framing >= 3 -> [Won](#won)\n- otherwise -> [Lost](#lost)\n\n${WON}\n${LOST}`;

describe('the exhaustive walk', () => {
  it('reaches every node and finds a path to every ending, forcing each score band', () => {
    const report = walkExhaustively(tinyScenario(ASK, 'variables: { trust: { value: 0, min: 0, max: 2 } }'));
    expect(report.coverage).toBe(1);
    expect(report.endings.map((e) => [e.node, e.path.length])).toEqual([['won', 2], ['lost', 2]]);
    expect(report.endings[0]!.path[1]!.levels).toEqual({ empathy: 3, value_framing: 3 });
  });

  it('stays bounded on a loop and reports its states', () => {
    const report = walkExhaustively(tinyScenario(ASK, 'variables: { trust: { value: 0, min: 0, max: 2 } }'));
    expect(report.truncated).toBe(false);
    expect(report.statesExplored).toBeLessThan(20);
  });

  it('reports an ending no path can reach because a condition never allows it', () => {
    const s = tinyScenario(`## Open\n- "Go" -> [Gate](#gate)\n\n## Gate\n- if trust >= 2 -> [Won](#won)\n- otherwise -> [Lost](#lost)\n\n${WON}\n${LOST}`, 'variables: { trust: 0 }');
    const report = walkExhaustively(s);
    expect(report.uncovered).toEqual(['won']);
    expect(report.unreachedEndings).toEqual(['won']);
  });

  it('reports a state where the run gets stuck, with the path to it', () => {
    const s = tinyScenario(`## Open\n- "Spend" \`tokens -1\` -> [Shop](#shop)\n\n## Shop\n- "Buy" \`if tokens > 0\` -> [Won](#won)\n\n${WON}`, 'variables: { tokens: 1 }');
    const report = walkExhaustively(s);
    expect(report.stuck).toMatchObject([{ node: 'shop', reason: 'no choice is available here', path: [{ label: 'Spend' }] }]);
  });
});

describe('random walks', () => {
  it('are reproducible for a seed and count hits per node', () => {
    const s = tinyScenario(ASK, 'variables: { trust: { value: 0, min: 0, max: 2 } }');
    const a = walkRandomly(s, { runs: 50, seed: 9 });
    expect(walkRandomly(s, { runs: 50, seed: 9 })).toEqual(a);
    expect(a.nodeHits.open).toBe(50);
    expect((a.outcomes.won ?? 0) + (a.outcomes.lost ?? 0)).toBe(50);
    expect(a.pathLength.min).toBeGreaterThanOrEqual(2);
  });
});

describe('the scenario test', () => {
  it('fails a scenario with an unreachable ending', () => {
    const s = tinyScenario(`## Open\n- "Go" -> [Gate](#gate)\n\n## Gate\n- if trust >= 2 -> [Won](#won)\n- otherwise -> [Lost](#lost)\n\n${WON}\n${LOST}`, 'variables: { trust: 0 }');
    expect(testScenario(s, { runs: 10, seed: 1 }).failures).toEqual(['no path reaches the node "won"', 'the ending "won" cannot be reached']);
  });

  it('flags example replies whose scored level differs from the written one', () => {
    const s = tinyScenario(ASK, 'variables: { trust: { value: 0, min: 0, max: 2 } }');
    const report = testScenario(s, { runs: 10, seed: 1, scorer: forcedScorer({ empathy: 4, value_framing: 2 }) });
    expect(report.examples).toMatchObject({ checked: 1, disagreements: [{ rubric: 'value_framing', expected: 4, scored: 2, text: 'Great reply' }] });
  });
});
