import { Hono } from 'hono';
import { z } from 'zod';
import { requireTeamManager, requireUser } from '../auth/current-user.ts';
import { findUser, userJson } from '../auth/user.ts';
import type { Queryable } from '../db/database.ts';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../http/api-error.ts';
import { readJson, text } from '../http/json-body.ts';
import { newId, newInviteCode, normalizeInviteCode } from '../random-token.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';

const DAY_MS = 86_400_000;

const teamBody = z.object({
  name: text('a team name').trim().min(1, { error: 'a team name is required' }).max(100, { error: 'at most 100 characters' }),
});

const inviteBody = z.object({
  expiresInDays: z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' }).min(1, { error: 'at least 1 day' }).max(90, { error: 'at most 90 days' }).default(7),
  maxUses: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'at least 1' }).max(500, { error: 'at most 500' }).default(1),
});

const joinBody = z.object({ code: text('an invite code').min(1, { error: 'an invite code is required' }).max(40, { error: 'at most 40 characters' }) });

interface InviteRow {
  code: string;
  created_at: Date;
  expires_at: Date;
  max_uses: number;
  uses: number;
  revoked_at: Date | null;
}

function inviteJson(row: InviteRow, now: Date) {
  const status = row.revoked_at ? 'revoked' : row.uses >= row.max_uses ? 'used_up' : row.expires_at <= now ? 'expired' : 'active';
  return { code: row.code, createdAt: row.created_at, expiresAt: row.expires_at, maxUses: row.max_uses, uses: row.uses, revokedAt: row.revoked_at, status };
}

/**
 * Takes one use of an invite code and returns its team. One conditional
 * update does the check and the count, so a code with one use left lets
 * exactly one of several simultaneous joins through.
 */
export async function useInvite(db: Queryable, typed: string, now: Date): Promise<string> {
  const [row] = await db.query<{ team_id: string }>(
    `update invites set uses = uses + 1
      where code = $1 and revoked_at is null and expires_at > $2 and uses < max_uses
      returning team_id`,
    [normalizeInviteCode(typed), now],
  );
  if (!row) throw new ApiError(400, 'invite_invalid', 'this invite code does not exist, has expired, was revoked or is used up; ask your manager for a new one');
  return row.team_id;
}

/** Teams, members and invite codes. */
export function teamRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.post('/teams', async (c) => {
    const user = requireUser(c);
    if (user.role !== 'manager') throw forbidden('only a manager can create a team');
    if (user.teamId) throw conflict('you already manage a team');
    const { name } = await readJson(c, teamBody);
    const now = server.clock();
    const id = newId('t');
    await server.db.transaction(async (tx) => {
      await tx.query('insert into teams (id, name, created_by, created_at) values ($1, $2, $3, $4)', [id, name, user.id, now]);
      const rows = await tx.query('update users set team_id = $1, joined_team_at = $2 where id = $3 and team_id is null returning id', [id, now, user.id]);
      if (rows.length === 0) throw conflict('you already manage a team');
    });
    return c.json({ team: { id, name, createdAt: now } }, 201);
  });

  app.get('/team', async (c) => {
    const user = requireUser(c);
    if (!user.teamId) throw notFound('you are not in a team yet');
    const [team] = await server.db.query<{ id: string; name: string; created_at: Date }>('select id, name, created_at from teams where id = $1', [user.teamId]);
    const members = await server.db.query<{ id: string; name: string; email: string; role: string; joined_team_at: Date }>(
      `select id, name, email, role, joined_team_at from users where team_id = $1 ${user.role === 'manager' ? '' : "and role = 'manager'"} order by role, name`,
      [user.teamId],
    );
    return c.json({
      team: { id: team!.id, name: team!.name, createdAt: team!.created_at },
      members: members.map((m) => (user.role === 'manager' ? { id: m.id, name: m.name, email: m.email, role: m.role, joinedAt: m.joined_team_at } : { id: m.id, name: m.name, role: m.role })),
    });
  });

  app.delete('/team/members/:userId', async (c) => {
    const manager = requireTeamManager(c);
    const [member] = await server.db.query<{ role: string; team_id: string | null }>('select role, team_id from users where id = $1', [c.req.param('userId')]);
    if (!member) throw notFound('there is no such user');
    if (member.team_id !== manager.teamId) throw forbidden('this person is not in your team');
    if (member.role !== 'rep') throw badRequest('userId: only reps can be removed from a team');
    await server.db.transaction(async (tx) => {
      // Their attempts and practice stay theirs; the team no longer sees them, and their own assignments go.
      await tx.query('delete from assignments where team_id = $1 and user_id = $2', [manager.teamId, c.req.param('userId')]);
      await tx.query('update users set team_id = null, joined_team_at = null where id = $1 and team_id = $2', [c.req.param('userId'), manager.teamId]);
    });
    return c.body(null, 204);
  });

  app.post('/team/invites', async (c) => {
    const manager = requireTeamManager(c);
    const body = await readJson(c, inviteBody);
    const now = server.clock();
    const row: InviteRow = { code: newInviteCode(), created_at: now, expires_at: new Date(now.getTime() + body.expiresInDays * DAY_MS), max_uses: body.maxUses, uses: 0, revoked_at: null };
    await server.db.query('insert into invites (code, team_id, created_by, created_at, expires_at, max_uses) values ($1, $2, $3, $4, $5, $6)', [row.code, manager.teamId, manager.id, now, row.expires_at, row.max_uses]);
    return c.json({ invite: inviteJson(row, now) }, 201);
  });

  app.get('/team/invites', async (c) => {
    const manager = requireTeamManager(c);
    const rows = await server.db.query<InviteRow>('select code, created_at, expires_at, max_uses, uses, revoked_at from invites where team_id = $1 order by created_at desc, code', [manager.teamId]);
    const now = server.clock();
    return c.json({ invites: rows.map((r) => inviteJson(r, now)) });
  });

  app.delete('/team/invites/:code', async (c) => {
    const manager = requireTeamManager(c);
    const code = normalizeInviteCode(c.req.param('code'));
    const [row] = await server.db.query<{ team_id: string }>('select team_id from invites where code = $1', [code]);
    if (!row) throw notFound('no such invite code');
    if (row.team_id !== manager.teamId) throw forbidden('this invite code belongs to another team');
    await server.db.query('update invites set revoked_at = coalesce(revoked_at, $1) where code = $2', [server.clock(), code]);
    return c.body(null, 204);
  });

  app.post('/team/join', async (c) => {
    const user = requireUser(c);
    if (user.role !== 'rep') throw forbidden('managers create a team; invite codes are for reps');
    const { code } = await readJson(c, joinBody);
    if (user.teamId) throw conflict('you are already in a team');
    const now = server.clock();
    await server.db.transaction(async (tx) => {
      const teamId = await useInvite(tx, code, now);
      const rows = await tx.query('update users set team_id = $1, joined_team_at = $2 where id = $3 and team_id is null returning id', [teamId, now, user.id]);
      // Throwing rolls the invite's use back too.
      if (rows.length === 0) throw conflict('you are already in a team');
    });
    return c.json({ user: userJson((await findUser(server.db, user.id))!) });
  });

  return app;
}
