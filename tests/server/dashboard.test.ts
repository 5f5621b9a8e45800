import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceRun } from './practice-run-fixture.ts';
import { correctAnswers, DATABASES, fixtureQuiz, openTestServer, signUp, teamWithReps, wrongAnswers, type TestClient, type TestServer } from './server-harness.ts';

const pricing = fixtureQuiz('pricing-certification');

describe.each(DATABASES)('manager dashboard on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer(kind);
  });
  afterAll(() => server.close());

  const take = async (rep: TestClient, pass: boolean) => {
    const { attempt } = (await rep.post(`/api/quizzes/${pricing.id}/attempts`)).body;
    return (await rep.post(`/api/attempts/${attempt.id}/submit`, { answers: pass ? correctAnswers(pricing, attempt.paper) : wrongAnswers(pricing, attempt.paper) })).body.attempt;
  };

  it('shows the pass rate per certification: reps holding a valid certificate over reps in the team', async () => {
    const { manager, reps } = await teamWithReps(server, 4);
    await take(reps[0]!, true);
    await take(reps[1]!, false);
    await take(reps[1]!, true);
    await take(reps[2]!, false);
    const pricingRow = (await manager.get('/api/team/dashboard')).body.certifications.find((c: { quizId: string }) => c.quizId === pricing.id);
    expect(pricingRow).toMatchObject({ reps: 4, attempted: 3, certified: 2, passRate: 50, attempts: 4, averageBestPercent: 66.7 });
  });

  it('shows each rep\'s attempts, best score and certificate', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await take(reps[0]!, false);
    const passed = await take(reps[0]!, true);
    const [row] = (await manager.get('/api/team/dashboard')).body.reps;
    expect(row.quizzes).toEqual([{ quizId: pricing.id, attempts: 2, bestPercent: 100, passed: true, certificateId: passed.certificate.id, certificateExpiresAt: passed.certificate.expiresAt }]);
  });

  it('shows practice synced by reps, with their current skill levels', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await reps[0]!.post('/api/practice/runs', { runs: [practiceRun('a'), practiceRun('b', '2026-03-02T11:00:00.000Z')] });
    const [row] = (await manager.get('/api/team/dashboard')).body.reps;
    expect(row.practice).toMatchObject({ runs: 2, lastFinishedAt: '2026-03-02T11:00:00.000Z', levels: { empathy: 3, value_framing: 4 } });
  });

  it('opens one rep in full: attempts, certificates, practice, assignments', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await take(reps[0]!, true);
    await reps[0]!.post('/api/practice/runs', { runs: [practiceRun('a')] });
    const res = await manager.get(`/api/team/reps/${reps[0]!.user.id}`);
    expect(res.body.attempts).toHaveLength(1);
    expect(res.body.certificates).toHaveLength(1);
    expect(res.body.practiceRuns).toHaveLength(1);
  });

  it('exports attempts as CSV with a header row and one row per attempt', async () => {
    const { manager, reps } = await teamWithReps(server, 2);
    await take(reps[0]!, true);
    await take(reps[1]!, false);
    const res = await manager.get('/api/team/export.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="West-sales-attempts.csv"');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rep,email,quiz,quiz_title,attempt,status,started_at,submitted_at,submitted_by,percent,passed,certificate_id,reviewed');
    expect(lines).toHaveLength(3);
  });

  it('quotes CSV cells with commas and quotes, and defuses formulas', async () => {
    const manager = await signUp(server, 'manager');
    await manager.post('/api/teams', { name: 'Quoting' });
    const { code } = (await manager.post('/api/team/invites', {})).body.invite;
    const rep = await signUp(server, 'rep', { name: '=HYPERLINK("x"), "Sam"', inviteCode: code });
    await take(rep, true);
    const res = await manager.get('/api/team/export.csv');
    expect(res.text.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\), ""Sam"""/);
  });

  it('exports practice runs with each rubric skill\'s level', async () => {
    const { manager, reps } = await teamWithReps(server, 1);
    await reps[0]!.post('/api/practice/runs', { runs: [practiceRun('a')] });
    const lines = (await manager.get('/api/team/export.csv?report=practice')).text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rep,email,scenario,scenario_title,finished_at,outcome,score,active_listening,empathy,value_framing,reviewed_replies');
    expect(lines[1]).toContain(',2,3,4,0');
  });

  it('refuses an unknown report with 400', async () => {
    const { manager } = await teamWithReps(server, 0);
    expect((await manager.get('/api/team/export.csv?report=salaries')).status).toBe(400);
  });

  it('keeps the dashboard from reps with 403', async () => {
    const { reps } = await teamWithReps(server, 1);
    expect((await reps[0]!.get('/api/team/dashboard')).status).toBe(403);
  });

  it('keeps another team\'s rep out of a manager\'s reach with 403', async () => {
    const { manager } = await teamWithReps(server, 0);
    const other = await teamWithReps(server, 1);
    expect((await manager.get(`/api/team/reps/${other.reps[0]!.user.id}`)).status).toBe(403);
  });
});
