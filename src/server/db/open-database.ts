import type { Database } from './database.ts';

/** Where the data lives: a PostgreSQL URL wins; otherwise PGlite in `dataDir`, or in memory. */
export interface DatabaseLocation {
  /** `postgres://user:pass@host:5432/db` (from `DATABASE_URL`). */
  url?: string;
  /** PGlite's folder (default `./data` for `parley serve`); absent means in memory. */
  dataDir?: string;
  /** PostgreSQL only: the schema to use instead of `public`. */
  schema?: string;
  /** PGlite only: start from this dump (see `dumpPglite`); the test suite uses it to skip set-up. */
  snapshot?: Blob;
}

/** Opens the database the location names. Each adapter is loaded only when used. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.url) {
    const { openPostgresDatabase } = await import('./postgres-database.ts');
    return openPostgresDatabase(location.url, { schema: location.schema });
  }
  const { openPgliteDatabase } = await import('./pglite-database.ts');
  return openPgliteDatabase(location.dataDir, location.snapshot);
}
