import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, SqlValue } from './database.ts';

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in this
 * process. `dataDir` is a folder (created when missing); without one the
 * database lives in memory and is gone when the process ends (tests).
 * `snapshot` starts it from a dump (`dumpPglite`) instead of an empty
 * cluster, which skips PostgreSQL's slow first-time set-up.
 */
export async function openPgliteDatabase(dataDir?: string, snapshot?: Blob): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(snapshot ? { loadDataDir: snapshot } : {}) });
  const on = (target: PGlite | Transaction): Queryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  });
  const root = on(db);
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    // PGlite runs one statement at a time; a transaction holds it until it ends.
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close(),
    dump: () => db.dumpDataDir('gzip'),
  } as Database & { dump(): Promise<Blob> };
}

/** A dump of a PGlite database opened by `openPgliteDatabase`, to start others from. */
export function dumpPglite(db: Database): Promise<Blob> {
  if (!('dump' in db) || typeof db.dump !== 'function') throw new Error('only a PGlite database can be dumped');
  return (db as Database & { dump(): Promise<Blob> }).dump();
}
