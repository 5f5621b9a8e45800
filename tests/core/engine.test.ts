import { describe, expect, it } from 'vitest';
import { offeredChoices, replay, start, step } from '../../src/core/engine/engine.ts';
import type { RunInput } from '../../src/core/engine/run-state.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';
import { tinyScenario } from './scenario-text.ts';

const none = forcedScorer({});
const choose = (index: number): RunInput => ({ type: 'choose', index });
const reply = (text: string): RunInput => ({ type: 'reply', text });

const WON = '## Won\n:::end{outcome="won" score="90"}\nNice.\n:::\n';
const LOST = '## Lost\n:::end{outcome="lost" score="10"}\nNo.\n:::\n';

describe('the engine', () => {
  it('starts at the first node with its lines and waits for a choice', () => {
    const s = tinyScenario(`## Open\n*Sam looks up.*\n\n**Sam:** Hi.\n\n- "Hello" -> [Won](#won)\n\n${WON}`);
    const state = start(s, { seed: 1, scorer: none });
    expect(state.transcript).toEqual([
      { kind: 'narration', node: 'open', text: 'Sam looks up.' },
      { kind: 'buyer', node: 'open', speaker: 'Sam', text: 'Hi.' },
    ]);
    expect(state.status).toBe('awaiting-choice');
  });

  it('a choice applies its effects, records the rep line and moves to its target', () => {
    const s = tinyScenario(`## Open\n- "Hello" \`trust +2\` -> [Next](#next)\n\n## Next\n**Sam:** Go on.\n\n-> [Won](#won)\n\n${WON}`, 'variables: { trust: 1 }');
    const state = step(s, start(s, { seed: 1, scorer: none }), choose(0), none);
    expect(state.variables.trust).toBe(3);
    expect(state.transcript.map((e) => e.text)).toEqual(['Hello', 'Go on.']);
    expect(state.status).toBe('ended');
  });

  it('keeps numbers inside their bounds', () => {
    const s = tinyScenario(`## Open\n- "Up" \`trust +9\` -> [Won](#won)\n\n${WON}`, 'variables: { trust: { value: 1, min: 0, max: 3 } }');
    expect(step(s, start(s, { seed: 1, scorer: none }), choose(0), none).variables.trust).toBe(3);
  });

  it('shows a conditional choice disabled with its reason, or hides it', () => {
    const s = tinyScenario(
      `## Open\n- "Ask for the CFO" \`if trust >= 2 else "Sam needs to trust you first"\` -> [Won](#won)\n- "Secret" \`if trust >= 2\` -> [Won](#won)\n- "Chat" -> [Won](#won)\n\n${WON}`,
      'variables: { trust: 1 }',
    );
    expect(offeredChoices(s, start(s, { seed: 1, scorer: none }))).toEqual([
      { index: 0, text: 'Ask for the CFO', enabled: false, reason: 'Sam needs to trust you first' },
      { index: 2, text: 'Chat', enabled: true },
    ]);
  });

  it('a play-test can start at any node with variables set by hand', () => {
    const s = tinyScenario(
      `## Open\n**Sam:** Hello.\n- "Go on" -> [Middle](#middle)\n\n## Middle\n**Sam:** So?\n- "Ask for the CFO" \`if trust >= 2 else "Sam needs to trust you first"\` -> [Won](#won)\n- "Chat" -> [Won](#won)\n\n${WON}`,
      'variables: { trust: 1 }',
    );
    const state = start(s, { seed: 1, scorer: none, at: 'middle', variables: { trust: 3 } });
    expect(state.node).toBe('middle');
    expect(state.transcript).toEqual([{ kind: 'buyer', node: 'middle', speaker: 'Sam', text: 'So?' }]);
    expect(state.variables).toEqual({ trust: 3 });
    expect(offeredChoices(s, state).map((c) => c.enabled)).toEqual([true, true]);
    // An unknown node falls back to the start.
    expect(start(s, { seed: 1, scorer: none, at: 'nowhere' }).node).toBe('open');
  });

  it('refuses a disabled choice without recording it', () => {
    const s = tinyScenario(`## Open\n- "CFO" \`if trust >= 2 else "Not yet"\` -> [Won](#won)\n- "Chat" -> [Won](#won)\n\n${WON}`, 'variables: { trust: 1 }');
    const first = start(s, { seed: 1, scorer: none });
    const next = step(s, first, choose(0), none);
    expect(next.error).toBe('Not yet');
    expect(next.inputs).toEqual([]);
    expect(next.node).toBe('open');
  });

  it('offers a once-only choice only once', () => {
    const s = tinyScenario(`## Open\n- "Small talk" \`once\` -> [Open](#open)\n- "Get to it" -> [Won](#won)\n\n${WON}`);
    const again = step(s, start(s, { seed: 1, scorer: none }), choose(0), none);
    expect(offeredChoices(s, again).map((c) => c.text)).toEqual(['Get to it']);
  });

  it('branches on variables without waiting for the rep', () => {
    const s = tinyScenario(`## Open\n- "Warm" \`warm = true\` -> [Check](#check)\n- "Cold" -> [Check](#check)\n\n## Check\n- if warm -> [Won](#won)\n- otherwise -> [Lost](#lost)\n\n${WON}\n${LOST}`, 'variables: { warm: false }');
    expect(step(s, start(s, { seed: 1, scorer: none }), choose(0), none).outcome?.outcome).toBe('won');
    expect(step(s, start(s, { seed: 1, scorer: none }), choose(1), none).outcome?.outcome).toBe('lost');
  });

  it('scores a typed reply and takes the first score branch that holds', () => {
    const s = tinyScenario(`## Ask\n**Sam:** Why you?\n\n:::ask{rubrics="empathy,value_framing"}\nAnswer.\n:::\n- empathy >= 3 and value_framing >= 3 -> [Won](#won)\n- average >= 2 -> [Won](#won)\n- otherwise -> [Lost](#lost)\n\n${WON}\n${LOST}`);
    const play = (levels: { empathy: number; value_framing: number }) => step(s, start(s, { seed: 1, scorer: none }), reply('Because.'), forcedScorer(levels));
    expect(play({ empathy: 4, value_framing: 3 }).outcome?.outcome).toBe('won');
    expect(play({ empathy: 1, value_framing: 3 }).outcome?.outcome).toBe('won');
    expect(play({ empathy: 1, value_framing: 2 }).outcome?.outcome).toBe('lost');
  });

  it('tells the scorer the buyer\'s last line, what the rep knows and the key points', () => {
    const s = tinyScenario(`## Ask\n**Sam:** Too pricey.\n\n:::ask{rubrics="empathy"}\nAnswer.\n- key point: the price\n:::\n- otherwise -> [Won](#won)\n\n${WON}`, 'known: [Budget is fixed]');
    let seen: unknown;
    const spy = { version: 'spy', score: (_r: string, context: unknown) => ((seen = context), [{ rubric: 'empathy' as const, level: 2, evidence: [], caps: [], feedback: '' }]) };
    step(s, start(s, { seed: 1, scorer: spy }), reply('Fair.'), spy);
    expect(seen).toEqual({ buyer: 'Too pricey.', known: ['Budget is fixed'], keyPoints: ['the price'] });
  });

  it('path scoring sums the turns played over their maximum', () => {
    const s = tinyScenario(`## Open\n- "Good" \`score 4\` -> [Ask](#ask)\n- "Poor" \`score 1\` -> [Ask](#ask)\n\n## Ask\n:::ask{rubrics="empathy"}\nSay it.\n:::\n-> [Won](#won)\n\n${WON}`);
    const state = replay(s, 1, [choose(1), reply('ok')], forcedScorer({ empathy: 3 }));
    expect(state.turns.map((t) => [t.earned, t.max])).toEqual([[1, 4], [3, 4]]);
    expect(state.score).toBe(50);
  });

  it('ending scoring takes the ending\'s score', () => {
    const s = { ...tinyScenario(`## Open\n- "Go" -> [Won](#won)\n\n${WON}`), scoring: 'ending' as const };
    expect(replay(s, 1, [choose(0)], none).score).toBe(90);
  });

  it('a choice that breaks a rule scores the turn 0 and names the rule', () => {
    const s = tinyScenario(
      `## Open\n- "Ten percent off" \`breaks no-discount\` \`score 4\` -> [Won](#won)\n- "Value" \`score 4\` -> [Won](#won)\n\n${WON}`,
      "compliance:\n  no-discount: { rule: Never discount without approval., fails: turn, detect: ['discount'] }",
    );
    const state = replay(s, 1, [choose(0)], none);
    expect(state.turns[0]?.earned).toBe(0);
    expect(state.violations).toMatchObject([{ rule: 'no-discount', description: 'Never discount without approval.' }]);
    expect(state.events).toContainEqual({ type: 'compliance-broken', node: 'open', rule: 'no-discount', fails: 'turn' });
  });

  it('a typed reply that matches a run-failing rule fails the run whatever its score', () => {
    const s = tinyScenario(`## Ask\n:::ask{rubrics="empathy"}\nSay it.\n:::\n-> [Won](#won)\n\n${WON}`, "compliance:\n  no-promise: { rule: No delivery dates., fails: run, detect: ['by (monday|friday)'] }");
    const state = replay(s, 1, [reply('We can deliver by Friday, I promise.')], forcedScorer({ empathy: 4 }));
    expect(state.violations[0]?.match).toEqual({ start: 15, end: 24, text: 'by Friday' });
    expect(state.score).toBe(0);
  });

  it('refuses a reply where a choice is due, and an empty reply', () => {
    const s = tinyScenario(`## Open\n- "Go" -> [Ask](#ask)\n\n## Ask\n:::ask{rubrics="empathy"}\nSay it.\n:::\n-> [Won](#won)\n\n${WON}`);
    const first = start(s, { seed: 1, scorer: none });
    expect(step(s, first, reply('hi'), none).error).toBe('pick one of the choices');
    expect(step(s, step(s, first, choose(0), none), reply('   '), none).error).toBe('write a reply first');
  });

  it('a loop of jumps gets stuck instead of hanging', () => {
    const s = tinyScenario(`## A\n- "Go" -> [B](#b)\n- "Win" -> [Won](#won)\n\n## B\n-> [C](#c)\n\n## C\n-> [B](#b)\n\n${WON}`);
    const state = step(s, start(s, { seed: 1, scorer: none }), choose(0), none);
    expect(state.status).toBe('stuck');
    expect(state.stuckReason).toMatch(/without the rep acting/);
  });

  it('emits an event for every node, choice, scored reply and ending', () => {
    const s = tinyScenario(`## Open\n- "Go" -> [Ask](#ask)\n\n## Ask\n:::ask{rubrics="empathy"}\nSay it.\n:::\n-> [Won](#won)\n\n${WON}`);
    const types = replay(s, 1, [choose(0), reply('ok')], forcedScorer({ empathy: 2 })).events.map((e) => e.type);
    expect(types).toEqual(['node-entered', 'choice-made', 'node-entered', 'reply-scored', 'node-entered', 'run-ended']);
  });

  it('records the scenario\'s content hash and the scorer\'s version', () => {
    const s = tinyScenario(`## Open\n- "Go" -> [Won](#won)\n\n${WON}`);
    const state = start(s, { seed: 7, scorer: forcedScorer({}, 'scorer-1.2') });
    expect(state).toMatchObject({ contentHash: s.contentHash, scorerVersion: 'scorer-1.2', seed: 7 });
    expect(s.contentHash).toMatch(/^[0-9a-f]{14}$/);
  });

  it('shuffles choices the same way for the same seed', () => {
    const s = tinyScenario(`## Open\n${['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `- "${x}" -> [Won](#won)`).join('\n')}\n\n${WON}`, 'shuffle: true');
    const order = (seed: number) => offeredChoices(s, start(s, { seed, scorer: none })).map((c) => c.text).join('');
    expect(order(3)).toBe(order(3));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(order)).size).toBeGreaterThan(1);
  });

  it('replaying a saved input log reproduces the transcript exactly', () => {
    const s = tinyScenario(`## Open\n- "Go" \`trust +1\` -> [Ask](#ask)\n- "Stay" -> [Open](#open)\n\n## Ask\n**Sam:** Well?\n\n:::ask{rubrics="empathy"}\nSay it.\n:::\n- empathy >= 2 -> [Won](#won)\n- otherwise -> [Lost](#lost)\n\n${WON}\n${LOST}`, 'variables: { trust: 0 }');
    const scorer = forcedScorer({ empathy: 3 });
    let live = start(s, { seed: 5, scorer });
    for (const input of [choose(1), choose(0), reply('I hear the timing worries you.')]) live = step(s, live, input, scorer);
    const replayed = replay(s, 5, live.inputs, scorer);
    expect(replayed).toEqual(live);
    expect(JSON.parse(JSON.stringify(live))).toEqual(live);
  });
});
