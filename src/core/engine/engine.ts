import type { RubricId } from '../content/vocabulary.ts';
import { evaluate } from '../scenario/condition.ts';
import type { Branch, Choice, Effect, Scenario, ScenarioNode, Value, VariableSpec } from '../scenario/scenario.ts';
import type { ReplyContext, ReplyScorer, RubricResult } from '../scoring/reply-scorer.ts';
import type { RunInput, RunState, Turn, Violation } from './run-state.ts';
import { mixSeed, seededRandom, shuffled } from './seeded-random.ts';

/** Nodes entered in one step without the rep acting; past this the scenario loops on its own. */
const MAX_AUTO_STEPS = 500;

export interface StartOptions {
  seed: number;
  /** Recorded in the run so a score can be traced to the scorer that gave it. */
  scorer: Pick<ReplyScorer, 'version'>;
  /** Play-testing: begin at this node instead of the first one (such a run is not one `replay` rebuilds). */
  at?: string;
  /** Play-testing: these variables start with these values instead of their declared ones. */
  variables?: Readonly<Record<string, Value>>;
}

/** A choice as a face shows it: enabled, or disabled with the author's reason. */
export interface OfferedChoice {
  index: number;
  text: string;
  enabled: boolean;
  reason?: string;
}

/** Starts a run at the scenario's first node. */
export function start(scenario: Scenario, options: StartOptions): RunState {
  const first = options.at !== undefined && scenario.nodes[options.at] ? options.at : scenario.start;
  const state: RunState = {
    scenarioId: scenario.id,
    contentHash: scenario.contentHash,
    scorerVersion: options.scorer.version,
    seed: options.seed,
    status: 'awaiting-choice',
    node: first,
    variables: Object.fromEntries(scenario.variables.map((v) => [v.name, options.variables?.[v.name] ?? v.initial])),
    visits: {},
    usedChoices: [],
    transcript: [],
    turns: [],
    violations: [],
    events: [],
    inputs: [],
    score: null,
  };
  enter(scenario, state, first);
  return state;
}

/**
 * Applies one input and returns the next state; the given state is not
 * changed. An input that does not fit the moment (a choice that is not
 * offered, a reply when a choice is due) returns the state unchanged with
 * `error` set, and is not recorded.
 */
export function step(scenario: Scenario, state: RunState, input: RunInput, scorer: ReplyScorer): RunState {
  const refuse = (error: string): RunState => ({ ...state, error });
  const node = scenario.nodes[state.node];
  if (state.status === 'ended' || state.status === 'stuck' || !node?.exit) return refuse('the conversation is over');
  const next = draft(state);
  next.inputs.push(input);

  if (input.type === 'choose') {
    if (node.exit.kind !== 'choices') return refuse('a typed reply is expected here, not a choice');
    const offered = offeredChoices(scenario, state).find((c) => c.index === input.index);
    const choice = node.exit.choices[input.index];
    if (!offered || !choice) return refuse(`there is no choice ${input.index + 1} here`);
    if (!offered.enabled) return refuse(offered.reason ?? 'that choice is not available');
    choose(scenario, next, node, choice);
    return next;
  }

  if (node.exit.kind !== 'ask') return refuse('pick one of the choices');
  const text = input.text.trim();
  if (!text) return refuse('write a reply first');
  const { ask, branches } = node.exit;
  const results = scorer.score(text, replyContext(scenario, state), ask.rubrics);
  const violations = detectViolations(scenario, node.id, text);
  const failsTurn = violations.length > 0;
  const turn: Turn = {
    node: node.id,
    kind: 'reply',
    text,
    earned: failsTurn ? 0 : results.reduce((sum, r) => sum + r.level, 0),
    max: 4 * ask.rubrics.length,
    results,
    violations,
  };
  next.transcript.push({ kind: 'rep', node: node.id, text, turn: next.turns.length });
  next.turns.push(turn);
  next.events.push({ type: 'reply-scored', node: node.id, results });
  recordViolations(next, violations);
  const scope = { ...next.variables, ...levelScope(results, ask.rubrics) };
  follow(scenario, next, node, pickBranch(branches, scope));
  return next;
}

/** Replays an input log from the start: how runs are saved, resumed and audited. */
export function replay(scenario: Scenario, seed: number, inputs: readonly RunInput[], scorer: ReplyScorer): RunState {
  let state = start(scenario, { seed, scorer });
  for (const input of inputs) {
    state = step(scenario, state, input, scorer);
    if (state.error) break;
  }
  return state;
}

/** The choices to show at the current node, in display order (seeded when the scenario shuffles). */
export function offeredChoices(scenario: Scenario, state: RunState): OfferedChoice[] {
  const exit = scenario.nodes[state.node]?.exit;
  if (state.status !== 'awaiting-choice' || exit?.kind !== 'choices') return [];
  const offered: OfferedChoice[] = [];
  for (const choice of exit.choices) {
    if (choice.once && state.usedChoices.includes(`${state.node}#${choice.index}`)) continue;
    const holds = !choice.condition || evaluate(choice.condition.expr, state.variables);
    if (holds) offered.push({ index: choice.index, text: choice.text, enabled: true });
    else if (choice.disabledReason !== undefined) offered.push({ index: choice.index, text: choice.text, enabled: false, reason: choice.disabledReason });
  }
  if (!scenario.shuffle) return offered;
  const visit = state.visits[state.node] ?? 0;
  return shuffled(offered, seededRandom(mixSeed(state.seed, `${state.node}:${visit}`)));
}

/** What the scorer is told about the current ask: the buyer's last line, what the rep knows, the key points. */
export function replyContext(scenario: Scenario, state: RunState): ReplyContext {
  const exit = scenario.nodes[state.node]?.exit;
  const lastBuyer = [...state.transcript].reverse().find((e) => e.kind === 'buyer');
  return {
    buyer: lastBuyer?.kind === 'buyer' ? lastBuyer.text : '',
    known: scenario.known,
    keyPoints: exit?.kind === 'ask' ? exit.ask.keyPoints : [],
  };
}

/** The scope score branches see: each rubric's level and their mean as `average`. */
export function levelScope(results: readonly RubricResult[], rubrics: readonly RubricId[]): Record<string, number> {
  const scope: Record<string, number> = {};
  for (const rubric of rubrics) scope[rubric] = results.find((r) => r.rubric === rubric)?.level ?? 0;
  scope.average = rubrics.length ? rubrics.reduce((sum, r) => sum + scope[r]!, 0) / rubrics.length : 0;
  return scope;
}

function draft(state: RunState): RunState {
  const { error: _error, ...rest } = state;
  return {
    ...rest,
    variables: { ...state.variables },
    visits: { ...state.visits },
    usedChoices: [...state.usedChoices],
    transcript: [...state.transcript],
    turns: [...state.turns],
    violations: [...state.violations],
    events: [...state.events],
    inputs: [...state.inputs],
  };
}

function choose(scenario: Scenario, state: RunState, node: ScenarioNode, choice: Choice) {
  if (node.exit?.kind !== 'choices') return;
  if (choice.once) state.usedChoices.push(`${node.id}#${choice.index}`);
  state.events.push({ type: 'choice-made', node: node.id, index: choice.index, text: choice.text });
  const violations: Violation[] = choice.breaks.flatMap((id) => {
    const rule = scenario.compliance.find((r) => r.id === id);
    return rule ? [{ rule: rule.id, description: rule.rule, fails: rule.fails, node: node.id }] : [];
  });
  recordViolations(state, violations);
  const scored = node.exit.choices.some((c) => c.score !== undefined);
  let turnIndex: number | undefined;
  if (scored) {
    // The best a rep could have earned is the best choice that was on offer.
    const offered = offeredChoices(scenario, { ...state, status: 'awaiting-choice' }).filter((c) => c.enabled);
    const max = Math.max(...offered.map((c) => node.exit!.kind === 'choices' ? (node.exit!.choices[c.index]!.score ?? 0) : 0), choice.score ?? 0);
    turnIndex = state.turns.length;
    state.turns.push({ node: node.id, kind: 'choice', text: choice.text, earned: violations.length ? 0 : (choice.score ?? 0), max, violations });
  }
  state.transcript.push({ kind: 'rep', node: node.id, text: choice.text, ...(turnIndex !== undefined ? { turn: turnIndex } : {}) });
  applyEffects(scenario, state, choice.effects);
  enter(scenario, state, choice.target);
}

function follow(scenario: Scenario, state: RunState, node: ScenarioNode, branch: Branch | undefined) {
  if (!branch) {
    stuck(state, node.id, 'no branch matched and there is no "otherwise"');
    return;
  }
  applyEffects(scenario, state, branch.effects);
  enter(scenario, state, branch.target);
}

function pickBranch(branches: readonly Branch[], scope: Record<string, Value>): Branch | undefined {
  return branches.find((b) => !b.condition || evaluate(b.condition.expr, scope));
}

/** Enters a node and runs on through jumps and branches until the rep must act or the run ends. */
function enter(scenario: Scenario, state: RunState, target: string) {
  let id = target;
  for (let steps = 0; steps < MAX_AUTO_STEPS; steps++) {
    const node = scenario.nodes[id];
    if (!node) return stuck(state, id, `there is no node "${id}"`);
    state.node = id;
    state.visits[id] = (state.visits[id] ?? 0) + 1;
    state.events.push({ type: 'node-entered', node: id });
    for (const line of node.lines) {
      state.transcript.push(line.kind === 'buyer' ? { kind: 'buyer', node: id, speaker: line.speaker, text: line.text } : { kind: 'narration', node: id, text: line.text });
    }
    const exit = node.exit;
    if (!exit) return stuck(state, id, 'the node has no way on');
    switch (exit.kind) {
      case 'end':
        state.status = 'ended';
        state.outcome = { outcome: exit.ending.outcome, kind: exit.ending.kind, feedback: exit.ending.feedback, node: id };
        state.score = finalScore(scenario, state, exit.ending.score);
        state.events.push({ type: 'run-ended', node: id, outcome: exit.ending.outcome, score: state.score });
        return;
      case 'ask':
        state.status = 'awaiting-reply';
        return;
      case 'choices':
        state.status = 'awaiting-choice';
        if (!offeredChoices(scenario, state).some((c) => c.enabled)) return stuck(state, id, 'no choice is available here');
        return;
      case 'jump':
        applyEffects(scenario, state, exit.effects);
        id = exit.target;
        break;
      case 'branches': {
        const branch = pickBranch(exit.branches, state.variables);
        if (!branch) return stuck(state, id, 'no branch matched and there is no "otherwise"');
        applyEffects(scenario, state, branch.effects);
        id = branch.target;
        break;
      }
    }
  }
  stuck(state, id, `the conversation moved ${MAX_AUTO_STEPS} times without the rep acting (a loop of jumps or branches)`);
}

function stuck(state: RunState, node: string, reason: string) {
  state.status = 'stuck';
  state.stuckReason = reason;
  state.events.push({ type: 'run-stuck', node, reason });
}

function applyEffects(scenario: Scenario, state: RunState, effects: readonly Effect[]) {
  for (const effect of effects) {
    const spec = scenario.variables.find((v) => v.name === effect.variable);
    if (!spec) continue;
    const current = state.variables[effect.variable];
    const value = effect.kind === 'add' ? (typeof current === 'number' ? current : 0) + effect.amount : effect.value;
    state.variables[effect.variable] = clamp(spec, value);
  }
}

function clamp(spec: VariableSpec, value: Value): Value {
  if (typeof value !== 'number') return value;
  return Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, value));
}

function detectViolations(scenario: Scenario, node: string, text: string): Violation[] {
  const found: Violation[] = [];
  for (const rule of scenario.compliance) {
    for (const pattern of rule.detect) {
      let match: RegExpExecArray | null = null;
      try {
        match = new RegExp(pattern, 'i').exec(text);
      } catch {
        continue; // Reported by the compiler (PARLEY121).
      }
      if (match) {
        found.push({ rule: rule.id, description: rule.rule, fails: rule.fails, node, match: { start: match.index, end: match.index + match[0].length, text: match[0] } });
        break;
      }
    }
  }
  return found;
}

function recordViolations(state: RunState, violations: readonly Violation[]) {
  for (const v of violations) {
    state.violations.push(v);
    state.events.push({ type: 'compliance-broken', node: v.node, rule: v.rule, fails: v.fails });
  }
}

function finalScore(scenario: Scenario, state: RunState, endingScore: number | undefined): number | null {
  if (state.violations.some((v) => v.fails === 'run')) return 0;
  switch (scenario.scoring) {
    case 'none':
      return null;
    case 'ending':
      return endingScore ?? null;
    case 'path': {
      const max = state.turns.reduce((sum, t) => sum + t.max, 0);
      return max === 0 ? null : Math.round((100 * state.turns.reduce((sum, t) => sum + t.earned, 0)) / max);
    }
  }
}
