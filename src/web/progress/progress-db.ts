/**
 * Where progress lives in the browser: IndexedDB (via idb), one store of
 * finished runs, one of runs in progress, and one of the runs already sent
 * to a team server. The only importer of idb.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ActiveRun, CompletedRun, Progress } from '../../core/progress/progress.ts';

/** A finished run the team server has taken (or refused for good, with its reason), for one account. */
export interface SyncRecord {
  runId: string;
  userId: string;
  at: string;
  /** The server's reason when it refused the run; it is not sent again. */
  refused?: string;
}

interface ParleyDB extends DBSchema {
  runs: { key: string; value: CompletedRun };
  active: { key: string; value: ActiveRun };
  synced: { key: string; value: SyncRecord };
}

const DB_NAME = 'parley';

let db: Promise<IDBPDatabase<ParleyDB>> | undefined;

function open(): Promise<IDBPDatabase<ParleyDB>> {
  db ??= openDB<ParleyDB>(DB_NAME, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('runs', { keyPath: 'id' });
        database.createObjectStore('active', { keyPath: 'scenarioId' });
      }
      if (oldVersion < 2) database.createObjectStore('synced', { keyPath: 'runId' });
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

/** Every run already sent to (or refused by) a team server from this browser. */
export async function readSynced(): Promise<SyncRecord[]> {
  return (await open()).getAll('synced');
}

/** Records runs the server took or refused. */
export async function writeSynced(records: readonly SyncRecord[]): Promise<void> {
  const tx = (await open()).transaction('synced', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
}
