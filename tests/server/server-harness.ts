/**
 * Test harness for the team server: every suite runs once per available
 * database (PGlite in memory always; PostgreSQL too when DATABASE_URL is
 * set), each test file on a fresh database (a new schema on PostgreSQL),
 * with a clock the tests move and a cheap argon2 cost.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import type { Answer } from '../../src/core/quiz/grade.ts';
import { optionIdsOf, type Paper } from '../../src/core/quiz/paper.ts';
import { questionsOf, type Quiz } from '../../src/core/quiz/quiz.ts';
import { readProjectRubrics } from '../../src/node/content-files.ts';
import { applyMigrations, readMigrations } from '../../src/server/db/migrations.ts';
import { dumpPglite, openPgliteDatabase } from '../../src/server/db/pglite-database.ts';
import { openPostgresDatabase } from '../../src/server/db/postgres-database.ts';
import type { ServerContent } from '../../src/server/server-content.ts';
import { openTeamServer, type TeamServer, type TeamServerOptions } from '../../src/server/team-server.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The databases this run can test against, for `describe.each`. */
export const DATABASES: { kind: 'pglite' | 'postgres' }[] = [{ kind: 'pglite' }, ...(process.env.DATABASE_URL ? [{ kind: 'postgres' as const }] : [])];

/** A clock the tests move by hand. */
export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  const clock = {
    now: new Date(start),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  return clock;
}

export interface TestServer extends TeamServer {
  clock: TestClock;
  /** Logged unexpected errors (the app's 500s). */
  errors: unknown[];
}

/** Scenarios the server tests assign and sync runs of. */
export const TEST_SCENARIOS = [
  { id: 'price-premium', title: "You're 20% more expensive", skills: ['objection_handling', 'active_listening', 'empathy', 'value_framing'] },
  { id: 'spin-discovery', title: 'SPIN discovery call', skills: ['discovery', 'active_listening'] },
] as const;

/** A quiz from tests/fixtures/server/, compiled. */
export function fixtureQuiz(name: string): Quiz {
  const file = `tests/fixtures/server/${name}.md`;
  const { value, diagnostics } = compileQuiz(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!value) throw new Error(`${file} does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return value;
}

/** The fixture quizzes every server test has: `pricing-certification` (on_timeout submit, 2 attempts) and `strict-timing` (reject, 1 attempt). */
export const TEST_QUIZZES = ['pricing-certification', 'strict-timing'];

/** A strong reply to the fixtures' price objection (the scorer rates it at or above the thresholds). */
export const GOOD_REPLY =
  "So on paper the licences match, and you need a reason to justify 20% more. After two missed deliveries cost you a key account, reliability is what that 20% buys: our round-the-clock support catches a late truck before your customer notices, so you keep the accounts you have. What did that lost account cost you?";

/**
 * Full-marks answers to a paper, worked out from the quiz's key the way
 * the server would (tests only: the key never reaches a client).
 */
export function correctAnswers(quiz: Quiz, paper: Paper, reply = GOOD_REPLY): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const shown of paper.questions) {
    const question = questionsOf(quiz).find((q) => q.id === shown.id)!;
    const ids = optionIdsOf(quiz, paper.mode, paper.seed, question);
    if (question.type === 'reply') answers[shown.id] = { reply };
    else if (question.type === 'order') answers[shown.id] = { order: ids };
    else if (question.type === 'multiple') answers[shown.id] = { optionIds: ids.filter((_, i) => question.options[i]!.correct) };
    else answers[shown.id] = { optionId: ids[question.options.findIndex((o) => o.correct)]! };
  }
  return answers;
}

/** Answers that earn nothing: every choice wrong, the order reversed, an empty-handed reply. */
export function wrongAnswers(quiz: Quiz, paper: Paper): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const shown of paper.questions) {
    const question = questionsOf(quiz).find((q) => q.id === shown.id)!;
    const ids = optionIdsOf(quiz, paper.mode, paper.seed, question);
    if (question.type === 'reply') answers[shown.id] = { reply: 'ok' };
    else if (question.type === 'order') answers[shown.id] = { order: [...ids].reverse() };
    else if (question.type === 'multiple') answers[shown.id] = { optionIds: ids.filter((_, i) => !question.options[i]!.correct) };
    else answers[shown.id] = { optionId: ids[question.options.findIndex((o) => !o.correct)]! };
  }
  return answers;
}

/** Content for tests: the fixture quizzes, two scenarios and the project's rubric coaching. */
export async function testContent(quizzes: readonly Quiz[] = TEST_QUIZZES.map(fixtureQuiz)): Promise<ServerContent> {
  return {
    quizzes: new Map(quizzes.map((q) => [q.id, q])),
    scenarios: new Map(TEST_SCENARIOS.map((s) => [s.id, { ...s, skills: [...s.skills] }])),
    rubrics: await readProjectRubrics(ROOT),
    diagnostics: [],
  };
}

/**
 * A migrated, empty PGlite database as a dump, made once and kept on disk
 * for the next test files (PGlite's first-time set-up takes seconds; loading
 * a dump a fraction of that). Keyed by the migrations, so a schema change
 * makes a new one.
 */
async function pgliteSnapshot(): Promise<Blob> {
  const migrations = await readMigrations();
  const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const dir = join(ROOT, 'node_modules/.cache/parley-server');
  const file = join(dir, `pglite-${key}.tgz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const db = await openPgliteDatabase();
    await applyMigrations(db, migrations);
    const dump = await dumpPglite(db);
    await db.close();
    await mkdir(dir, { recursive: true });
    // Written aside and renamed, so a test file running alongside never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  }
}

/** Opens a server on a fresh database of the given kind. Close it in afterAll. */
export async function openTestServer(kind: 'pglite' | 'postgres', options: Partial<TeamServerOptions> = {}): Promise<TestServer> {
  const clock = testClock();
  const errors: unknown[] = [];
  let schema: string | undefined;
  const url = process.env.DATABASE_URL;
  if (kind === 'postgres') {
    if (!url) throw new Error('DATABASE_URL is not set');
    schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgresDatabase(url, { maxConnections: 1 });
    await admin.exec(`create schema ${schema}`);
    await admin.close();
  }
  const server = await openTeamServer({
    root: ROOT,
    database: kind === 'postgres' ? { url, schema } : { snapshot: await pgliteSnapshot() },
    content: options.content ?? (await testContent()),
    clock: () => clock.now,
    passwordCost: { memoryCost: 256, timeCost: 1 },
    logError: (error) => errors.push(error),
    ...options,
  });
  return {
    ...server,
    clock,
    errors,
    async close() {
      await server.close();
      if (schema) {
        const admin = await openPostgresDatabase(url!, { maxConnections: 1 });
        await admin.exec(`drop schema ${schema} cascade`);
        await admin.close();
      }
    },
  };
}

/** A response as tests read it. */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A browser-like client for `app.request`: keeps the session cookie and sends JSON. */
export class TestClient {
  cookie: string | undefined;

  constructor(
    readonly server: TeamServer,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...this.headers, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.server.app.request(path, { method, headers, body: payload });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'parley_session') this.cookie = value ? `parley_session=${value}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

let counter = 0;

/** A unique email for a new test account. */
export function uniqueEmail(who: string): string {
  counter += 1;
  return `${who}-${counter}-${randomBytes(3).toString('hex')}@example.com`;
}

export const PASSWORD = 'correct horse battery';

/** Signs up a new account and returns its signed-in client. */
export async function signUp(server: TeamServer, role: 'manager' | 'rep', fields: { name?: string; inviteCode?: string; email?: string } = {}): Promise<TestClient & { user: any }> {
  const client = new TestClient(server);
  const res = await client.post('/api/auth/signup', { email: fields.email ?? uniqueEmail(role), name: fields.name ?? `Test ${role}`, password: PASSWORD, role, inviteCode: fields.inviteCode });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return Object.assign(client, { user: res.body.user });
}

/** A manager with a team and `reps` reps in it, all signed in. */
export async function teamWithReps(server: TeamServer, reps = 1, teamName = 'West sales'): Promise<{ manager: TestClient & { user: any }; reps: (TestClient & { user: any })[]; teamId: string }> {
  const manager = await signUp(server, 'manager', { name: 'Morgan Lee' });
  const team = await manager.post('/api/teams', { name: teamName });
  if (team.status !== 201) throw new Error(`team failed: ${team.status} ${team.text}`);
  const invite = await manager.post('/api/team/invites', { maxUses: Math.max(1, reps) });
  const members = [];
  for (let i = 0; i < reps; i++) members.push(await signUp(server, 'rep', { name: `Rep ${i + 1}`, inviteCode: invite.body.invite.code }));
  const me = await manager.get('/api/auth/me');
  manager.user = me.body.user;
  return { manager, reps: members, teamId: team.body.team.id };
}
