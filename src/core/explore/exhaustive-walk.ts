import type { RubricId } from '../content/vocabulary.ts';
import { offeredChoices, start, step } from '../engine/engine.ts';
import type { RunInput, RunState } from '../engine/run-state.ts';
import { evaluate } from '../scenario/condition.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { forcedScorer } from '../scoring/reply-scorer.ts';

/** One move on a path through a scenario. */
export interface PathStep {
  node: string;
  input: RunInput;
  /** What a person reads: the choice's text, or the forced levels of a reply. */
  label: string;
  /** For forced replies: the levels used. */
  levels?: Partial<Record<RubricId, number>>;
}

export interface ReachedEnding {
  node: string;
  outcome: string;
  kind: string;
  /** The shortest path found to it. */
  path: PathStep[];
}

export interface StuckState {
  node: string;
  reason: string;
  path: PathStep[];
}

export interface ExhaustiveReport {
  nodes: number;
  covered: string[];
  uncovered: string[];
  /** Share of nodes some path reaches, 0-1. */
  coverage: number;
  endings: ReachedEnding[];
  /** Ending nodes that no path reaches. */
  unreachedEndings: string[];
  stuck: StuckState[];
  statesExplored: number;
  /** True when the state limit stopped the walk early. */
  truncated: boolean;
}

const STATE_LIMIT = 50_000;
const LEVELS = [0, 1, 2, 3, 4];
const PLACEHOLDER_REPLY = '(forced by the tester)';

/**
 * Walks every path: forks on every offered choice and on every score band of
 * every ask (the scorer forced to one representative set of levels per branch
 * the levels can take). States are merged when node, variables and used
 * once-only choices are equal, which bounds loops. Reports coverage, a path
 * to every ending, and every state where a run gets stuck.
 */
export function walkExhaustively(scenario: Scenario): ExhaustiveReport {
  const first = start(scenario, { seed: 0, scorer: forcedScorer({}) });
  const seen = new Map<string, { parent?: string; step?: PathStep }>();
  const covered = new Set<string>();
  const endings = new Map<string, ReachedEnding>();
  const stuck: StuckState[] = [];
  const queue: { key: string; state: RunState }[] = [];
  let truncated = false;

  const visit = (state: RunState, parent?: string, via?: PathStep) => {
    for (const e of state.events) if (e.type === 'node-entered') covered.add(e.node);
    const key = stateKey(state);
    if (seen.has(key)) return;
    seen.set(key, { parent, step: via });
    const path = () => pathTo(key, seen);
    if (state.status === 'ended' && state.outcome && !endings.has(state.node)) {
      endings.set(state.node, { node: state.node, outcome: state.outcome.outcome, kind: state.outcome.kind, path: path() });
    } else if (state.status === 'stuck') {
      stuck.push({ node: state.node, reason: state.stuckReason ?? 'stuck', path: path() });
    } else if (state.status !== 'ended') {
      queue.push({ key, state });
    }
  };
  visit(first);

  while (queue.length > 0) {
    if (seen.size > STATE_LIMIT) {
      truncated = true;
      break;
    }
    const { key, state } = queue.shift()!;
    // Only the newest events matter for coverage; drop history to keep states small.
    const base = { ...state, events: [] };
    for (const move of movesFrom(scenario, base)) {
      const next = step(scenario, base, move.input, move.scorer);
      if (next.error) continue;
      visit(next, key, { node: state.node, input: move.input, label: move.label, ...(move.levels ? { levels: move.levels } : {}) });
    }
  }

  const endingNodes = scenario.order.filter((id) => scenario.nodes[id]!.exit?.kind === 'end');
  return {
    nodes: scenario.order.length,
    covered: scenario.order.filter((id) => covered.has(id)),
    uncovered: scenario.order.filter((id) => !covered.has(id)),
    coverage: scenario.order.length ? scenario.order.filter((id) => covered.has(id)).length / scenario.order.length : 1,
    endings: endingNodes.filter((id) => endings.has(id)).map((id) => endings.get(id)!),
    unreachedEndings: endingNodes.filter((id) => !endings.has(id)),
    stuck,
    statesExplored: seen.size,
    truncated,
  };
}

interface Move {
  input: RunInput;
  label: string;
  scorer: ReturnType<typeof forcedScorer>;
  levels?: Partial<Record<RubricId, number>>;
}

/** Every distinct move from a state: each enabled choice, or one forced reply per branch the levels can reach. */
export function movesFrom(scenario: Scenario, state: RunState): Move[] {
  const none = forcedScorer({});
  if (state.status === 'awaiting-choice') {
    return offeredChoices(scenario, state)
      .filter((c) => c.enabled)
      .map((c) => ({ input: { type: 'choose', index: c.index }, label: c.text, scorer: none }));
  }
  const exit = scenario.nodes[state.node]?.exit;
  if (state.status !== 'awaiting-reply' || exit?.kind !== 'ask') return [];
  const byBranch = new Map<number, Partial<Record<RubricId, number>>>();
  for (const levels of levelCombinations(exit.ask.rubrics)) {
    const scope = { ...state.variables, ...levels, average: mean(exit.ask.rubrics.map((r) => levels[r]!)) };
    const taken = exit.branches.findIndex((b) => !b.condition || evaluate(b.condition.expr, scope));
    if (!byBranch.has(taken)) byBranch.set(taken, levels);
  }
  return [...byBranch.values()].map((levels) => ({
    input: { type: 'reply', text: PLACEHOLDER_REPLY },
    label: `a reply scored ${Object.entries(levels).map(([r, l]) => `${r} ${l}`).join(', ')}`,
    scorer: forcedScorer(levels),
    levels,
  }));
}

function* levelCombinations(rubrics: readonly RubricId[]): Generator<Partial<Record<RubricId, number>>> {
  const index = rubrics.map(() => 0);
  while (true) {
    yield Object.fromEntries(rubrics.map((r, i) => [r, LEVELS[index[i]!]!]));
    let k = rubrics.length - 1;
    while (k >= 0 && ++index[k]! === LEVELS.length) index[k--] = 0;
    if (k < 0) return;
  }
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function stateKey(state: RunState): string {
  return `${state.status}|${state.node}|${JSON.stringify(state.variables)}|${[...state.usedChoices].sort().join(',')}`;
}

function pathTo(key: string, seen: Map<string, { parent?: string; step?: PathStep }>): PathStep[] {
  const path: PathStep[] = [];
  let at: string | undefined = key;
  while (at) {
    const entry = seen.get(at);
    if (!entry?.step) break;
    path.unshift(entry.step);
    at = entry.parent;
  }
  return path;
}
