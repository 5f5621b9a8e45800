import { offeredChoices, start, step } from '../engine/engine.ts';
import { seededRandom } from '../engine/seeded-random.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { forcedScorer } from '../scoring/reply-scorer.ts';

export interface RandomWalkOptions {
  runs: number;
  seed: number;
  /** Moves after which a run counts as endless. */
  maxMoves?: number;
}

export interface RandomWalkReport {
  runs: number;
  seed: number;
  /** How many runs entered each node at least once. */
  nodeHits: Record<string, number>;
  /** How many runs ended at each outcome. */
  outcomes: Record<string, number>;
  stuck: number;
  endless: number;
  /** Moves per run (choices and replies). */
  pathLength: { min: number; mean: number; median: number; max: number };
}

/** Plays `runs` random runs: a random enabled choice at each turn, random levels at each ask. */
export function walkRandomly(scenario: Scenario, options: RandomWalkOptions): RandomWalkReport {
  const random = seededRandom(options.seed);
  const maxMoves = options.maxMoves ?? 200;
  const nodeHits: Record<string, number> = Object.fromEntries(scenario.order.map((id) => [id, 0]));
  const outcomes: Record<string, number> = {};
  const lengths: number[] = [];
  let stuck = 0;
  let endless = 0;
  for (let run = 0; run < options.runs; run++) {
    let state = start(scenario, { seed: Math.floor(random() * 2 ** 31), scorer: forcedScorer({}) });
    let moves = 0;
    while ((state.status === 'awaiting-choice' || state.status === 'awaiting-reply') && moves < maxMoves) {
      if (state.status === 'awaiting-choice') {
        const enabled = offeredChoices(scenario, state).filter((c) => c.enabled);
        state = step(scenario, state, { type: 'choose', index: enabled[Math.floor(random() * enabled.length)]!.index }, forcedScorer({}));
      } else {
        state = step(scenario, state, { type: 'reply', text: '(random reply)' }, forcedScorer(() => Math.floor(random() * 5)));
      }
      moves++;
    }
    for (const id of new Set(state.events.flatMap((e) => (e.type === 'node-entered' ? [e.node] : [])))) nodeHits[id] = (nodeHits[id] ?? 0) + 1;
    if (state.status === 'ended' && state.outcome) outcomes[state.outcome.outcome] = (outcomes[state.outcome.outcome] ?? 0) + 1;
    else if (state.status === 'stuck') stuck++;
    else endless++;
    lengths.push(moves);
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  return {
    runs: options.runs,
    seed: options.seed,
    nodeHits,
    outcomes,
    stuck,
    endless,
    pathLength: {
      min: sorted[0] ?? 0,
      mean: sorted.length ? Math.round((10 * sorted.reduce((a, b) => a + b, 0)) / sorted.length) / 10 : 0,
      median: sorted[Math.floor(sorted.length / 2)] ?? 0,
      max: sorted[sorted.length - 1] ?? 0,
    },
  };
}
