/**
 * The one way the server talks to its database: parameterized SQL and
 * transactions. Two adapters implement it (embedded PGlite and a real
 * PostgreSQL), and every query is plain PostgreSQL that runs on both.
 */

/** A value a query parameter may take. Objects and arrays go to `jsonb` (or `text[]`) parameters. */
export type SqlValue = string | number | boolean | null | Date | readonly unknown[] | Record<string, unknown>;

/** Something queries run on: the database itself, or one transaction. */
export interface Queryable {
  /**
   * Runs one statement with `$1`, `$2`... parameters and returns its rows.
   * Integers come back as numbers (so SQL casts `count(*)` to `int`),
   * `timestamptz` as `Date`, `jsonb` as parsed JSON.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a script of several statements with no parameters (the migrations). */
  exec(script: string): Promise<void>;
}

/** Which engine is behind a database: reported by the health check. */
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `work` in one transaction (READ COMMITTED): committed when it
   * resolves, rolled back when it throws (the error is thrown on).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database error with PostgreSQL's SQLSTATE code, as both adapters report it. */
export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** SQLSTATE 23505: a unique constraint refused the row. */
export const UNIQUE_VIOLATION = '23505';
