/**
 * Lays out a scenario map with dagre (top to bottom, one rank per step of the
 * conversation). The only importer of dagre; pure, so the benchmark and the
 * layout worker run exactly what small maps run on the main thread.
 *
 * Two choices keep big maps readable and fast to lay out: an ending that many
 * nodes lead to (the usual "lost") is drawn as a small stub beside each node
 * that leads there instead of one node with hundreds of long edges, and edge
 * labels sit at the middle of their edge instead of being nodes of the layout.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { MapEdge, MapNode, ScenarioMap } from '../../core/studio/scenario-map.ts';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 48;
export const STUB_WIDTH = 130;
export const STUB_HEIGHT = 28;
/** An ending with more incoming edges than this is drawn as stubs. */
const STUB_ABOVE = 3;
/** Edge labels are cut to this many characters on the map; the full text is in the tooltip. */
export const LABEL_CHARS = 28;

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  /** For a stub: the ending it stands for. */
  stubOf?: string;
  /** A target that does not exist, drawn so the broken edge has somewhere to go. */
  missing?: boolean;
}

export interface PlacedEdge extends MapEdge {
  points: { x: number; y: number }[];
  labelAt?: { x: number; y: number };
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const shortLabel = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);

const ENDINGS = new Set(['won', 'lost', 'neutral']);

/** What positions depend on: the nodes (and which are endings) and where each edge goes. Equal keys, equal layouts. */
export function structureKey(map: ScenarioMap): string {
  return `${map.nodes.map((n) => `${n.id}${ENDINGS.has(n.kind) ? '!' : ''}`).join('|')}#${map.edges.map((e) => `${e.from}>${e.to}`).join('|')}`;
}

export function layoutMap(map: ScenarioMap): MapLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 60, edgesep: 10, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, number>();
  for (const e of map.edges) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const stubbed = (id: string) => ENDINGS.has(byId.get(id)?.kind ?? '') && (incoming.get(id) ?? 0) > STUB_ABOVE;

  for (const n of map.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const extra: PlacedNode[] = [];
  const targets = map.edges.map((e, i) => {
    if (e.broken) {
      if (!g.hasNode(e.to)) {
        g.setNode(e.to, { width: NODE_WIDTH, height: NODE_HEIGHT });
        extra.push({ id: e.to, title: `${e.to} (missing)`, kind: 'loose-end', line: 0, reachable: false, x: 0, y: 0, missing: true });
      }
      return e.to;
    }
    if (!stubbed(e.to)) return e.to;
    const stub = `${e.to}@${i}`;
    g.setNode(stub, { width: STUB_WIDTH, height: STUB_HEIGHT });
    const target = byId.get(e.to)!;
    extra.push({ ...target, id: stub, x: 0, y: 0, stubOf: target.id });
    return stub;
  });
  map.edges.forEach((e, i) => g.setEdge(e.from, targets[i]!, {}, String(i)));
  layout(g);

  const at = (id: string) => g.node(id) as { x: number; y: number };
  const nodes: PlacedNode[] = [
    // A stubbed ending is drawn only as its stubs.
    ...map.nodes.filter((n) => !stubbed(n.id)).map((n) => ({ ...n, x: at(n.id).x, y: at(n.id).y })),
    ...extra.map((n) => ({ ...n, x: at(n.id).x, y: at(n.id).y })),
  ];
  const edges: PlacedEdge[] = map.edges.map((e, i) => {
    const points = ((g.edge(e.from, targets[i]!, String(i)) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const middle = points[Math.floor(points.length / 2)];
    return { ...e, points, labelAt: middle };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, edges };
}
