import { currentSkillLevels, type CompletedRun } from '../../core/progress/progress.ts';
import type { Skill } from '../../core/content/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { certificateStatus, type CertificateRow, CERTIFICATE_COLUMNS } from '../quiz/certificate.ts';
import type { ServerContent } from '../server-content.ts';
import { ASSIGNMENT_COLUMNS, assignees, contentTitle, loadEvidence, standing, teamReps, type AssignmentRow } from './assignment.ts';

/** The few attempt columns the dashboard counts with (no papers or grades). */
export interface AttemptFacts {
  id: string;
  user_id: string;
  quiz_id: string;
  number: number;
  status: 'in_progress' | 'submitted' | 'expired';
  started_at: Date;
  submitted_at: Date | null;
  submitted_by: 'rep' | 'timeout' | null;
  percent: number | null;
  passed: boolean | null;
  reviewed: boolean;
}

export const ATTEMPT_FACT_COLUMNS = 'id, user_id, quiz_id, number, status, started_at, submitted_at, submitted_by, percent, passed, reviewed_grade is not null as reviewed';

interface RunFacts {
  user_id: string;
  run_id: string;
  scenario_id: string;
  scenario_title: string;
  finished_at: Date;
  levels: Partial<Record<Skill, number>>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** An overdue assignment for one rep. */
export interface OverdueItem {
  assignmentId: string;
  kind: 'quiz' | 'scenario';
  contentId: string;
  title: string;
  dueAt: Date;
  userId: string;
  name: string;
}

/** Every overdue (assignment, rep) pair of a team. */
export function overdueItems(assignments: readonly AssignmentRow[], reps: readonly { id: string; name: string }[], evidence: Awaited<ReturnType<typeof loadEvidence>>, content: ServerContent, now: Date): OverdueItem[] {
  const items: OverdueItem[] = [];
  for (const a of assignments) {
    for (const rep of assignees(a, reps)) {
      if (standing(a, rep, evidence, now).status !== 'overdue') continue;
      items.push({ assignmentId: a.id, kind: a.kind, contentId: a.content_id, title: contentTitle(content, a.kind, a.content_id), dueAt: a.due_at, userId: rep.id, name: rep.name });
    }
  }
  return items.sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || x.name.localeCompare(y.name));
}

/**
 * The manager's view of a team: pass rates per certification, each rep's
 * attempts, certificates and practice, and what is overdue. Every number
 * counts reviewers' levels (the stored scores already do).
 */
export async function teamDashboard(db: Queryable, team: { id: string; name: string; created_at: Date }, content: ServerContent, now: Date) {
  const reps = await teamReps(db, team.id);
  const ids = reps.map((r) => r.id);
  const attempts = ids.length ? await db.query<AttemptFacts>(`select ${ATTEMPT_FACT_COLUMNS} from attempts where user_id = any($1::text[]) order by started_at`, [ids]) : [];
  const certificates = ids.length ? await db.query<CertificateRow>(`select ${CERTIFICATE_COLUMNS} from certificates where user_id = any($1::text[])`, [ids]) : [];
  const runs = ids.length
    ? await db.query<RunFacts>('select user_id, run_id, scenario_id, scenario_title, finished_at, levels from practice_runs where user_id = any($1::text[]) order by finished_at', [ids])
    : [];
  const assignments = await db.query<AssignmentRow>(`select ${ASSIGNMENT_COLUMNS} from assignments where team_id = $1 order by due_at`, [team.id]);
  const overdue = overdueItems(assignments, reps, await loadEvidence(db, ids), content, now);
  const valid = certificates.filter((c) => certificateStatus(c, now) === 'valid');

  const quizIds = [...new Set([...content.quizzes.keys(), ...attempts.map((a) => a.quiz_id)])].sort();
  const certifications = quizIds.map((quizId) => {
    const finished = attempts.filter((a) => a.quiz_id === quizId && a.status !== 'in_progress');
    const best = reps.flatMap((rep) => {
      const scores = finished.filter((a) => a.user_id === rep.id && a.percent !== null).map((a) => a.percent!);
      return scores.length ? [Math.max(...scores)] : [];
    });
    const certified = reps.filter((rep) => valid.some((c) => c.user_id === rep.id && c.quiz_id === quizId)).length;
    const quiz = content.quizzes.get(quizId);
    return {
      quizId,
      title: quiz?.title ?? quizId,
      certificateName: quiz?.certificate.name ?? null,
      reps: reps.length,
      attempted: new Set(finished.map((a) => a.user_id)).size,
      certified,
      passRate: reps.length ? round1((certified / reps.length) * 100) : 0,
      attempts: finished.length,
      averageBestPercent: best.length ? round1(best.reduce((s, p) => s + p, 0) / best.length) : null,
    };
  });

  return {
    team: { id: team.id, name: team.name, createdAt: team.created_at },
    certifications,
    reps: reps.map((rep) => {
      const mine = attempts.filter((a) => a.user_id === rep.id);
      const myRuns = runs.filter((r) => r.user_id === rep.id);
      const quizzes = [...new Set(mine.map((a) => a.quiz_id))].sort().map((quizId) => {
        const these = mine.filter((a) => a.quiz_id === quizId);
        const scores = these.filter((a) => a.percent !== null).map((a) => a.percent!);
        const certificate = valid.filter((c) => c.user_id === rep.id && c.quiz_id === quizId).sort((a, b) => b.expires_at.getTime() - a.expires_at.getTime())[0];
        return {
          quizId,
          attempts: these.length,
          bestPercent: scores.length ? Math.max(...scores) : null,
          passed: these.some((a) => a.passed === true),
          certificateId: certificate?.id ?? null,
          certificateExpiresAt: certificate?.expires_at ?? null,
        };
      });
      return {
        id: rep.id,
        name: rep.name,
        email: rep.email,
        joinedAt: rep.joined_team_at,
        quizzes,
        practice: {
          runs: myRuns.length,
          lastFinishedAt: myRuns.at(-1)?.finished_at ?? null,
          // The core's rule: a skill's level is the mean of its last three runs.
          levels: currentSkillLevels(myRuns.map(asCompletedRun)),
        },
        overdue: overdue.filter((o) => o.userId === rep.id).length,
      };
    }),
    overdue,
  };
}

/** The fields of a completed run that the core's skill history reads. */
function asCompletedRun(run: RunFacts): CompletedRun {
  return { id: run.run_id, scenarioId: run.scenario_id, scenarioTitle: run.scenario_title, finishedAt: run.finished_at.toISOString(), day: run.finished_at.toISOString().slice(0, 10), levels: run.levels } as CompletedRun;
}
