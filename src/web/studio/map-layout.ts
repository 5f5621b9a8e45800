/**
 * Lays out a scenario map with dagre (top to bottom, one rank per step of the
 * conversation). The only importer of dagre; pure, so the benchmark runs it
 * in Node exactly as the studio runs it in the browser.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { MapEdge, MapNode, ScenarioMap } from '../../core/studio/scenario-map.ts';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 48;
/** Edge labels are cut to this many characters on the map; the full text is in the tooltip. */
export const LABEL_CHARS = 28;

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
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

export function layoutMap(map: ScenarioMap): MapLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 70, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of map.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // A broken target still gets drawn: as a small ghost node named after the missing id.
  const ghosts = new Set(map.edges.filter((e) => e.broken).map((e) => e.to));
  for (const id of ghosts) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  map.edges.forEach((e, i) => g.setEdge(e.from, e.to, { width: 7 * Math.min(LABEL_CHARS, e.label.length), height: 16, labelpos: 'c' }, String(i)));
  layout(g);

  const placed = (id: string) => g.node(id) as { x: number; y: number };
  const nodes: PlacedNode[] = [
    ...map.nodes.map((n) => ({ ...n, ...pick(placed(n.id)) })),
    ...[...ghosts].map((id) => ({ id, title: `${id} (missing)`, kind: 'loose-end' as const, line: 0, reachable: false, ...pick(placed(id)) })),
  ];
  const edges: PlacedEdge[] = map.edges.map((e, i) => {
    const laid = g.edge(e.from, e.to, String(i)) as { points?: { x: number; y: number }[]; x?: number; y?: number };
    return { ...e, points: laid.points ?? [], labelAt: laid.x !== undefined && laid.y !== undefined ? { x: laid.x, y: laid.y } : undefined };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, edges };
}

const pick = (p: { x: number; y: number }) => ({ x: p.x, y: p.y });
