import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioMap } from '../../core/studio/scenario-map.ts';
import { layoutMap, structureKey, type MapLayout } from './map-layout.ts';

/** Maps up to this many nodes are laid out at once on the main thread; bigger ones in a worker. */
const MAIN_THREAD_NODES = 80;
const CACHE_SIZE = 24;

// Layouts by structure: editing text inside a node (nearly every keystroke) reuses the layout.
const cache = new Map<string, MapLayout>();
function remember(key: string, laid: MapLayout) {
  cache.set(key, laid);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

let worker: Worker | undefined;
/** Structures sent to the worker and not back yet: each is laid out once, however many keystrokes ask. */
const inFlight = new Set<string>();
const arrivals = new Set<() => void>();

function requestLayout(key: string, map: ScenarioMap) {
  if (cache.has(key) || inFlight.has(key)) return;
  if (!worker) {
    worker = new Worker(new URL('./map-layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ key: string; layout: MapLayout }>) => {
      inFlight.delete(event.data.key);
      remember(event.data.key, event.data.layout);
      for (const notify of arrivals) notify();
    };
    // A failed layout is asked for again by the next edit rather than waited on for ever.
    worker.onerror = () => inFlight.clear();
  }
  inFlight.add(key);
  worker.postMessage({ key, map });
}

/**
 * The layout for a map, with the current map's titles, kinds, labels and
 * marks on it. While a big map's new layout is computed, the last one stays
 * on screen (`pending` is true) rather than freezing the editor.
 */
export function useMapLayout(map: ScenarioMap): { layout: MapLayout | undefined; pending: boolean } {
  const key = useMemo(() => structureKey(map), [map]);
  const [, setArrived] = useState(0);
  const last = useRef<MapLayout | undefined>(undefined);

  let laid = cache.get(key);
  if (!laid && map.nodes.length <= MAIN_THREAD_NODES) {
    laid = layoutMap(map);
    remember(key, laid);
  }

  useEffect(() => {
    const notify = () => setArrived((n) => n + 1);
    arrivals.add(notify);
    return () => {
      arrivals.delete(notify);
    };
  }, []);
  useEffect(() => requestLayout(key, map), [key, map]);

  const shown = laid ?? last.current;
  if (laid) last.current = laid;
  return { layout: shown && laid ? withCurrentMarks(shown, map) : shown, pending: !laid };
}

/** Same structure, fresher text: take titles, kinds, reachability and labels from the current map. */
function withCurrentMarks(laid: MapLayout, map: ScenarioMap): MapLayout {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  return {
    ...laid,
    nodes: laid.nodes.map((n) => {
      const fresh = byId.get(n.stubOf ?? n.id);
      return fresh ? { ...n, title: fresh.title, kind: fresh.kind, reachable: fresh.reachable, line: fresh.line } : n;
    }),
    edges: laid.edges.map((e, i) => ({ ...e, label: map.edges[i]?.label ?? e.label, broken: map.edges[i]?.broken ?? e.broken })),
  };
}
