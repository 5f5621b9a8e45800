import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Queryable } from '../db/database.ts';
import { hashToken, newSessionToken } from '../random-token.ts';

export const SESSION_COOKIE = 'parley_session';
const SESSION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Starts a session for a user: the token goes to the browser, only its hash to the database. */
export async function createSession(db: Queryable, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  // Each sign-in also clears this user's expired sessions, so the table does not grow without end.
  await db.query('delete from sessions where user_id = $1 and expires_at <= $2', [userId, now]);
  await db.query('insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [hashToken(token), userId, now, expiresAt]);
  return { token, expiresAt };
}

/** Ends the session a token names (no error when it is already gone). */
export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [hashToken(token)]);
}

/** The session token the request carries, if any. */
export function sessionToken(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token && token.length <= 100 ? token : undefined;
}

/** Sends the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export function sendSessionCookie(c: Context, session: { token: string; expiresAt: Date }, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', path: '/', secure, expires: session.expiresAt });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure });
}
