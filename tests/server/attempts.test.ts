import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctAnswers, DATABASES, fixtureQuiz, openTestServer, signUp, teamWithReps, wrongAnswers, type TestServer } from './server-harness.ts';

const pricing = fixtureQuiz('pricing-certification');
const strict = fixtureQuiz('strict-timing');
const MINUTE = 60_000;

describe.each(DATABASES)('certification attempts on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  const start = async (quizId = pricing.id) => {
    const rep = await signUp(server, 'rep');
    const res = await rep.post(`/api/quizzes/${quizId}/attempts`);
    return { rep, res, attempt: res.body.attempt };
  };

  it('lists quizzes with their rules and my attempts, without questions', async () => {
    const rep = await signUp(server, 'rep');
    const res = await rep.get('/api/quizzes');
    const quiz = res.body.quizzes.find((q: { id: string }) => q.id === pricing.id);
    expect(quiz).toMatchObject({ title: pricing.title, passMark: 60, attempts: 2, questionCount: 5, onTimeout: 'submit', mine: { used: 0, remaining: 2, inProgress: null } });
    expect(JSON.stringify(res.body)).not.toContain('Ask what the other quote includes');
  });

  it('starts an attempt with a server deadline and a paper of the certification pools', async () => {
    const { res, attempt } = await start();
    expect(res.status).toBe(201);
    expect(attempt).toMatchObject({ status: 'in_progress', number: 1, quizId: pricing.id, result: null });
    expect(new Date(attempt.deadline).getTime() - new Date(attempt.startedAt).getTime()).toBe(20 * MINUTE);
    expect(attempt.paper.questions.map((q: { id: string }) => q.id).sort()).toEqual(['first-move', 'price-reply', 'signals', 'silence', 'steps']);
  });

  it('resumes the attempt in progress instead of starting another', async () => {
    const { rep, attempt } = await start();
    const again = await rep.post(`/api/quizzes/${pricing.id}/attempts`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ resumed: true, attempt: { id: attempt.id } });
  });

  it('starts one attempt when the same rep starts twice at once', async () => {
    const rep = await signUp(server, 'rep');
    const both = await Promise.all([rep.post(`/api/quizzes/${pricing.id}/attempts`), rep.post(`/api/quizzes/${pricing.id}/attempts`)]);
    expect(new Set(both.map((r) => r.body.attempt.id)).size).toBe(1);
  });

  it('saves answers as the rep goes, merging with what was saved and clearing nulls', async () => {
    const { rep, attempt } = await start();
    const key = correctAnswers(pricing, attempt.paper);
    await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: { 'first-move': key['first-move'], silence: key.silence } });
    const res = await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: { silence: null, steps: key.steps } });
    expect(res.status).toBe(200);
    expect(res.body.answers).toEqual({ 'first-move': key['first-move'], steps: key.steps });
  });

  it('refuses an answer with an option that is not on the paper with 400 bad_answers', async () => {
    const { rep, attempt } = await start();
    const res = await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: { 'first-move': { optionId: 'o-made-up' } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_answers');
    expect(res.body.reason).toContain('o-made-up');
  });

  it('refuses an answer to a question that is not on the paper', async () => {
    const { rep, attempt } = await start();
    const res = await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: { 'practice-only': { optionId: 'x' } } });
    expect(res.status).toBe(400);
    expect(res.body.reason).toContain('not a question on this paper');
  });

  it('grades a submission on the server and issues a certificate on a pass', async () => {
    const { rep, attempt } = await start();
    const res = await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    expect(res.status).toBe(200);
    expect(res.body.attempt).toMatchObject({ status: 'submitted', submittedBy: 'rep', result: { percent: 100, passed: true, passMark: 60 } });
    expect(res.body.attempt.certificate).toMatchObject({ status: 'valid', certificate: 'Certified in Pricing Conversations' });
  });

  it('shows per-answer feedback and the key only after submission', async () => {
    const { rep, attempt } = await start();
    const before = await rep.get(`/api/attempts/${attempt.id}`);
    expect(before.body.attempt.result).toBeNull();
    const after = await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: wrongAnswers(pricing, attempt.paper) });
    const firstMove = after.body.attempt.result.questions.find((q: { id: string }) => q.id === 'first-move');
    expect(firstMove.feedback).toBe('Explore the objection before answering it.');
    expect(firstMove.chosenFeedback[0].feedback).toBe('Conceding first teaches the buyer to push.');
    expect(firstMove.key.optionIds).toHaveLength(1);
  });

  it('fails an attempt below the pass mark and issues no certificate', async () => {
    const { rep, attempt } = await start();
    const res = await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: wrongAnswers(pricing, attempt.paper) });
    expect(res.body.attempt.result).toMatchObject({ passed: false, percent: 0 });
    expect(res.body.attempt.certificate).toBeNull();
  });

  it('submits the saved answers when the submit has no body', async () => {
    const { rep, attempt } = await start();
    await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: correctAnswers(pricing, attempt.paper) });
    const res = await rep.post(`/api/attempts/${attempt.id}/submit`);
    expect(res.body.attempt.result.percent).toBe(100);
  });

  it('refuses a second submission with 409 and the attempt as recorded', async () => {
    const { rep, attempt } = await start();
    await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    const again = await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: wrongAnswers(pricing, attempt.paper) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'conflict', reason: 'this attempt is already submitted', attempt: { result: { percent: 100 } } });
  });

  it('records exactly one of ten simultaneous submissions; the rest get 409', async () => {
    const { rep, attempt } = await start();
    const answers = correctAnswers(pricing, attempt.paper);
    const results = await Promise.all(Array.from({ length: 10 }, () => rep.post(`/api/attempts/${attempt.id}/submit`, { answers })));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const certificates = await server.context.db.query('select 1 from certificates where attempt_id = $1', [attempt.id]);
    expect(certificates).toHaveLength(1);
  });

  it('limits attempts per quiz with 409 once they are used', async () => {
    const rep = await signUp(server, 'rep');
    for (let i = 0; i < 2; i++) {
      const { attempt } = (await rep.post(`/api/quizzes/${pricing.id}/attempts`)).body;
      await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: wrongAnswers(pricing, attempt.paper) });
    }
    const third = await rep.post(`/api/quizzes/${pricing.id}/attempts`);
    expect(third.status).toBe(409);
    expect(third.body.reason).toBe('all 2 attempts at this quiz are used');
  });

  it('auto-submits the answers saved before the deadline when the attempt is next read (on_timeout: submit)', async () => {
    const { rep, attempt } = await start();
    await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: correctAnswers(pricing, attempt.paper) });
    server.clock.advance(21 * MINUTE);
    const res = await rep.get(`/api/attempts/${attempt.id}`);
    expect(res.body.attempt).toMatchObject({ status: 'submitted', submittedBy: 'timeout', submittedAt: attempt.deadline, result: { percent: 100, passed: true } });
  });

  it('settles timed-out attempts when they are listed', async () => {
    const { rep, attempt } = await start();
    server.clock.advance(21 * MINUTE);
    const list = await rep.get('/api/attempts');
    expect(list.body.attempts[0]).toMatchObject({ id: attempt.id, status: 'submitted', submittedBy: 'timeout' });
  });

  it('refuses answers saved after the deadline with 409', async () => {
    const { rep, attempt } = await start();
    server.clock.advance(21 * MINUTE);
    const res = await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: correctAnswers(pricing, attempt.paper) });
    expect(res.status).toBe(409);
  });

  it('answers a late submission with 409 and the auto-submitted result (on_timeout: submit)', async () => {
    const { rep, attempt } = await start();
    server.clock.advance(21 * MINUTE);
    const res = await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe('time is up: the answers saved before the deadline were submitted at the deadline');
    expect(res.body.attempt.result.percent).toBe(0);
  });

  it('refuses a late submission with 409 and a reason, and expires the attempt (on_timeout: reject)', async () => {
    const { rep, attempt } = await start(strict.id);
    await rep.put(`/api/attempts/${attempt.id}/answers`, { answers: correctAnswers(strict, attempt.paper) });
    server.clock.advance(6 * MINUTE);
    const res = await rep.post(`/api/attempts/${attempt.id}/submit`);
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe('time is up: this quiz refuses late submissions, so the attempt expired without a score');
    expect(res.body.attempt).toMatchObject({ status: 'expired', result: null, certificate: null });
  });

  it('lets the rep\'s manager read the attempt', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    const { attempt } = (await reps[0]!.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    expect((await manager.get(`/api/attempts/${attempt.id}`)).status).toBe(200);
  });

  it('keeps a manager out of the answers of a rep in their team (403)', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    const { attempt } = (await reps[0]!.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    expect((await manager.put(`/api/attempts/${attempt.id}/answers`, { answers: {} })).status).toBe(403);
  });

  it('answers an unknown attempt with 404', async () => {
    const rep = await signUp(server, 'rep');
    expect((await rep.get('/api/attempts/at_nothing')).status).toBe(404);
  });

  it('verifies a certificate publicly, and reports it expired after its validity', async () => {
    const { rep, attempt } = await start();
    const done = await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    const id = done.body.attempt.certificate.id;
    const anyone = await server.app.request(`/api/certificates/${id}/verify`);
    expect(await anyone.json()).toMatchObject({ id, holder: 'Test rep', certificate: 'Certified in Pricing Conversations', status: 'valid' });
    server.clock.advance(181 * 86_400_000);
    const later = await server.app.request(`/api/certificates/${id}/verify`);
    expect((await later.json()).status).toBe('expired');
  });

  it('answers verification of an unknown certificate with 404', async () => {
    const res = await server.app.request('/api/certificates/aaaaaaaaaaaaaaaaaaaaaaaaaa/verify');
    expect(res.status).toBe(404);
  });

  it('gives the printable certificate to its holder with team and score', async () => {
    const { reps } = await teamWithReps(server, 1, 'Printers');
    const { attempt } = (await reps[0]!.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    const done = await reps[0]!.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    const res = await reps[0]!.get(`/api/certificates/${done.body.attempt.certificate.id}`);
    expect(res.body.certificate).toMatchObject({ team: 'Printers', percent: 100, passMark: 60, holder: 'Rep 1' });
  });

  it('lists my certificates and shows the valid one on the quiz', async () => {
    const { rep, attempt } = await start();
    await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: correctAnswers(pricing, attempt.paper) });
    expect((await rep.get('/api/me/certificates')).body.certificates).toHaveLength(1);
    expect((await rep.get(`/api/quizzes/${pricing.id}`)).body.quiz.mine).toMatchObject({ used: 1, passed: true, bestPercent: 100 });
  });
});
