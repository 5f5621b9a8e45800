import type { Context, MiddlewareHandler } from 'hono';
import { forbidden, notSignedIn } from '../http/api-error.ts';
import { hashToken } from '../random-token.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';
import { sessionToken } from './session.ts';
import { findSessionUser, type User } from './user.ts';

/** Looks up the session cookie once per request and keeps the user (or undefined) on the context. */
export function currentUser(server: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    c.set('user', token ? await findSessionUser(server.db, hashToken(token), server.clock()) : undefined);
    await next();
  };
}

/** The signed-in user, or a 401. */
export function requireUser(c: Context<ServerEnv>): User {
  const user = c.get('user');
  if (!user) throw notSignedIn();
  return user;
}

/** A signed-in manager of a team, or a 401/403. */
export function requireTeamManager(c: Context<ServerEnv>): User & { teamId: string } {
  const user = requireUser(c);
  if (user.role !== 'manager') throw forbidden('only a manager can do this');
  if (!user.teamId) throw forbidden('create a team first');
  return user as User & { teamId: string };
}
