import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/current-user.ts';
import { clearLoginAttempts, takeLoginAttempt } from '../auth/login-limit.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { clearSessionCookie, createSession, deleteSession, sendSessionCookie, sessionToken } from '../auth/session.ts';
import { findUser, userJson, type Role } from '../auth/user.ts';
import { sqlState, UNIQUE_VIOLATION } from '../db/database.ts';
import { ApiError, badRequest, conflict } from '../http/api-error.ts';
import { readJson, text } from '../http/json-body.ts';
import { clientAddress, isHttps } from '../http/request-origin.ts';
import { newId } from '../random-token.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';
import { useInvite } from './teams.ts';

const email = text('an email address')
  .trim()
  .max(254, { error: 'at most 254 characters' })
  .pipe(z.email({ error: 'must be an email address' }))
  .transform((s) => s.toLowerCase());

const signupBody = z.object({
  email,
  name: text('a name').trim().min(1, { error: 'a name is required' }).max(100, { error: 'at most 100 characters' }),
  password: text('a password').min(10, { error: 'must be at least 10 characters' }).max(200, { error: 'at most 200 characters' }),
  role: z.enum(['manager', 'rep'], { error: 'must be "manager" or "rep"' }),
  inviteCode: z.string().max(40, { error: 'at most 40 characters' }).optional(),
});

const signinBody = z.object({
  email,
  password: text('a password').min(1, { error: 'a password is required' }).max(200, { error: 'at most 200 characters' }),
});

/** Sign up, sign in, sign out, and who am I. */
export function accountRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.post('/auth/signup', async (c) => {
    const body = await readJson(c, signupBody);
    if (body.inviteCode !== undefined && body.role !== 'rep') throw badRequest('inviteCode: only reps join a team with an invite code');
    // Hashing is slow on purpose: do it before the transaction, which should hold the database briefly.
    const passwordHash = await hashPassword(body.password, server.passwordCost);
    const now = server.clock();
    const id = newId('u');
    try {
      await server.db.transaction(async (tx) => {
        await tx.query('insert into users (id, email, name, role, password_hash, created_at) values ($1, $2, $3, $4, $5, $6)', [id, body.email, body.name, body.role, passwordHash, now]);
        if (body.inviteCode !== undefined) {
          const teamId = await useInvite(tx, body.inviteCode, now);
          await tx.query('update users set team_id = $1, joined_team_at = $2 where id = $3', [teamId, now, id]);
        }
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw conflict('an account with this email already exists; sign in instead');
      throw error;
    }
    const session = await createSession(server.db, id, now);
    sendSessionCookie(c, session, isHttps(c, server));
    return c.json({ user: userJson((await findUser(server.db, id))!) }, 201);
  });

  app.post('/auth/signin', async (c) => {
    const body = await readJson(c, signinBody);
    const now = server.clock();
    const address = clientAddress(c, server);
    const turn = await takeLoginAttempt(server.db, body.email, address, now, server.loginLimit);
    if (!turn.allowed) {
      throw new ApiError(429, 'rate_limited', `too many sign-in attempts; try again in ${turn.retryAfterSeconds} seconds`, {}, { 'Retry-After': String(turn.retryAfterSeconds) });
    }
    const [row] = await server.db.query<{ id: string; password_hash: string; email: string; name: string; role: Role; team_id: string | null; team_name: string | null }>(
      'select u.id, u.password_hash, u.email, u.name, u.role, u.team_id, t.name as team_name from users u left join teams t on t.id = u.team_id where u.email = $1',
      [body.email],
    );
    // An unknown email costs a verification too, so timing does not tell which accounts exist.
    const ok = await verifyPassword(row?.password_hash ?? (await decoyHash(server.passwordCost)), body.password);
    if (!row || !ok) throw new ApiError(401, 'invalid_credentials', 'the email or password is wrong');
    await clearLoginAttempts(server.db, body.email, address);
    const session = await createSession(server.db, row.id, now);
    sendSessionCookie(c, session, isHttps(c, server));
    return c.json({ user: userJson({ id: row.id, email: row.email, name: row.name, role: row.role, teamId: row.team_id, teamName: row.team_name }) });
  });

  app.post('/auth/signout', async (c) => {
    const token = sessionToken(c);
    if (token) await deleteSession(server.db, token);
    clearSessionCookie(c, isHttps(c, server));
    return c.body(null, 204);
  });

  app.get('/auth/me', (c) => c.json({ user: userJson(requireUser(c)) }));

  return app;
}
