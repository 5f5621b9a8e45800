import { readdir, readFile } from 'node:fs/promises';
import type { Database, Queryable } from './database.ts';

/** One migration file, `src/server/migrations/NNN-name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;
// Any fixed number: instances starting together take turns to migrate.
const MIGRATION_LOCK = 7_240_417;

/** The project's migrations, oldest first. Throws on a misnamed file or a gap in the numbers. */
export async function readMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (!match) throw new Error(`migration file "${name}" should be named NNN-name.sql`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1) throw new Error(`migration "${name}" should be number ${migrations.length + 1}`);
    migrations.push({ version, name: match[2]!, sql: await readFile(new URL(name, dir), 'utf8') });
  }
  return migrations;
}

/**
 * Brings the schema up to date: every migration not yet recorded in
 * `schema_migrations` runs, in order, in one transaction with the record of
 * it, so a failed migration leaves nothing half-applied. Returns the version
 * the schema is at.
 */
export async function applyMigrations(db: Database, migrations?: readonly Migration[]): Promise<number> {
  const all = migrations ?? (await readMigrations());
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
    }
    return schemaVersion(tx);
  });
}

/** The newest migration applied (0 for an empty database). */
export async function schemaVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return row?.version ?? 0;
}
