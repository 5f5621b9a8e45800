import type { Queryable } from '../db/database.ts';

/** How many sign-in attempts one account may get from one address in one window. */
export interface LoginLimit {
  attempts: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { attempts: 5, windowSeconds: 15 * 60 };

/**
 * Records a sign-in attempt for (account, address) and says whether it may
 * go ahead. The attempt is written before it is counted, so simultaneous
 * attempts on several server instances all see each other: at most
 * `attempts` get through in any window. Returns the seconds to wait when
 * refused.
 */
export async function takeLoginAttempt(db: Queryable, account: string, address: string, now: Date, limit: LoginLimit): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  // Old attempts of anyone are no longer needed.
  await db.query('delete from login_attempts where attempted_at <= $1', [windowStart]);
  await db.query('insert into login_attempts (account, address, attempted_at) values ($1, $2, $3)', [account, address, now]);
  const rows = await db.query<{ attempted_at: Date }>(
    'select attempted_at from login_attempts where account = $1 and address = $2 and attempted_at > $3 order by attempted_at',
    [account, address, windowStart],
  );
  if (rows.length <= limit.attempts) return { allowed: true };
  // Free again when enough attempts have left the window to bring the count under the limit.
  const freeing = rows[rows.length - limit.attempts]!.attempted_at;
  const retryAfterSeconds = Math.max(1, Math.ceil((freeing.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds };
}

/** A successful sign-in clears the count for that account and address. */
export async function clearLoginAttempts(db: Queryable, account: string, address: string): Promise<void> {
  await db.query('delete from login_attempts where account = $1 and address = $2', [account, address]);
}
