import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceRun } from './practice-run-fixture.ts';
import { correctAnswers, DATABASES, fixtureQuiz, openTestServer, teamWithReps, wrongAnswers, type TestClient, type TestServer } from './server-harness.ts';

const pricing = fixtureQuiz('pricing-certification');

describe.each(DATABASES)('human review on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  /** A rep who passes with 6 of 7 points: the first question wrong, the reply (2 points) meeting both thresholds. */
  const narrowPass = async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    const rep = reps[0]!;
    const { attempt } = (await rep.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    const answers = { ...correctAnswers(pricing, attempt.paper), 'first-move': wrongAnswers(pricing, attempt.paper)['first-move']! };
    const done = (await rep.post(`/api/attempts/${attempt.id}/submit`, { answers })).body.attempt;
    return { manager, rep, attempt: done, path: `/api/team/attempts/${attempt.id}/replies/price-reply` };
  };

  const override = (manager: TestClient, path: string, rubric: string, level: number, comment = 'Checked by hand.') => manager.post(`${path}/overrides`, { rubric, level, comment });

  it('opens a certification reply with its evidence and thresholds', async () => {
    const { manager, path, attempt } = await narrowPass();
    expect(attempt.result.percent).toBe(85.7);
    const { reply } = (await manager.get(path)).body;
    expect(reply).toMatchObject({ source: 'quiz', questionId: 'price-reply', buyer: 'Your quote is 20% above the other vendor. Why would I pay more?', overrides: [] });
    expect(reply.results.map((r: { rubric: string; threshold: number }) => [r.rubric, r.threshold])).toEqual([['active_listening', 2], ['value_framing', 2]]);
    expect(reply.results[0].evidence.length).toBeGreaterThan(0);
  });

  it('records an override with who, when, the old and new level and the comment', async () => {
    const { manager, path } = await narrowPass();
    const scored = (await manager.get(path)).body.reply.results[0].level;
    const res = await override(manager, path, 'active_listening', 0, 'Restates nothing the buyer said.');
    expect(res.status).toBe(201);
    expect(res.body.reply.overrides).toEqual([
      { id: expect.any(String), rubric: 'active_listening', oldLevel: scored, newLevel: 0, comment: 'Restates nothing the buyer said.', reviewer: { id: manager.user.id, name: 'Morgan Lee' }, at: server.clock.now.toISOString() },
    ]);
  });

  it('shows the human level where the reply is shown, with the scorer\'s beside it', async () => {
    const { manager, rep, path, attempt } = await narrowPass();
    const scored = (await manager.get(path)).body.reply.results[0].level;
    await override(manager, path, 'active_listening', 0);
    const seenByRep = (await rep.get(`/api/attempts/${attempt.id}`)).body.attempt.result.questions.find((q: { id: string }) => q.id === 'price-reply');
    expect(seenByRep.rubricResults[0]).toMatchObject({ rubric: 'active_listening', level: 0, scoredLevel: scored });
  });

  it('regrades the attempt with the human level', async () => {
    const { manager, path } = await narrowPass();
    const res = await override(manager, path, 'active_listening', 0);
    expect(res.body.attempt.result).toMatchObject({ earned: 5, percent: 71.4, passed: true, reviewed: true });
  });

  it('revokes the certificate when a review turns the pass into a fail', async () => {
    const { manager, path, attempt } = await narrowPass();
    await override(manager, path, 'active_listening', 0);
    const res = await override(manager, path, 'value_framing', 1);
    expect(res.body.attempt.result).toMatchObject({ percent: 57.1, passed: false });
    const verify = await server.app.request(`/api/certificates/${attempt.certificate.id}/verify`);
    expect(await verify.json()).toMatchObject({ status: 'revoked', revokedReason: expect.stringContaining('reviewer') });
  });

  it('issues a certificate when a review turns a fail into a pass', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    const { attempt } = (await reps[0]!.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    const wrong = wrongAnswers(pricing, attempt.paper);
    const answers = { ...correctAnswers(pricing, attempt.paper), 'first-move': wrong['first-move']!, 'price-reply': { reply: 'Fine, whatever you think.' } };
    const failed = (await reps[0]!.post(`/api/attempts/${attempt.id}/submit`, { answers })).body.attempt;
    expect(failed).toMatchObject({ result: { percent: 57.1, passed: false }, certificate: null });
    const res = await override(manager, `/api/team/attempts/${attempt.id}/replies/price-reply`, 'active_listening', 3, 'Picks up the buyer\'s words; the scorer missed it.');
    expect(res.body.attempt).toMatchObject({ result: { percent: 71.4, passed: true }, certificate: { status: 'valid' } });
  });

  it('keeps every override; the newest one counts', async () => {
    const { manager, path } = await narrowPass();
    await override(manager, path, 'value_framing', 0, 'first look');
    server.clock.advance(60_000);
    const res = await override(manager, path, 'value_framing', 3, 'second look');
    expect(res.body.reply.overrides.map((o: { comment: string }) => o.comment)).toEqual(['first look', 'second look']);
    expect(res.body.reply.results.find((r: { rubric: string }) => r.rubric === 'value_framing').level).toBe(3);
  });

  it('refuses an override of a rubric the reply was not scored on with 400', async () => {
    const { manager, path } = await narrowPass();
    const res = await override(manager, path, 'empathy', 2);
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('rubric: this reply was scored on active_listening, value_framing');
  });

  it('refuses a level outside 0-4 and a missing comment with 400', async () => {
    const { manager, path } = await narrowPass();
    expect((await override(manager, path, 'value_framing', 5)).body.reason).toBe('level: must be a level from 0 to 4');
    expect((await override(manager, path, 'value_framing', 2, '  ')).body.reason).toBe('comment: a comment saying why is required');
  });

  it('keeps another team\'s manager and the rep out of review with 403', async () => {
    const { rep, path } = await narrowPass();
    const other = await teamWithReps(server, 0);
    expect((await other.manager.get(path)).status).toBe(403);
    expect((await override(other.manager, path, 'value_framing', 0)).status).toBe(403);
    expect((await rep.get(path)).status).toBe(403);
  });

  it('overrides a practice reply and counts the human level in the run\'s levels', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await reps[0]!.post('/api/practice/runs', { runs: [practiceRun('p1')] });
    const [run] = (await manager.get(`/api/team/reps/${reps[0]!.user.id}`)).body.practiceRuns;
    const path = `/api/team/practice-runs/${run.id}/turns/1`;
    expect((await manager.get(path)).body.reply).toMatchObject({ source: 'practice', reply: 'So the gap is people and minutes.' });
    const res = await override(manager, path, 'empathy', 1, 'No acknowledgement of the pressure.');
    expect(res.body.reply.results.find((r: { rubric: string }) => r.rubric === 'empathy')).toMatchObject({ level: 1, scoredLevel: 3 });
    const [after] = (await reps[0]!.get('/api/practice/runs')).body.runs;
    expect(after).toMatchObject({ levels: { empathy: 1, active_listening: 2, value_framing: 4 }, overridden: 1 });
  });

  it('lists the team\'s scored replies, filtered by whether they were overridden', async () => {
    const { manager, path } = await narrowPass();
    expect((await manager.get('/api/team/replies?overridden=false')).body.replies).toHaveLength(1);
    await override(manager, path, 'value_framing', 3);
    const overridden = (await manager.get('/api/team/replies?overridden=true')).body.replies;
    expect(overridden).toEqual([expect.objectContaining({ source: 'quiz', questionId: 'price-reply' })]);
  });
});
