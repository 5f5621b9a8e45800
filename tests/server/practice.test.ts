import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceRun } from './practice-run-fixture.ts';
import { DATABASES, openTestServer, signUp, type TestServer } from './server-harness.ts';

describe.each(DATABASES)('practice sync on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  it('stores finished runs a signed-in rep sends', async () => {
    const rep = await signUp(server, 'rep');
    const res = await rep.post('/api/practice/runs', { runs: [practiceRun('r1'), practiceRun('r2')] });
    expect(res.body).toEqual({ added: 2, alreadyThere: 0 });
  });

  it('skips runs already synced, so resending is safe', async () => {
    const rep = await signUp(server, 'rep');
    await rep.post('/api/practice/runs', { runs: [practiceRun('r1')] });
    const again = await rep.post('/api/practice/runs', { runs: [practiceRun('r1'), practiceRun('r3')] });
    expect(again.body).toEqual({ added: 1, alreadyThere: 1 });
  });

  it('lists my synced runs with their levels and scored replies', async () => {
    const rep = await signUp(server, 'rep');
    await rep.post('/api/practice/runs', { runs: [practiceRun('r1')] });
    const [run] = (await rep.get('/api/practice/runs')).body.runs;
    expect(run).toMatchObject({ runId: 'r1', scenarioId: 'price-premium', kind: 'won', replies: 1, overridden: 0, levels: { active_listening: 2, empathy: 3, value_framing: 4 } });
  });

  it('refuses a run of the wrong shape with a reason naming the field', async () => {
    const rep = await signUp(server, 'rep');
    const run = { ...practiceRun('bad'), score: 140 };
    const res = await rep.post('/api/practice/runs', { runs: [run] });
    expect(res.status).toBe(400);
    expect(res.body.reason).toMatch(/^runs\[0\]\.score: /);
  });

  it('refuses more than 50 runs in one request', async () => {
    const rep = await signUp(server, 'rep');
    const res = await rep.post('/api/practice/runs', { runs: Array.from({ length: 51 }, (_, i) => practiceRun(`r${i}`)) });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('runs: at most 50 runs per request');
  });

  it('keeps each rep\'s runs to themselves', async () => {
    const a = await signUp(server, 'rep');
    const b = await signUp(server, 'rep');
    await a.post('/api/practice/runs', { runs: [practiceRun('mine')] });
    expect((await b.get('/api/practice/runs')).body.runs).toEqual([]);
  });
});
