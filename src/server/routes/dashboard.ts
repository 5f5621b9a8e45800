import { Hono } from 'hono';
import { RUBRIC_IDS } from '../../core/content/vocabulary.ts';
import { requireTeamManager } from '../auth/current-user.ts';
import { badRequest, forbidden, notFound } from '../http/api-error.ts';
import { PRACTICE_LIST_COLUMNS, practiceRunSummary, type PracticeRunListRow } from '../practice/practice-run.ts';
import { ATTEMPT_COLUMNS, attemptSummary, type AttemptRow } from '../quiz/attempt-record.ts';
import { settleDueAttempts } from '../quiz/attempt-grading.ts';
import { CERTIFICATE_COLUMNS, certificateJson, certificatesOfAttempts, type CertificateRow } from '../quiz/certificate.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';
import { ASSIGNMENT_COLUMNS, assignees, assignmentJson, contentTitle, loadEvidence, standing, teamReps, type AssignmentRow } from '../team/assignment.ts';
import { csvReport } from '../team/csv-report.ts';
import { ATTEMPT_FACT_COLUMNS, overdueItems, teamDashboard, type AttemptFacts } from '../team/dashboard.ts';

const REPORTS = ['attempts', 'practice', 'assignments'] as const;
type Report = (typeof REPORTS)[number];

/** The manager's dashboard, one rep in full, what is overdue, and CSV exports. */
export function dashboardRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  /** The manager's team, with every timed-out attempt of its reps settled first. */
  const team = async (teamId: string) => {
    const [row] = await server.db.query<{ id: string; name: string; created_at: Date }>('select id, name, created_at from teams where id = $1', [teamId]);
    const reps = await teamReps(server.db, teamId);
    await settleDueAttempts(server, reps.map((r) => r.id));
    return { team: row!, reps };
  };

  app.get('/team/dashboard', async (c) => {
    const manager = requireTeamManager(c);
    const { team: row } = await team(manager.teamId);
    return c.json(await teamDashboard(server.db, row, server.content, server.clock()));
  });

  app.get('/team/overdue', async (c) => {
    const manager = requireTeamManager(c);
    const { reps } = await team(manager.teamId);
    const assignments = await server.db.query<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignments where team_id = $1`, [manager.teamId]);
    const evidence = await loadEvidence(server.db, reps.map((r) => r.id));
    return c.json({ overdue: overdueItems(assignments, reps, evidence, server.content, server.clock()) });
  });

  app.get('/team/reps/:userId', async (c) => {
    const manager = requireTeamManager(c);
    const [rep] = await server.db.query<{ id: string; name: string; email: string; role: string; team_id: string | null; joined_team_at: Date | null }>(
      'select id, name, email, role, team_id, joined_team_at from users where id = $1',
      [c.req.param('userId')],
    );
    if (!rep) throw notFound('there is no such user');
    if (rep.team_id !== manager.teamId) throw forbidden('this person is not in your team');
    await settleDueAttempts(server, [rep.id]);
    const now = server.clock();
    const attempts = await server.db.query<AttemptRow>(`select ${ATTEMPT_COLUMNS} from attempts where user_id = $1 order by started_at desc`, [rep.id]);
    const byAttempt = await certificatesOfAttempts(server.db, attempts.map((a) => a.id));
    const certificates = await server.db.query<CertificateRow>(`select ${CERTIFICATE_COLUMNS} from certificates where user_id = $1 order by issued_at desc`, [rep.id]);
    const runs = await server.db.query<PracticeRunListRow>(`select ${PRACTICE_LIST_COLUMNS} from practice_runs p where p.user_id = $1 order by p.finished_at desc`, [rep.id]);
    const assignments = await server.db.query<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignments where team_id = $1 and (user_id is null or user_id = $2) order by due_at`, [
      manager.teamId,
      rep.id,
    ]);
    const evidence = await loadEvidence(server.db, [rep.id]);
    return c.json({
      rep: { id: rep.id, name: rep.name, email: rep.email, role: rep.role, joinedAt: rep.joined_team_at },
      attempts: attempts.map((a) => attemptSummary(a, byAttempt.get(a.id), now)),
      certificates: certificates.map((r) => certificateJson(r, now)),
      practiceRuns: runs.map(practiceRunSummary),
      assignments: assignments.map((a) => {
        const mine = standing(a, rep, evidence, now);
        return { ...assignmentJson(a, server.content), status: mine.status, completedAt: mine.completedAt };
      }),
    });
  });

  app.get('/team/export.csv', async (c) => {
    const manager = requireTeamManager(c);
    const report = (c.req.query('report') ?? 'attempts') as Report;
    if (!REPORTS.includes(report)) throw badRequest(`report: must be one of ${REPORTS.join(', ')}`);
    const { team: row, reps } = await team(manager.teamId);
    const ids = reps.map((r) => r.id);
    const who = new Map(reps.map((r) => [r.id, r]));
    let csv: string;
    if (report === 'attempts') {
      const attempts = ids.length ? await server.db.query<AttemptFacts>(`select ${ATTEMPT_FACT_COLUMNS} from attempts where user_id = any($1::text[]) order by started_at`, [ids]) : [];
      const certificates = await certificatesOfAttempts(server.db, attempts.map((a) => a.id));
      csv = csvReport(
        ['rep', 'email', 'quiz', 'quiz_title', 'attempt', 'status', 'started_at', 'submitted_at', 'submitted_by', 'percent', 'passed', 'certificate_id', 'reviewed'],
        attempts.map((a) => [
          who.get(a.user_id)?.name,
          who.get(a.user_id)?.email,
          a.quiz_id,
          contentTitle(server.content, 'quiz', a.quiz_id),
          a.number,
          a.status,
          a.started_at,
          a.submitted_at,
          a.submitted_by,
          a.percent,
          a.passed === null ? '' : a.passed ? 'yes' : 'no',
          certificates.get(a.id)?.id,
          a.reviewed ? 'yes' : 'no',
        ]),
      );
    } else if (report === 'practice') {
      const runs = ids.length ? await server.db.query<PracticeRunListRow>(`select ${PRACTICE_LIST_COLUMNS} from practice_runs p where p.user_id = any($1::text[]) order by p.finished_at`, [ids]) : [];
      csv = csvReport(
        ['rep', 'email', 'scenario', 'scenario_title', 'finished_at', 'outcome', 'score', ...RUBRIC_IDS, 'reviewed_replies'],
        runs.map((r) => [who.get(r.user_id)?.name, who.get(r.user_id)?.email, r.scenario_id, r.scenario_title, r.finished_at, r.outcome, r.score, ...RUBRIC_IDS.map((id) => r.levels[id]), r.overridden]),
      );
    } else {
      const assignments = await server.db.query<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignments where team_id = $1 order by due_at`, [manager.teamId]);
      const evidence = await loadEvidence(server.db, ids);
      const now = server.clock();
      csv = csvReport(
        ['rep', 'email', 'kind', 'content', 'title', 'due_at', 'status', 'completed_at'],
        assignments.flatMap((a) =>
          assignees(a, reps).map((rep) => {
            const s = standing(a, rep, evidence, now);
            return [rep.name, rep.email, a.kind, a.content_id, contentTitle(server.content, a.kind, a.content_id), a.due_at, s.status, s.completedAt];
          }),
        ),
      );
    }
    const file = `${row.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'team'}-${report}.csv`;
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}"` });
  });

  return app;
}
