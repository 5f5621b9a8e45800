import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestServer, PASSWORD, signUp, TestClient, uniqueEmail, type TestServer } from './server-harness.ts';

describe.each(DATABASES)('accounts on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  it('reports the database kind and migration version on /api/health', async () => {
    const res = await new TestClient(server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: kind, migration: 1 });
  });

  it('signs up a rep and returns the user with a session cookie', async () => {
    const client = new TestClient(server);
    const email = uniqueEmail('sam');
    const res = await client.post('/api/auth/signup', { email: email.toUpperCase(), name: 'Sam Reyes', password: PASSWORD, role: 'rep' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, name: 'Sam Reyes', role: 'rep', team: null });
    expect(client.cookie).toMatch(/^parley_session=/);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax and Path=/', async () => {
    const res = await new TestClient(server).post('/api/auth/signup', { email: uniqueEmail('c'), name: 'C', password: PASSWORD, role: 'rep' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await server.app.request('https://parley.example/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('https'), name: 'H', password: PASSWORD, role: 'rep' }),
    });
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    const email = uniqueEmail('hash');
    await signUp(server, 'rep', { email });
    const [row] = await server.context.db.query<{ password_hash: string }>('select password_hash from users where email = $1', [email]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
  });

  it('stores only a hash of the session token', async () => {
    const client = await signUp(server, 'rep');
    const token = client.cookie!.split('=')[1]!;
    const rows = await server.context.db.query('select 1 from sessions where token_hash = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a second account with the same email with 409', async () => {
    const email = uniqueEmail('twice');
    await signUp(server, 'rep', { email });
    const res = await new TestClient(server).post('/api/auth/signup', { email, name: 'Again', password: PASSWORD, role: 'manager' });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('conflict');
  });

  it('refuses a short password with a reason naming the field', async () => {
    const res = await new TestClient(server).post('/api/auth/signup', { email: uniqueEmail('short'), name: 'S', password: 'short', role: 'rep' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', reason: 'password: must be at least 10 characters' });
  });

  it('signs in with the right password and answers /me', async () => {
    const email = uniqueEmail('in');
    await signUp(server, 'manager', { email, name: 'Morgan' });
    const client = new TestClient(server);
    expect((await client.post('/api/auth/signin', { email, password: PASSWORD })).status).toBe(200);
    const me = await client.get('/api/auth/me');
    expect(me.body.user).toMatchObject({ email, name: 'Morgan', role: 'manager' });
  });

  it('refuses a wrong password with 401 invalid_credentials', async () => {
    const email = uniqueEmail('wrong');
    await signUp(server, 'rep', { email });
    const res = await new TestClient(server).post('/api/auth/signin', { email, password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_credentials');
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await new TestClient(server).post('/api/auth/signin', { email: uniqueEmail('nobody'), password: PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_credentials', reason: 'the email or password is wrong' });
  });

  it('answers /me with 401 when not signed in', async () => {
    const res = await new TestClient(server).get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('not_signed_in');
  });

  it('signs out: the session no longer works, even if the old cookie is replayed', async () => {
    const client = await signUp(server, 'rep');
    const stolen = client.cookie;
    expect((await client.post('/api/auth/signout')).status).toBe(204);
    const replay = new TestClient(server);
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('ends sessions after 30 days', async () => {
    const client = await signUp(server, 'rep');
    server.clock.advance(31 * 86_400_000);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});
