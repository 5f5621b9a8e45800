/**
 * A scenario as a graph for the studio's branch map: one node per `##`
 * heading, one edge per way on (a choice, a jump, a variable branch, a score
 * branch), with what the map marks: node kinds, unreachable nodes, loose
 * ends, broken targets. Layout is the face's job; this is the structure.
 */
import type { Effect, Scenario } from '../scenario/scenario.ts';

export type MapNodeKind = 'choices' | 'ask' | 'jump' | 'branches' | 'won' | 'lost' | 'neutral' | 'loose-end';

export interface MapNode {
  id: string;
  title: string;
  kind: MapNodeKind;
  /** The heading's line in the file. */
  line: number;
  /** Some path from the start reaches it (following every edge, whatever its condition). */
  reachable: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  /** The choice's text, or the condition ("empathy >= 3", "otherwise"). */
  label: string;
  kind: 'choice' | 'jump' | 'branch' | 'score';
  /** The target does not exist. */
  broken: boolean;
}

export interface ScenarioMap {
  start: string;
  nodes: MapNode[];
  edges: MapEdge[];
}

const effectText = (effects: readonly Effect[]) =>
  effects.map((e) => (e.kind === 'add' ? `${e.variable} ${e.amount >= 0 ? '+' : ''}${e.amount}` : `${e.variable} = ${String(e.value)}`)).join(', ');

function withEffects(label: string, effects: readonly Effect[]): string {
  const text = effectText(effects);
  return text ? `${label} [${text}]` : label;
}

/** Builds the map of a compiled scenario (also one with errors: the studio draws what it can). */
export function scenarioMap(scenario: Scenario): ScenarioMap {
  const edges: MapEdge[] = [];
  const add = (from: string, to: string, label: string, kind: MapEdge['kind']) => edges.push({ from, to, label, kind, broken: !scenario.nodes[to] });
  const nodes: MapNode[] = scenario.order.map((id) => {
    const node = scenario.nodes[id]!;
    const exit = node.exit;
    let kind: MapNodeKind = 'loose-end';
    switch (exit?.kind) {
      case 'choices':
        kind = 'choices';
        for (const c of exit.choices) add(id, c.target, withEffects(c.text, c.effects), 'choice');
        break;
      case 'jump':
        kind = 'jump';
        add(id, exit.target, withEffects('then', exit.effects), 'jump');
        break;
      case 'branches':
        kind = 'branches';
        for (const b of exit.branches) add(id, b.target, withEffects(b.condition?.source ?? 'otherwise', b.effects), 'branch');
        break;
      case 'ask':
        kind = 'ask';
        for (const b of exit.branches) add(id, b.target, withEffects(b.condition?.source ?? 'otherwise', b.effects), 'score');
        break;
      case 'end':
        kind = exit.ending.kind;
        break;
    }
    return { id, title: node.title, kind, line: node.at.line, reachable: false };
  });

  const reachable = new Set([scenario.start]);
  const queue = [scenario.start];
  while (queue.length) {
    const from = queue.shift()!;
    for (const e of edges) {
      if (e.from === from && !e.broken && !reachable.has(e.to)) {
        reachable.add(e.to);
        queue.push(e.to);
      }
    }
  }
  for (const n of nodes) n.reachable = reachable.has(n.id);
  return { start: scenario.start, nodes, edges };
}

/** The node whose section holds a line of the file: the last heading at or above it (nodes are in file order). */
export function nodeAtLine(map: ScenarioMap, line: number): string | undefined {
  let found: string | undefined;
  for (const n of map.nodes) {
    if (n.line > line) break;
    found = n.id;
  }
  return found;
}
