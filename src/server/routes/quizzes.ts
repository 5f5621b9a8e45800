import { randomInt } from 'node:crypto';
import { Hono } from 'hono';
import { assemblePaper } from '../../core/quiz/paper.ts';
import { paperLength, questionsOf, type Quiz } from '../../core/quiz/quiz.ts';
import { requireUser } from '../auth/current-user.ts';
import { sqlState, UNIQUE_VIOLATION } from '../db/database.ts';
import { conflict, notFound } from '../http/api-error.ts';
import { ATTEMPT_COLUMNS, attemptJson, type AttemptRow } from '../quiz/attempt-record.ts';
import { settleDueAttempts } from '../quiz/attempt-grading.ts';
import { CERTIFICATE_COLUMNS, certificateStatus, type CertificateRow } from '../quiz/certificate.ts';
import { newId } from '../random-token.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';

const MINUTE_MS = 60_000;

/** What the quiz list needs of a rep's attempts (no papers or grades). */
interface AttemptBrief {
  id: string;
  quiz_id: string;
  status: 'in_progress' | 'submitted' | 'expired';
  deadline: Date;
  percent: number | null;
  passed: boolean | null;
}

/** A quiz as lists show it: never its questions or key. */
function quizSummary(quiz: Quiz, attempts: readonly AttemptBrief[], certificates: readonly CertificateRow[], now: Date) {
  const mine = attempts.filter((a) => a.quiz_id === quiz.id);
  const scored = mine.filter((a) => a.status === 'submitted' && a.percent !== null).map((a) => a.percent!);
  const certificate = certificates
    .filter((c) => c.quiz_id === quiz.id && certificateStatus(c, now) === 'valid')
    .sort((a, b) => b.issued_at.getTime() - a.issued_at.getTime())[0];
  return {
    id: quiz.id,
    title: quiz.title,
    summary: quiz.summary,
    introMarkdown: quiz.introMarkdown,
    certificate: quiz.certificate,
    timeLimitMinutes: quiz.timeLimitMinutes,
    onTimeout: quiz.onTimeout,
    passMark: quiz.passMark,
    attempts: quiz.attempts,
    questionCount: paperLength(quiz, 'certification'),
    skills: quiz.skills,
    lessons: quiz.lessons,
    mine: {
      used: mine.length,
      remaining: Math.max(0, quiz.attempts - mine.length),
      bestPercent: scored.length ? Math.max(...scored) : null,
      passed: mine.some((a) => a.passed === true),
      inProgress: mine.find((a) => a.status === 'in_progress')?.id ?? null,
      certificate: certificate ? { id: certificate.id, issuedAt: certificate.issued_at, expiresAt: certificate.expires_at } : null,
    },
  };
}

/** Certification quizzes and starting an attempt. */
export function quizRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  /** A rep's attempts, light; any whose time ran out are settled first (rarely: one more round trip). */
  const briefs = async (userId: string, quizId?: string): Promise<AttemptBrief[]> => {
    const read = () =>
      server.db.query<AttemptBrief>(
        `select id, quiz_id, status, deadline, percent, passed from attempts where user_id = $1 ${quizId ? 'and quiz_id = $2' : ''} order by started_at`,
        quizId ? [userId, quizId] : [userId],
      );
    const attempts = await read();
    const now = server.clock();
    if (!attempts.some((a) => a.status === 'in_progress' && a.deadline <= now)) return attempts;
    await settleDueAttempts(server, [userId]);
    return read();
  };

  const mine = async (userId: string) => {
    const attempts = await briefs(userId);
    const certificates = await server.db.query<CertificateRow>(`select ${CERTIFICATE_COLUMNS} from certificates where user_id = $1`, [userId]);
    return { attempts, certificates };
  };

  app.get('/quizzes', async (c) => {
    const user = requireUser(c);
    const { attempts, certificates } = await mine(user.id);
    const now = server.clock();
    const quizzes = [...server.content.quizzes.values()].sort((a, b) => a.title.localeCompare(b.title));
    return c.json({ quizzes: quizzes.map((q) => quizSummary(q, attempts, certificates, now)) });
  });

  app.get('/quizzes/:quizId', async (c) => {
    const user = requireUser(c);
    const quiz = server.content.quizzes.get(c.req.param('quizId'));
    if (!quiz) throw notFound(`there is no quiz "${c.req.param('quizId')}"`);
    const { attempts, certificates } = await mine(user.id);
    return c.json({ quiz: quizSummary(quiz, attempts, certificates, server.clock()) });
  });

  app.post('/quizzes/:quizId/attempts', async (c) => {
    const user = requireUser(c);
    const quiz = server.content.quizzes.get(c.req.param('quizId'));
    if (!quiz) throw notFound(`there is no quiz "${c.req.param('quizId')}"`);
    const resume = async (id: string) => {
      const [open] = await server.db.query<AttemptRow>(`select ${ATTEMPT_COLUMNS} from attempts where id = $1`, [id]);
      return c.json({ attempt: attemptJson(open!, undefined, [], server.clock()), resumed: true }, 200);
    };
    // One light query says both whether an attempt is open and how many are used.
    const taken = await briefs(user.id, quiz.id);
    const open = taken.find((a) => a.status === 'in_progress');
    if (open) return resume(open.id);
    const used = taken.length;
    if (used >= quiz.attempts) throw conflict(`all ${quiz.attempts} attempt${quiz.attempts === 1 ? '' : 's'} at this quiz are used`);
    if (questionsOf(quiz).length === 0) throw conflict('this quiz has no questions to draw');
    const now = server.clock();
    const seed = randomInt(0, 2 ** 31 - 1);
    const paper = assemblePaper(quiz, 'certification', seed);
    try {
      const [row] = await server.db.query<AttemptRow>(
        `insert into attempts (id, user_id, quiz_id, content_hash, number, seed, paper, status, answers, started_at, deadline, on_timeout)
         values ($1, $2, $3, $4, $5, $6, $7, 'in_progress', $8, $9, $10, $11)
         returning ${ATTEMPT_COLUMNS}`,
        [newId('at'), user.id, quiz.id, quiz.contentHash, used + 1, seed, paper as unknown as Record<string, unknown>, {}, now, new Date(now.getTime() + quiz.timeLimitMinutes * MINUTE_MS), quiz.onTimeout],
      );
      return c.json({ attempt: attemptJson(row!, undefined, [], now) }, 201);
    } catch (error) {
      // Two starts at once: the attempt number is unique, so one wins and the other resumes it.
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
      const [other] = await server.db.query<{ id: string }>("select id from attempts where user_id = $1 and quiz_id = $2 and status = 'in_progress'", [user.id, quiz.id]);
      if (other) return resume(other.id);
      throw conflict('another attempt at this quiz was just started or finished; reload to see it');
    }
  });

  return app;
}
