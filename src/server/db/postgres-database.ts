import postgres from 'postgres';
import type { Database, Queryable, SqlValue } from './database.ts';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** A schema to work in instead of `public` (each test file gets its own). */
  schema?: string;
}

/** A real PostgreSQL server reached by a connection URL (`DATABASE_URL`). */
export async function openPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // 64-bit integers as numbers, like PGlite: the schema's counts and sizes stay far below 2^53.
    types: { int8: { to: 20, from: [20], serialize: (n: number) => String(n), parse: (text: string) => Number(text) } },
    ...(options.schema ? { connection: { search_path: options.schema } } : {}),
  });
  // Fail at start, not on the first request, when the server cannot be reached.
  await sql`select 1`;
  const on = (target: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly SqlValue[] = []) {
      const rows = await target.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return [...rows] as Row[];
    },
    async exec(script: string) {
      await target.unsafe(script).simple();
    },
  });
  const root = on(sql);
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    transaction: async (work) => (await sql.begin((tx) => work(on(tx)))) as Awaited<ReturnType<typeof work>>,
    close: () => sql.end({ timeout: 5 }),
  };
}
