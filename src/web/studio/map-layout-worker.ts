/// <reference lib="webworker" />
/** Lays out big maps off the main thread, so typing never waits for the graph layout. */
import type { ScenarioMap } from '../../core/studio/scenario-map.ts';
import { layoutMap } from './map-layout.ts';

self.onmessage = (event: MessageEvent<{ key: string; map: ScenarioMap }>) => {
  self.postMessage({ key: event.data.key, layout: layoutMap(event.data.map) });
};
