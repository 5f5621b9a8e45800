/**
 * The team server's JSON shapes as the web app reads them, written from the
 * contract in docs/api.md. Times arrive as ISO strings.
 */
import type { RubricId, Skill } from '../../core/content/vocabulary.ts';
import type { Answer, QuestionGrade } from '../../core/quiz/grade.ts';
import type { Paper } from '../../core/quiz/paper.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import type { RubricResult } from '../../core/scoring/reply-scorer.ts';

export type Role = 'manager' | 'rep';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  team: { id: string; name: string } | null;
}

export interface Team {
  id: string;
  name: string;
  createdAt: string;
}

/** A manager sees every member with an email; a rep sees the managers only. */
export interface Member {
  id: string;
  name: string;
  role: Role;
  email?: string;
  joinedAt?: string | null;
}

export type InviteStatus = 'active' | 'expired' | 'used_up' | 'revoked';

export interface Invite {
  code: string;
  createdAt: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revokedAt: string | null;
  status: InviteStatus;
}

export type AssignmentKind = 'quiz' | 'scenario';
export type AssignmentStatus = 'done' | 'done_late' | 'pending' | 'overdue';

export interface Assignment {
  id: string;
  kind: AssignmentKind;
  contentId: string;
  title: string;
  /** null: everyone in the team. */
  userId: string | null;
  dueAt: string;
  createdAt: string;
  createdBy: string;
}

/** An assignment as the manager lists it: how each rep stands. */
export interface TeamAssignment extends Assignment {
  reps: { userId: string; name: string; status: AssignmentStatus; completedAt: string | null }[];
}

/** An assignment as it applies to me (or to one rep, on the manager's rep page). */
export interface MyAssignment extends Assignment {
  status: AssignmentStatus;
  completedAt: string | null;
}

/** A quiz as lists show it: the quiz's own fields, never its questions or key. */
export interface QuizSummary
  extends Pick<Quiz, 'id' | 'title' | 'summary' | 'introMarkdown' | 'certificate' | 'timeLimitMinutes' | 'onTimeout' | 'passMark' | 'attempts' | 'skills' | 'lessons'> {
  questionCount: number;
  mine: {
    used: number;
    remaining: number;
    bestPercent: number | null;
    passed: boolean;
    inProgress: string | null;
    certificate: { id: string; issuedAt: string; expiresAt: string } | null;
  };
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

/** What the public verification answers. */
export interface Verification {
  id: string;
  holder: string;
  certificate: string;
  quizId: string;
  quizTitle: string;
  issuedAt: string;
  expiresAt: string;
  status: CertificateStatus;
  revokedAt?: string;
  revokedReason?: string;
}

export interface Certificate extends Verification {
  attemptId: string;
  verifyUrl: string;
  verifyPath: string;
}

/** Everything the printable certificate shows. */
export interface CertificateDetail extends Certificate {
  team: string | null;
  percent: number | null;
  passMark: number | null;
}

export type AttemptStatus = 'in_progress' | 'submitted' | 'expired';

export interface AttemptResultSummary {
  earned: number;
  available: number;
  percent: number;
  passed: boolean;
  passMark: number;
  reviewed: boolean;
}

export interface AttemptSummary {
  id: string;
  userId: string;
  quizId: string;
  quizTitle: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  deadline: string;
  onTimeout: 'submit' | 'reject';
  submittedAt: string | null;
  submittedBy: 'rep' | 'timeout' | null;
  result: AttemptResultSummary | null;
  certificate: Certificate | null;
}

/** One reviewer's change of a rubric level. */
export interface Override {
  id: string;
  rubric: RubricId;
  oldLevel: number;
  newLevel: number;
  comment: string;
  reviewer: { id: string; name: string };
  at: string;
}

/** A rubric's result after review: `level` is the one that counts, `scoredLevel` the scorer's. */
export interface ReviewedRubricResult extends RubricResult {
  /** Absent where no review is possible (a practice quiz graded in the browser). */
  scoredLevel?: number;
}

/** A graded question as the attempt's result shows it. */
export interface QuestionResult extends Omit<QuestionGrade, 'rubricResults'> {
  rubricResults?: ReviewedRubricResult[];
  overrides?: Override[];
}

export interface Attempt extends Omit<AttemptSummary, 'result'> {
  serverTime: string;
  timeLimitMinutes: number;
  paper: Paper;
  answers: Record<string, Answer>;
  answersSavedAt: string | null;
  result: (AttemptResultSummary & { scorerVersion: string; questions: QuestionResult[] }) | null;
}

export interface PracticeRunSummary {
  id: string;
  runId: string;
  scenarioId: string;
  scenarioTitle: string;
  finishedAt: string;
  syncedAt: string;
  outcome: string;
  kind: string;
  score: number | null;
  levels: Partial<Record<Skill, number>>;
  replies: number;
  overridden: number;
}

export interface DashboardCertification {
  quizId: string;
  title: string;
  certificateName: string | null;
  reps: number;
  attempted: number;
  certified: number;
  passRate: number;
  attempts: number;
  averageBestPercent: number | null;
}

export interface DashboardRep {
  id: string;
  name: string;
  email: string;
  joinedAt: string | null;
  quizzes: { quizId: string; attempts: number; bestPercent: number | null; passed: boolean; certificateId: string | null; certificateExpiresAt: string | null }[];
  practice: { runs: number; lastFinishedAt: string | null; levels: Partial<Record<Skill, number>> };
  overdue: number;
}

export interface OverdueItem {
  assignmentId: string;
  kind: AssignmentKind;
  contentId: string;
  title: string;
  dueAt: string;
  userId: string;
  name: string;
}

export interface Dashboard {
  team: Team;
  certifications: DashboardCertification[];
  reps: DashboardRep[];
  overdue: OverdueItem[];
}

export interface RepDetail {
  rep: { id: string; name: string; email: string; role: Role; joinedAt: string | null };
  attempts: AttemptSummary[];
  certificates: Certificate[];
  practiceRuns: PracticeRunSummary[];
  assignments: MyAssignment[];
}

/** A scored reply a manager can review; lists leave out the evidence. */
export interface ScoredReply {
  source: 'quiz' | 'practice';
  rep: { id: string; name: string };
  at: string | null;
  title: string;
  buyer: string;
  known: string[];
  reply: string;
  results: (Omit<ReviewedRubricResult, 'evidence'> & { evidence?: RubricResult['evidence']; threshold?: number | null })[];
  overrides: Override[];
  /** quiz */
  attemptId?: string;
  questionId?: string;
  quizId?: string;
  /** practice */
  runId?: string;
  turn?: number;
  scenarioId?: string;
}
