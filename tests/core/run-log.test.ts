import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { start, step } from '../../src/core/engine/engine.ts';
import type { RunInput, RunState } from '../../src/core/engine/run-state.ts';
import { logNeedsScorer, parseRunLog, resumeRun, runLogOf } from '../../src/core/progress/run-log.ts';
import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';

const premium = compileScenario(readFileSync(new URL('../../scenarios/price-premium.md', import.meta.url), 'utf8'), 'scenarios/price-premium.md').value!;
const scorer = forcedScorer({ active_listening: 2, empathy: 3, value_framing: 4 });
const AT = '2026-03-02T18:30:00.000Z';

function play(scenario: Scenario, inputs: RunInput[]): RunState {
  let state = start(scenario, { seed: 7, scorer });
  for (const input of inputs) state = step(scenario, state, input, scorer);
  return state;
}

describe('a run log', () => {
  const midway = play(premium, [{ type: 'choose', index: 0 }, { type: 'reply', text: 'So the gap is people and minutes.' }]);

  it('holds the scenario, its version, the seed and every input so far', () => {
    expect(runLogOf(midway, premium, AT)).toEqual({
      format: 'parley-run-log',
      version: 1,
      scenarioId: 'price-premium',
      scenarioTitle: premium.title,
      contentHash: premium.contentHash,
      scorerVersion: 'forced',
      seed: 7,
      inputs: [{ type: 'choose', index: 0 }, { type: 'reply', text: 'So the gap is people and minutes.' }],
      updatedAt: AT,
    });
  });

  it('reads back what it wrote', () => {
    const log = runLogOf(midway, premium, AT);
    expect(parseRunLog(JSON.stringify(log))).toEqual({ ok: true, log });
  });

  it('says where a damaged log is wrong', () => {
    const log = { ...runLogOf(midway, premium, AT), inputs: [{ type: 'choose', index: -1 }] };
    expect(parseRunLog(JSON.stringify(log))).toEqual({ ok: false, error: expect.stringMatching(/^inputs\[0\]/) });
    expect(parseRunLog('{"format":')).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });

  it('resumes to the same state by replaying its inputs', () => {
    const resumed = resumeRun(premium, runLogOf(midway, premium, AT), scorer);
    expect(resumed).toEqual({ ok: true, state: midway });
  });

  it('is not resumed once the scenario has changed', () => {
    const log = { ...runLogOf(midway, premium, AT), contentHash: 'older' };
    expect(resumeRun(premium, log, scorer)).toEqual({ ok: false, problem: 'scenario-changed' });
  });

  it('is not resumed when the engine refuses one of its inputs', () => {
    const log = { ...runLogOf(midway, premium, AT), inputs: [{ type: 'choose' as const, index: 9 }] };
    expect(resumeRun(premium, log, scorer)).toEqual({ ok: false, problem: 'replay-refused' });
  });

  it('needs the scorer to replay only when it holds a typed reply', () => {
    expect(logNeedsScorer({ inputs: [{ type: 'choose', index: 0 }] })).toBe(false);
    expect(logNeedsScorer(runLogOf(midway, premium, AT))).toBe(true);
  });
});
