import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestServer, signUp, teamWithReps, type TestServer } from './server-harness.ts';

describe.each(DATABASES)('teams and invites on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  it('lets a manager create a team and become its manager', async () => {
    const manager = await signUp(server, 'manager');
    const res = await manager.post('/api/teams', { name: 'East sales' });
    expect(res.status).toBe(201);
    expect((await manager.get('/api/auth/me')).body.user.team).toEqual({ id: res.body.team.id, name: 'East sales' });
  });

  it('refuses a second team for the same manager with 409', async () => {
    const manager = await signUp(server, 'manager');
    await manager.post('/api/teams', { name: 'One' });
    expect((await manager.post('/api/teams', { name: 'Two' })).status).toBe(409);
  });

  it('refuses team creation by a rep with 403', async () => {
    const rep = await signUp(server, 'rep');
    expect((await rep.post('/api/teams', { name: 'Mine' })).status).toBe(403);
  });

  it('issues invite codes that a rep joins with, in any case and without dashes', async () => {
    const { manager, teamId } = await teamWithReps(server, 0);
    const invite = await manager.post('/api/team/invites', {});
    expect(invite.body.invite).toMatchObject({ maxUses: 1, uses: 0, status: 'active' });
    const rep = await signUp(server, 'rep');
    const res = await rep.post('/api/team/join', { code: invite.body.invite.code.toLowerCase().replaceAll('-', '') });
    expect(res.status).toBe(200);
    expect(res.body.user.team.id).toBe(teamId);
  });

  it('lets a rep join while signing up with a code', async () => {
    const { manager, teamId } = await teamWithReps(server, 0);
    const invite = await manager.post('/api/team/invites', {});
    const rep = await signUp(server, 'rep', { inviteCode: invite.body.invite.code });
    expect(rep.user.team.id).toBe(teamId);
  });

  it('creates no account when the sign-up code is invalid', async () => {
    const rep = signUp(server, 'rep', { inviteCode: 'AAAA-BBBB-CCCC', email: 'nocode@example.com' });
    await expect(rep).rejects.toThrow(/400/);
    expect(await server.context.db.query('select 1 from users where email = $1', ['nocode@example.com'])).toHaveLength(0);
  });

  it('uses up a single-use code after one join', async () => {
    const { manager } = await teamWithReps(server, 0);
    const { code } = (await manager.post('/api/team/invites', { maxUses: 1 })).body.invite;
    expect((await (await signUp(server, 'rep')).post('/api/team/join', { code })).status).toBe(200);
    const second = await (await signUp(server, 'rep')).post('/api/team/join', { code });
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invite_invalid');
  });

  it('lets a multi-use code admit as many reps as it allows', async () => {
    const { manager } = await teamWithReps(server, 0);
    const { code } = (await manager.post('/api/team/invites', { maxUses: 3 })).body.invite;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await (await signUp(server, 'rep')).post('/api/team/join', { code })).status);
    expect(statuses).toEqual([200, 200, 200, 400]);
  });

  it('admits exactly one of two simultaneous joins on a code with one use left', async () => {
    const { manager } = await teamWithReps(server, 0);
    const { code } = (await manager.post('/api/team/invites', { maxUses: 1 })).body.invite;
    const [a, b] = [await signUp(server, 'rep'), await signUp(server, 'rep')];
    const results = await Promise.all([a.post('/api/team/join', { code }), b.post('/api/team/join', { code })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('refuses an expired code', async () => {
    const { manager } = await teamWithReps(server, 0);
    const { code } = (await manager.post('/api/team/invites', { expiresInDays: 1 })).body.invite;
    server.clock.advance(2 * 86_400_000);
    expect((await (await signUp(server, 'rep')).post('/api/team/join', { code })).body.error).toBe('invite_invalid');
  });

  it('refuses a revoked code and lists it as revoked', async () => {
    const { manager } = await teamWithReps(server, 0);
    const { code } = (await manager.post('/api/team/invites', { maxUses: 5 })).body.invite;
    expect((await manager.delete(`/api/team/invites/${code}`)).status).toBe(204);
    expect((await (await signUp(server, 'rep')).post('/api/team/join', { code })).body.error).toBe('invite_invalid');
    const listed = (await manager.get('/api/team/invites')).body.invites.find((i: { code: string }) => i.code === code);
    expect(listed.status).toBe('revoked');
  });

  it('refuses to revoke another team\'s code with 403', async () => {
    const { manager } = await teamWithReps(server, 0);
    const { code } = (await manager.post('/api/team/invites', {})).body.invite;
    const other = await teamWithReps(server, 0);
    expect((await other.manager.delete(`/api/team/invites/${code}`)).status).toBe(403);
  });

  it('refuses a rep who is already in a team with 409', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    const { code } = (await manager.post('/api/team/invites', {})).body.invite;
    expect((await reps[0]!.post('/api/team/join', { code })).status).toBe(409);
  });

  it('shows a manager every member with emails, and a rep only the managers', async () => {
    const { manager, reps } = await teamWithReps(server, 2);
    const seenByManager = (await manager.get('/api/team')).body.members;
    expect(seenByManager).toHaveLength(3);
    expect(seenByManager.every((m: { email?: string }) => m.email)).toBe(true);
    const seenByRep = (await reps[0]!.get('/api/team')).body.members;
    expect(seenByRep).toEqual([{ id: manager.user.id, name: 'Morgan Lee', role: 'manager' }]);
  });

  it('lets a manager remove a rep, who then leaves the dashboard and can join another team', async () => {
    const { manager, reps } = await teamWithReps(server, 2);
    expect((await manager.delete(`/api/team/members/${reps[0]!.user.id}`)).status).toBe(204);
    expect((await manager.get('/api/team/dashboard')).body.reps.map((r: { id: string }) => r.id)).toEqual([reps[1]!.user.id]);
    const other = await teamWithReps(server, 0);
    const { code } = (await other.manager.post('/api/team/invites', {})).body.invite;
    expect((await reps[0]!.post('/api/team/join', { code })).status).toBe(200);
  });

  it('refuses to remove a rep of another team with 403', async () => {
    const { manager } = await teamWithReps(server, 0);
    const other = await teamWithReps(server, 1);
    expect((await manager.delete(`/api/team/members/${other.reps[0]!.user.id}`)).status).toBe(403);
  });

  it('keeps a rep from creating invites with 403', async () => {
    const { reps } = await teamWithReps(server, 1);
    expect((await reps[0]!.post('/api/team/invites', {})).status).toBe(403);
  });
});
