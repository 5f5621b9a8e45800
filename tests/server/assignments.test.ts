import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceRun } from './practice-run-fixture.ts';
import { correctAnswers, DATABASES, fixtureQuiz, openTestServer, teamWithReps, type TestServer } from './server-harness.ts';

const pricing = fixtureQuiz('pricing-certification');
const DAY = 86_400_000;

describe.each(DATABASES)('assignments on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  const inDays = (days: number) => new Date(server.clock.now.getTime() + days * DAY).toISOString();

  it('assigns a quiz to the whole team with a due date', async () => {
    const { manager, reps } = await teamWithReps(server, 2);
    const res = await manager.post('/api/team/assignments', { kind: 'quiz', contentId: pricing.id, dueAt: inDays(7) });
    expect(res.status).toBe(201);
    expect(res.body.assignment).toMatchObject({ kind: 'quiz', contentId: pricing.id, title: pricing.title, userId: null });
    const listed = (await manager.get('/api/team/assignments')).body.assignments[0];
    const standings = listed.reps.map((r: { userId: string; status: string }) => `${r.userId}:${r.status}`).sort();
    expect(standings).toEqual(reps.map((r) => `${r.user.id}:pending`).sort());
  });

  it('marks a quiz assignment done once the rep holds a certificate for it', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await manager.post('/api/team/assignments', { kind: 'quiz', contentId: pricing.id, dueAt: inDays(7) });
    const { attempt } = (await reps[0]!.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    await reps[0]!.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    const [mine] = (await reps[0]!.get('/api/me/assignments')).body.assignments;
    expect(mine).toMatchObject({ status: 'done', completedAt: server.clock.now.toISOString() });
  });

  it('marks a scenario assignment done by a run synced after it was made', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await manager.post('/api/team/assignments', { kind: 'scenario', contentId: 'price-premium', userId: reps[0]!.user.id, dueAt: inDays(3) });
    await reps[0]!.post('/api/practice/runs', { runs: [practiceRun('before', new Date(server.clock.now.getTime() - DAY).toISOString())] });
    expect((await reps[0]!.get('/api/me/assignments')).body.assignments[0].status).toBe('pending');
    await reps[0]!.post('/api/practice/runs', { runs: [practiceRun('after', new Date(server.clock.now.getTime() + 1000).toISOString())] });
    expect((await reps[0]!.get('/api/me/assignments')).body.assignments[0].status).toBe('done');
  });

  it('lists an assignment past its due date and not done as overdue', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await manager.post('/api/team/assignments', { kind: 'scenario', contentId: 'spin-discovery', dueAt: inDays(1) });
    server.clock.advance(2 * DAY);
    const overdue = (await manager.get('/api/team/overdue')).body.overdue;
    expect(overdue).toEqual([expect.objectContaining({ kind: 'scenario', contentId: 'spin-discovery', userId: reps[0]!.user.id, name: 'Rep 1' })]);
  });

  it('refuses an assignment of an unknown quiz with 400', async () => {
    const { manager } = await teamWithReps(server, 0);
    const res = await manager.post('/api/team/assignments', { kind: 'quiz', contentId: 'no-such-quiz', dueAt: inDays(1) });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('contentId: there is no quiz "no-such-quiz"');
  });

  it('refuses a due date that is not a date with 400', async () => {
    const { manager } = await teamWithReps(server, 0);
    const res = await manager.post('/api/team/assignments', { kind: 'quiz', contentId: pricing.id, dueAt: 'next friday' });
    expect(res.status).toBe(400);
    expect(res.body.reason).toMatch(/^dueAt: /);
  });

  it('refuses to assign work to another team\'s rep with 403', async () => {
    const { manager } = await teamWithReps(server, 0);
    const other = await teamWithReps(server, 1);
    const res = await manager.post('/api/team/assignments', { kind: 'quiz', contentId: pricing.id, userId: other.reps[0]!.user.id, dueAt: inDays(1) });
    expect(res.status).toBe(403);
  });

  it('removes an assignment', async () => {
    const { manager } = await teamWithReps(server, 1);
    const { assignment } = (await manager.post('/api/team/assignments', { kind: 'quiz', contentId: pricing.id, dueAt: inDays(1) })).body;
    expect((await manager.delete(`/api/team/assignments/${assignment.id}`)).status).toBe(204);
    expect((await manager.get('/api/team/assignments')).body.assignments).toEqual([]);
  });
});
