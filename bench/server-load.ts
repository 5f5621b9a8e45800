/**
 * The team server under load, on loopback: a real listening server (its own
 * process, so the load generator does not share its CPU) on the embedded
 * PGlite database in a temporary folder, and 200 reps taking a 20-question
 * certification quiz at the same time. Each rep signs in (argon2id at its
 * production cost), lists the quizzes, starts an attempt, saves answers in
 * four batches as they work, submits, and reads the graded result.
 *
 * Two runs:
 * - **class**: the 200 reps start within 10 seconds of each other (a
 *   manager says "go") and pause 1-3 s between requests, reading and
 *   answering (a real rep takes minutes; this is compressed about 30
 *   times). The latency target applies here.
 * - **burst**: the same 200 reps take a second attempt with no pauses at
 *   all, every request fired the moment the previous one returns: the
 *   server's capacity. Its client-side latencies include the load
 *   generator's own queue (it shares the machine's cores with the server),
 *   so the server's own handling time is printed beside them.
 *
 * Prints requests per second and latency percentiles, and checks that every
 * attempt was stored exactly once, graded, with a certificate for each pass.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileQuiz } from '../src/core/quiz/compile-quiz.ts';
import type { Answer } from '../src/core/quiz/grade.ts';
import type { Paper } from '../src/core/quiz/paper.ts';
import { questionsOf, type Quiz } from '../src/core/quiz/quiz.ts';
import type { Database } from '../src/server/db/database.ts';
import { openPgliteDatabase } from '../src/server/db/pglite-database.ts';
import { loadTestQuiz } from './server-load-quiz.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const REPS = 200;
const PASSWORD = 'load test password';
const TARGET_P99_MS = 100;
const RAMP_MS = 10_000;
const THINK_MS = [1000, 3000] as const;
const REPLY =
  "So on paper the licences match, and you need a reason to justify 20% more. After two missed deliveries cost you a key account, reliability is what that 20% buys: our round-the-clock support catches a late truck before your customer notices, so you keep the accounts you have. What did that lost account cost you?";

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

/** Latencies by request kind. */
class Timings {
  readonly byKind = new Map<string, number[]>();
  add(kind: string, ms: number) {
    const list = this.byKind.get(kind) ?? [];
    list.push(ms);
    this.byKind.set(kind, list);
  }
  all(kinds?: readonly string[]): number[] {
    return [...this.byKind.entries()].filter(([k]) => !kinds || kinds.includes(k)).flatMap(([, v]) => v).sort((a, b) => a - b);
  }
}

/**
 * A rep's answers: right on most questions, wrong on the first `wrong`, so
 * some reps pass and some fail. Worked out from the option texts on the
 * paper and the quiz's key, as a rep who knows the material would.
 */
function answersFor(quiz: Quiz, paper: Paper, wrong: number): Record<string, Answer> {
  const byId = new Map(questionsOf(quiz).map((q) => [q.id, q]));
  const answers: Record<string, Answer> = {};
  paper.questions.forEach((shown, index) => {
    const question = byId.get(shown.id)!;
    const options = shown.options ?? [];
    const miss = index < wrong;
    if (question.type === 'reply') answers[shown.id] = { reply: miss ? 'Our price is fair.' : REPLY };
    else if (question.type === 'order') {
      const inOrder = [...options].sort((a, b) => question.items.indexOf(a.text) - question.items.indexOf(b.text)).map((o) => o.id);
      answers[shown.id] = { order: miss ? inOrder.reverse() : inOrder };
    } else {
      const right = (text: string) => question.options.find((o) => o.text === text)!.correct;
      const picked = options.filter((o) => right(o.text) !== miss).map((o) => o.id);
      answers[shown.id] = question.type === 'multiple' ? { optionIds: picked } : { optionId: picked[0]! };
    }
  });
  return answers;
}

/** Starts the server process and waits for its port. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string; stopped: Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/server-load-server.ts'), dataDir, String(REPS), PASSWORD], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
  const stopped = new Promise<string>((resolve) => child.once('exit', () => resolve(output)));
  return { child, base: `http://127.0.0.1:${port}`, stopped };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUIZ_KINDS = ['list quizzes', 'start attempt', 'save answers', 'submit', 'read result'];

/** Prints one run's figures; returns the quiz requests' p99. */
function report(title: string, timings: Timings, wallMs: number): number {
  console.log(`  ${title}`);
  for (const [kind, list] of timings.byKind) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`    ${kind.padEnd(14)} ${String(list.length).padStart(5)} requests   p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms`);
  }
  const quizLatencies = timings.all(QUIZ_KINDS);
  const all = timings.all();
  console.log(`    all: ${all.length} requests in ${(wallMs / 1000).toFixed(1)} s = ${(all.length / (wallMs / 1000)).toFixed(0)} requests/s; quiz requests p50 ${percentile(quizLatencies, 50).toFixed(1)} ms, p99 ${percentile(quizLatencies, 99).toFixed(1)} ms`);
  return percentile(quizLatencies, 99);
}

export async function benchServerLoad(): Promise<{ ok: boolean }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-load-'));
  const quiz = compileQuiz(loadTestQuiz(), 'bench/load-test.md').value!;
  const { child, base, stopped } = await startServer(dataDir);
  let db: Database | undefined;
  let failures = 0;
  // One keep-alive connection per rep at most, as browsers hold theirs.
  const agent = new Agent({ keepAlive: true, maxSockets: REPS });
  /** One request, timed into `timings`; a non-2xx answer counts as a failure. */
  const call = async (timings: Timings, kind: string, cookie: string | undefined, method: string, path: string, body?: unknown) => {
    const t0 = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await new Promise<{ status: number; text: string; setCookie: string[] }>((resolve, reject) => {
      const req = request(
        base + path,
        { method, agent, headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text, setCookie: response.headers['set-cookie'] ?? [] }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    const json = JSON.parse(res.text) as any;
    timings.add(kind, performance.now() - t0);
    if (res.status < 200 || res.status >= 300) {
      failures += 1;
      throw new Error(`${kind}: ${res.status} ${res.text}`);
    }
    return { json, cookie: res.setCookie[0]?.split(';')[0] };
  };
  /** One rep's attempt: list, start, four saves, submit, read; `think` between requests. */
  const takeQuiz = async (timings: Timings, cookie: string, think: () => Promise<unknown>) => {
    await call(timings, 'list quizzes', cookie, 'GET', '/api/quizzes');
    await think();
    const { json } = await call(timings, 'start attempt', cookie, 'POST', `/api/quizzes/${quiz.id}/attempts`);
    const attempt = json.attempt as { id: string; paper: Paper };
    const answers = answersFor(quiz, attempt.paper, randomInt(0, 9));
    const ids = Object.keys(answers);
    for (let batch = 0; batch < 4; batch++) {
      await think();
      const part = Object.fromEntries(ids.slice(batch * 5, batch * 5 + 5).map((id) => [id, answers[id]]));
      await call(timings, 'save answers', cookie, 'PUT', `/api/attempts/${attempt.id}/answers`, { answers: part });
    }
    await think();
    const submitted = await call(timings, 'submit', cookie, 'POST', `/api/attempts/${attempt.id}/submit`);
    await call(timings, 'read result', cookie, 'GET', `/api/attempts/${attempt.id}`);
    return { id: attempt.id, passed: submitted.json.attempt.result.passed as boolean };
  };

  try {
    console.log(`\nTeam server under load (${REPS} reps, 20-question quiz, loopback, embedded PGlite on disk)`);
    const classTimings = new Timings();
    const classStart = performance.now();
    const pause = () => sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
    const cookies: string[] = [];
    const first = await Promise.all(
      Array.from({ length: REPS }, async (_, i) => {
        await sleep((i / REPS) * RAMP_MS);
        cookies[i] = (await call(classTimings, 'sign in', undefined, 'POST', '/api/auth/signin', { email: `rep${i}@load.test`, password: PASSWORD })).cookie!;
        await pause();
        return takeQuiz(classTimings, cookies[i]!, pause);
      }),
    );
    const classP99 = report(`class: starts spread over ${RAMP_MS / 1000} s, ${THINK_MS[0] / 1000}-${THINK_MS[1] / 1000} s between a rep's requests (sign-in is argon2id, 19 MiB x 2 passes)`, classTimings, performance.now() - classStart);

    const burstTimings = new Timings();
    const burstStart = performance.now();
    const second = await Promise.all(cookies.map((cookie) => takeQuiz(burstTimings, cookie, async () => {})));
    report('burst: the same reps take a second attempt at once, no pauses (capacity; latencies include both processes queueing on the 2 cores)', burstTimings, performance.now() - burstStart);

    // Stop the server (it flushes its data), then read what it stored.
    child.kill('SIGTERM');
    const closing = JSON.parse(/\{"errors":.*\}/.exec(await stopped)?.[0] ?? '{}') as { errors?: number; handledP50?: number; handledP99?: number; loopDelayP99?: number; loopDelayMax?: number };
    const serverErrors = closing.errors ?? NaN;
    console.log(`  inside the server (both runs): handling p50 ${closing.handledP50?.toFixed(1)} ms, p99 ${closing.handledP99?.toFixed(1)} ms; event loop blocked p99 ${closing.loopDelayP99?.toFixed(1)} ms, longest ${closing.loopDelayMax?.toFixed(0)} ms`);
    db = await openPgliteDatabase(dataDir);
    const rows = await db.query<{ id: string; user_id: string; status: string; graded: boolean; passed: boolean; certificates: number }>(
      `select a.id, a.user_id, a.status, a.grade is not null as graded, a.passed,
              (select count(*)::int from certificates c where c.attempt_id = a.id) as certificates
         from attempts a where a.quiz_id = $1`,
      [quiz.id],
    );
    const seen = [...first, ...second];
    const stored = new Map(rows.map((r) => [r.id, r]));
    const perRep = new Map<string, number>();
    for (const r of rows) perRep.set(r.user_id, (perRep.get(r.user_id) ?? 0) + 1);
    const lost = seen.filter((s) => !stored.has(s.id)).length;
    const duplicated = rows.length - seen.length + lost + [...perRep.values()].filter((n) => n !== 2).length;
    const mismatched = seen.filter((s) => {
      const row = stored.get(s.id);
      return !row || row.status !== 'submitted' || !row.graded || row.passed !== s.passed || row.certificates !== (s.passed ? 1 : 0);
    }).length;
    const passed = seen.filter((s) => s.passed).length;
    console.log(`  attempts: ${seen.length} taken, ${rows.length} stored (${passed} passed, ${seen.length - passed} failed); lost ${lost}, duplicated ${duplicated}, mismatched ${mismatched}`);

    const checks: [string, boolean][] = [
      [`class quiz requests p99 ${classP99.toFixed(1)} ms (target < ${TARGET_P99_MS} ms)`, classP99 < TARGET_P99_MS],
      [`every attempt stored exactly once (${lost} lost, ${duplicated} duplicated; target 0)`, lost === 0 && duplicated === 0 && mismatched === 0 && rows.length === seen.length],
      [`no failed requests (${failures} failed, ${serverErrors} server errors)`, failures === 0 && serverErrors === 0],
    ];
    for (const [label, ok] of checks) console.log(`  ${label.padEnd(66)} ${ok ? 'ok' : 'MISSED'}`);
    return { ok: checks.every(([, ok]) => ok) };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await stopped;
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok } = await benchServerLoad();
  process.exitCode = ok ? 0 : 1;
}
