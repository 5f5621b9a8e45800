/** Finished practice runs for the server tests, played by the real engine on the real price-premium scenario. */
import { readFileSync } from 'node:fs';
import { start, step } from '../../src/core/engine/engine.ts';
import type { RunInput } from '../../src/core/engine/run-state.ts';
import { completeRun, type CompletedRun } from '../../src/core/progress/progress.ts';
import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';

const file = 'scenarios/price-premium.md';
const scenario = compileScenario(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file).value!;

/** Scope gap, a typed reply (levels 2, 3, 4), performance terms, the CFO meeting: won. */
const PATH: RunInput[] = [{ type: 'choose', index: 0 }, { type: 'reply', text: 'So the gap is people and minutes.' }, { type: 'choose', index: 1 }, { type: 'choose', index: 0 }];

/** A finished run with one scored reply (turn 1), as the web app would sync it. */
export function practiceRun(id: string, finishedAt = '2026-03-02T10:00:00.000Z'): CompletedRun {
  const scorer = forcedScorer({ active_listening: 2, empathy: 3, value_framing: 4 });
  let state = start(scenario, { seed: 1, scorer });
  for (const input of PATH) state = step(scenario, state, input, scorer);
  return JSON.parse(JSON.stringify(completeRun(state, scenario, { id, iso: finishedAt, day: finishedAt.slice(0, 10) })));
}
