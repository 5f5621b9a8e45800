import type { KeyboardEvent } from 'react';
import type { MapNodeKind, ScenarioMap } from '../../core/studio/scenario-map.ts';
import { NODE_HEIGHT, NODE_WIDTH, shortLabel, STUB_HEIGHT, STUB_WIDTH } from './map-layout.ts';
import { useMapLayout } from './use-map-layout.ts';

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
  const { layout: laid, pending } = useMapLayout(map);
  const activate = (id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    }
  };
  if (!laid) return <p role="status">Laying out the map of {map.nodes.length} nodes…</p>;
  return (
    <div className="branch-map">
      {pending && (
        <p role="status" className="meta map-pending">
          Updating the layout…
        </p>
      )}
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
          const target = n.stubOf ?? n.id;
          const problems = [n.reachable ? '' : 'unreachable', covered && !covered.has(target) ? 'not covered by the tests' : ''].filter(Boolean);
          const classes = ['map-node', `kind-${n.kind}`, n.stubOf ? 'stub' : '', n.reachable ? '' : 'unreachable', target === current ? 'current' : '', covered && !covered.has(target) ? 'uncovered' : '']
            .filter(Boolean)
            .join(' ');
          const [width, height] = n.stubOf ? [STUB_WIDTH, STUB_HEIGHT] : [NODE_WIDTH, NODE_HEIGHT];
          const title = n.stubOf ? `→ ${n.title}` : n.title;
          return (
            <g
              key={n.id}
              className={classes}
              transform={`translate(${n.x - width / 2}, ${n.y - height / 2})`}
              role={n.missing ? undefined : 'button'}
              tabIndex={n.missing ? undefined : 0}
              aria-label={n.missing ? undefined : `${title}: ${KIND_LABELS[n.kind]}${problems.length ? `, ${problems.join(', ')}` : ''}${target === current && !n.stubOf ? ', where the cursor is' : ''}`}
              aria-current={target === current && !n.stubOf ? 'location' : undefined}
              data-node={n.stubOf ? undefined : n.id}
              onClick={n.missing ? undefined : () => onSelect(target)}
              onKeyDown={n.missing ? undefined : activate(target)}
            >
              <title>{n.title}</title>
              <rect width={width} height={height} rx={8} />
              <text x={width / 2} y={height / 2 - (problems.length && !n.stubOf ? 6 : 0)} textAnchor="middle" dominantBaseline="middle">
                {title.length > 24 ? `${title.slice(0, 23)}…` : title}
              </text>
              {problems.length > 0 && !n.stubOf && (
                <text x={width / 2} y={height / 2 + 11} textAnchor="middle" dominantBaseline="middle" className="node-note">
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
