/**
 * The team server's security and reliability rules (issue 7, point 7), one
 * group per rule: data stays with its rep and team, the answer key stays on
 * the server until submission, sign-in is rate-limited in the database,
 * every input is validated with a clear 4xx, no request crashes the server,
 * cross-site requests are refused.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsOf } from '../../src/core/quiz/quiz.ts';
import { createApp } from '../../src/server/app.ts';
import { practiceRun } from './practice-run-fixture.ts';
import { correctAnswers, DATABASES, fixtureQuiz, openTestServer, PASSWORD, signUp, teamWithReps, TestClient, uniqueEmail, type TestServer } from './server-harness.ts';

const pricing = fixtureQuiz('pricing-certification');

describe.each(DATABASES)('security on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  describe('a rep cannot read or change another rep\'s or another team\'s data', () => {
    const setup = async () => {
      const team = await teamWithReps(server, 2);
      const [owner, neighbour] = team.reps as [typeof team.reps[0], typeof team.reps[0]];
      const { attempt } = (await owner.post(`/api/quizzes/${pricing.id}/attempts`)).body;
      return { ...team, owner, neighbour, attempt };
    };

    it('refuses another rep reading an attempt with 403', async () => {
      const { neighbour, attempt } = await setup();
      expect((await neighbour.get(`/api/attempts/${attempt.id}`)).status).toBe(403);
    });

    it('refuses another rep saving answers to an attempt with 403', async () => {
      const { neighbour, attempt } = await setup();
      expect((await neighbour.put(`/api/attempts/${attempt.id}/answers`, { answers: {} })).status).toBe(403);
    });

    it('refuses another rep submitting an attempt with 403, leaving it in progress', async () => {
      const { owner, neighbour, attempt } = await setup();
      expect((await neighbour.post(`/api/attempts/${attempt.id}/submit`)).status).toBe(403);
      expect((await owner.get(`/api/attempts/${attempt.id}`)).body.attempt.status).toBe('in_progress');
    });

    it('refuses another team\'s manager reading an attempt with 403', async () => {
      const { attempt } = await setup();
      const other = await teamWithReps(server, 0);
      expect((await other.manager.get(`/api/attempts/${attempt.id}`)).status).toBe(403);
    });

    it('refuses another rep opening a certificate (verification stays public)', async () => {
      const { owner, neighbour, attempt } = await setup();
      const done = await owner.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
      expect((await neighbour.get(`/api/certificates/${done.body.attempt.certificate.id}`)).status).toBe(403);
    });

    it('refuses another team\'s manager reviewing a practice run with 403', async () => {
      const { owner, manager } = await setup();
      await owner.post('/api/practice/runs', { runs: [practiceRun('x')] });
      const [run] = (await manager.get(`/api/team/reps/${owner.user.id}`)).body.practiceRuns;
      const other = await teamWithReps(server, 0);
      expect((await other.manager.get(`/api/team/practice-runs/${run.id}/turns/1`)).status).toBe(403);
    });

    it('refuses a rep the manager-only routes with 403', async () => {
      const { owner } = await setup();
      for (const path of ['/api/team/dashboard', '/api/team/export.csv', '/api/team/replies', '/api/team/invites', '/api/team/assignments']) {
        expect((await owner.get(path)).status, path).toBe(403);
      }
    });
  });

  describe('the answer key never appears before submission', () => {
    const keyFragments = () => {
      const fragments = ['"correct"', '"key"', '"thresholds"', '"rubricResults"', '"example"', '"chosenFeedback"'];
      for (const q of questionsOf(pricing)) {
        if (q.feedback) fragments.push(q.feedback);
        if (q.type !== 'order' && q.type !== 'reply') for (const o of q.options) if (o.feedback) fragments.push(o.feedback);
      }
      return fragments;
    };

    it('leaves every key field and feedback out of every response before submission', async () => {
      const { manager, reps } = await teamWithReps(server, 1);
      const rep = reps[0]!;
      const started = await rep.post(`/api/quizzes/${pricing.id}/attempts`);
      const id = started.body.attempt.id;
      const responses = [
        started,
        await rep.post(`/api/quizzes/${pricing.id}/attempts`),
        await rep.get('/api/quizzes'),
        await rep.get(`/api/quizzes/${pricing.id}`),
        await rep.get(`/api/attempts/${id}`),
        await rep.get('/api/attempts'),
        await rep.put(`/api/attempts/${id}/answers`, { answers: correctAnswers(pricing, started.body.attempt.paper) }),
        await manager.get(`/api/attempts/${id}`),
        await manager.get('/api/team/dashboard'),
      ];
      for (const res of responses) for (const fragment of keyFragments()) expect(res.text, `${fragment} in ${res.text.slice(0, 80)}`).not.toContain(fragment);
    });

    it('does not list order items in their correct order', async () => {
      const rep = await signUp(server, 'rep');
      const { attempt } = (await rep.post(`/api/quizzes/${pricing.id}/attempts`)).body;
      const steps = attempt.paper.questions.find((q: { id: string }) => q.id === 'steps');
      expect(steps.options.map((o: { text: string }) => o.text)).not.toEqual(['Acknowledge', 'Ask', 'Answer', 'Confirm']);
    });
  });

  describe('sign-in is rate-limited per account and address, in the database', () => {
    const signIn = (app: { request: TestServer['app']['request'] }, email: string, password: string, address = '203.0.113.7') =>
      app.request('/api/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ email, password }) });

    it('refuses the sixth attempt within 15 minutes with 429 and Retry-After', async () => {
      const email = uniqueEmail('limited');
      await signUp(server, 'rep', { email });
      for (let i = 0; i < 5; i++) expect((await signIn(server.app, email, 'wrong password')).status).toBe(401);
      const sixth = await signIn(server.app, email, PASSWORD);
      expect(sixth.status).toBe(429);
      expect(await sixth.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('counts attempts across server instances sharing the database', async () => {
      const email = uniqueEmail('shared');
      await signUp(server, 'rep', { email });
      const instances = [createApp(server.context, { logError: () => {} }), createApp(server.context, { logError: () => {} })];
      for (let i = 0; i < 5; i++) await signIn(instances[i % 2]!, email, 'wrong password');
      expect((await signIn(instances[1]!, email, PASSWORD)).status).toBe(429);
    });

    it('lets the account in again once the window has passed', async () => {
      const email = uniqueEmail('later');
      await signUp(server, 'rep', { email });
      for (let i = 0; i < 6; i++) await signIn(server.app, email, 'wrong password');
      server.clock.advance(16 * 60_000);
      expect((await signIn(server.app, email, PASSWORD)).status).toBe(200);
    });

    it('keeps the limit to one address: the same account from another address signs in', async () => {
      const email = uniqueEmail('address');
      await signUp(server, 'rep', { email });
      const trusting = createApp({ ...server.context, trustProxy: true }, { logError: () => {} });
      for (let i = 0; i < 6; i++) await signIn(trusting, email, 'wrong password', '198.51.100.1');
      expect((await signIn(trusting, email, PASSWORD, '198.51.100.1')).status).toBe(429);
      expect((await signIn(trusting, email, PASSWORD, '198.51.100.2')).status).toBe(200);
    });
  });

  describe('every input is validated with a clear 4xx', () => {
    it('answers malformed JSON with 400 bad_json', async () => {
      const res = await new TestClient(server).post('/api/auth/signin', '{"email": "a@b.c",');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'bad_json', reason: 'the body is not valid JSON' });
    });

    it('answers a field of the wrong type with 400 naming the field', async () => {
      const res = await new TestClient(server).post('/api/auth/signup', { email: uniqueEmail('t'), name: 42, password: PASSWORD, role: 'rep' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'bad_request', reason: 'name: must be text' });
    });

    it('answers a body that is not JSON with 415', async () => {
      const res = await new TestClient(server).request('POST', '/api/auth/signin', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect(res.body.error).toBe('unsupported_media_type');
    });

    it('answers an array where an object belongs with 400', async () => {
      const res = await new TestClient(server).post('/api/auth/signin', [1, 2]);
      expect(res.status).toBe(400);
    });

    it('answers a body over 256 KB with 413', async () => {
      const res = await new TestClient(server).post('/api/auth/signin', { email: 'a@b.c', password: 'x'.repeat(300_000) });
      expect(res.status).toBe(413);
      expect(res.body.error).toBe('too_large');
    });

    it('answers a huge body sent without a length with 413', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream({
        pull(controller) {
          if (sent++ < 10) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await server.app.request('/api/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
    });

    it('answers an unknown API route with 404 JSON', async () => {
      const res = await new TestClient(server).get('/api/nothing/here');
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('not_found');
    });

    it('never answers 500 to random bodies on any route that takes one', async () => {
      const rep = await signUp(server, 'rep');
      const { attempt } = (await rep.post(`/api/quizzes/${pricing.id}/attempts`)).body;
      const routes: [string, string][] = [
        ['POST', '/api/auth/signup'],
        ['POST', '/api/auth/signin'],
        ['POST', '/api/teams'],
        ['POST', '/api/team/join'],
        ['PUT', `/api/attempts/${attempt.id}/answers`],
        ['POST', `/api/attempts/${attempt.id}/submit`],
        ['POST', '/api/practice/runs'],
      ];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.json(), fc.string()), async ([method, path], body) => {
          const res = await rep.request(method, path, body);
          return res.status >= 200 && res.status < 500;
        }),
        { numRuns: 60 },
      );
      expect(server.errors).toEqual([]);
    });
  });

  describe('no request can crash the server', () => {
    it('answers a fault with 500 JSON that leaks no stack or message, and logs it', async () => {
      const broken = await openTestServer(kind);
      const client = await signUp(broken, 'rep');
      await broken.context.db.close();
      const res = await client.get('/api/auth/me');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'internal', reason: 'the server could not handle this request; it has been logged' });
      expect(broken.errors).toHaveLength(1);
      await broken.close().catch(() => {});
    });

    it('reports an unreachable database on /api/health with 503', async () => {
      const broken = await openTestServer(kind);
      await broken.context.db.close();
      const res = await new TestClient(broken).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ ok: false, error: 'unavailable' });
      await broken.close().catch(() => {});
    });
  });

  describe('cross-site requests are refused', () => {
    it('refuses a change sent from another origin with 403 cross_origin', async () => {
      const rep = await signUp(server, 'rep');
      const res = await rep.request('POST', '/api/auth/signout', undefined, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('cross_origin');
      expect((await rep.get('/api/auth/me')).status).toBe(200);
    });

    it('accepts a change from the server\'s own origin', async () => {
      const email = uniqueEmail('own');
      await signUp(server, 'rep', { email });
      const res = await new TestClient(server).request('POST', '/api/auth/signin', { email, password: PASSWORD }, { origin: 'http://localhost' });
      expect(res.status).toBe(200);
    });
  });
});
