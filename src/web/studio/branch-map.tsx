import { useMemo, type KeyboardEvent } from 'react';
import type { MapNodeKind, ScenarioMap } from '../../core/studio/scenario-map.ts';
import { layoutMap, NODE_HEIGHT, NODE_WIDTH, shortLabel } from './map-layout.ts';

const KIND_LABELS: Record<MapNodeKind, string> = {
  choices: 'buyer, choices',
  ask: 'typed reply',
  jump: 'jump',
  branches: 'branches on variables',
  won: 'ending: won',
  lost: 'ending: lost',
  neutral: 'ending: neutral',
  'loose-end': 'loose end',
};

interface BranchMapProps {
  map: ScenarioMap;
  /** The node the editor's cursor is in. */
  current?: string;
  /** Nodes the tester's walk reached; when given, the others are marked as not covered. */
  covered?: ReadonlySet<string>;
  onSelect(id: string): void;
}

/** The scenario as a graph: nodes coloured by kind, problems marked, edges labelled; click a node to go to it. */
export function BranchMap({ map, current, covered, onSelect }: BranchMapProps) {
  const laid = useMemo(() => layoutMap(map), [map]);
  const activate = (id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    }
  };
  return (
    <div className="branch-map">
      <ul className="map-legend" aria-label="Legend">
        {(['choices', 'ask', 'won', 'lost', 'neutral'] as const).map((k) => (
          <li key={k}>
            <span className={`swatch kind-${k}`} aria-hidden="true" /> {KIND_LABELS[k]}
          </li>
        ))}
        <li>
          <span className="swatch unreachable" aria-hidden="true" /> unreachable or missing
        </li>
      </ul>
      <svg width={laid.width} height={laid.height} viewBox={`0 0 ${laid.width} ${laid.height}`} role="group" aria-label="Branch map">
        <defs>
          <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="map-arrowhead" />
          </marker>
        </defs>
        {laid.edges.map((e, i) => (
          <g key={i} className={`map-edge edge-${e.kind}${e.broken ? ' broken' : ''}`}>
            <title>{e.label}</title>
            <polyline points={e.points.map((p) => `${p.x},${p.y}`).join(' ')} markerEnd="url(#map-arrow)" />
            {e.labelAt && (
              <text x={e.labelAt.x} y={e.labelAt.y} textAnchor="middle" dominantBaseline="middle">
                {shortLabel(e.label)}
              </text>
            )}
          </g>
        ))}
        {laid.nodes.map((n) => {
          const problems = [n.reachable ? '' : 'unreachable', covered && !covered.has(n.id) ? 'not covered by the tests' : ''].filter(Boolean);
          const classes = ['map-node', `kind-${n.kind}`, n.reachable ? '' : 'unreachable', n.id === current ? 'current' : '', covered && !covered.has(n.id) ? 'uncovered' : ''].filter(Boolean).join(' ');
          const missing = n.line === 0;
          return (
            <g
              key={n.id}
              className={classes}
              transform={`translate(${n.x - NODE_WIDTH / 2}, ${n.y - NODE_HEIGHT / 2})`}
              role={missing ? undefined : 'button'}
              tabIndex={missing ? undefined : 0}
              aria-label={`${n.title}: ${KIND_LABELS[n.kind]}${problems.length ? `, ${problems.join(', ')}` : ''}${n.id === current ? ', where the cursor is' : ''}`}
              aria-current={n.id === current ? 'location' : undefined}
              data-node={n.id}
              onClick={missing ? undefined : () => onSelect(n.id)}
              onKeyDown={missing ? undefined : activate(n.id)}
            >
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
              <text x={NODE_WIDTH / 2} y={NODE_HEIGHT / 2 - (problems.length ? 6 : 0)} textAnchor="middle" dominantBaseline="middle">
                {n.title.length > 24 ? `${n.title.slice(0, 23)}…` : n.title}
              </text>
              {problems.length > 0 && (
                <text x={NODE_WIDTH / 2} y={NODE_HEIGHT / 2 + 11} textAnchor="middle" dominantBaseline="middle" className="node-note">
                  {problems[0]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
