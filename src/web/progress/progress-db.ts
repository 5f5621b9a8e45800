/**
 * Where progress lives in the browser: IndexedDB (via idb), one store of
 * finished runs and one of runs in progress. The only importer of idb.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ActiveRun, CompletedRun, Progress } from '../../core/progress/progress.ts';

interface ParleyDB extends DBSchema {
  runs: { key: string; value: CompletedRun };
  active: { key: string; value: ActiveRun };
}

const DB_NAME = 'parley';

let db: Promise<IDBPDatabase<ParleyDB>> | undefined;

function open(): Promise<IDBPDatabase<ParleyDB>> {
  db ??= openDB<ParleyDB>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' });
      database.createObjectStore('active', { keyPath: 'scenarioId' });
    },
  });
  return db;
}

export async function readProgress(): Promise<Progress> {
  const database = await open();
  const [runs, active] = await Promise.all([database.getAll('runs'), database.getAll('active')]);
  return { runs, active };
}

export async function writeActive(run: ActiveRun): Promise<void> {
  await (await open()).put('active', run);
}

export async function deleteActive(scenarioId: string): Promise<void> {
  await (await open()).delete('active', scenarioId);
}

/** Records a finished run and drops its in-progress copy in one transaction, so a crash never keeps both or neither. */
export async function writeFinished(run: CompletedRun): Promise<void> {
  const tx = (await open()).transaction(['runs', 'active'], 'readwrite');
  await Promise.all([tx.objectStore('runs').put(run), tx.objectStore('active').delete(run.scenarioId), tx.done]);
}

/** Replaces everything (after an import merge or a clear). */
export async function writeProgress(progress: Progress): Promise<void> {
  const tx = (await open()).transaction(['runs', 'active'], 'readwrite');
  const runs = tx.objectStore('runs');
  const active = tx.objectStore('active');
  await Promise.all([runs.clear(), active.clear()]);
  await Promise.all([...progress.runs.map((r) => runs.put(r)), ...progress.active.map((a) => active.put(a)), tx.done]);
}
