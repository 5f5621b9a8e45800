import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import { gradePaper, type Answer } from '../../src/core/quiz/grade.ts';
import { assemblePaper, type Paper } from '../../src/core/quiz/paper.ts';
import { questionsOf, type ChoiceQuestion, type Quiz } from '../../src/core/quiz/quiz.ts';
import type { ReplyScorer } from '../../src/core/scoring/reply-scorer.ts';
import { useSession } from '../../src/web/account/session-store.ts';
import type { Attempt, User } from '../../src/web/api/api-types.ts';
import { routes } from '../../src/web/router.tsx';
import { apiError, fakeApi, type FakeAnswer } from './fake-api.ts';

const FILE = 'tests/fixtures/e2e/quizzes/team-certification.md';
const quiz: Quiz = compileQuiz(readFileSync(join(process.cwd(), FILE), 'utf8'), FILE).value!;
const paper: Paper = assemblePaper(quiz, 'certification', 7);
const sam: User = { id: 'u_sam', email: 'sam@example.com', name: 'Sam Reyes', role: 'rep', team: { id: 't_1', name: 'West sales' } };
const PATH = '/api/attempts/at_1';

/** A scorer that finds the first ten characters of any reply worth a 3. */
const scorer: ReplyScorer = {
  version: 'test',
  score: (_reply, _context, rubrics) => rubrics.map((rubric) => ({ rubric, level: 3, evidence: [{ rubric, start: 0, end: 10, effect: 'raise', signal: 'restates the concern' }], caps: [], feedback: `Coaching for ${rubric}.` })),
};

/** The attempt as the server sends it, started now (server time) with `minutes` left. */
function attempt(over: Partial<Attempt> = {}, minutesLeft = 15): Attempt {
  const now = Date.now();
  return {
    id: 'at_1',
    userId: sam.id,
    quizId: quiz.id,
    quizTitle: quiz.title,
    number: 1,
    status: 'in_progress',
    startedAt: new Date(now - (15 - minutesLeft) * 60_000).toISOString(),
    deadline: new Date(now + minutesLeft * 60_000).toISOString(),
    onTimeout: 'submit',
    submittedAt: null,
    submittedBy: null,
    result: null,
    certificate: null,
    serverTime: new Date(now).toISOString(),
    timeLimitMinutes: 15,
    paper,
    answers: {},
    answersSavedAt: null,
    ...over,
  };
}

/** The attempt after grading `answers` on the "server". */
function submitted(answers: Record<string, Answer>, over: Partial<Attempt> = {}): Attempt {
  const grade = gradePaper(quiz, paper, answers, scorer);
  const { earned, available, percent, passed, passMark, questions } = grade;
  return attempt({
    status: 'submitted',
    submittedAt: new Date().toISOString(),
    submittedBy: 'rep',
    answers,
    result: { earned, available, percent, passed, passMark, reviewed: false, scorerVersion: 'test', questions },
    ...over,
  });
}

/** The paper's answer key, as the rep would give it. */
function rightAnswers(): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const q of paper.questions) {
    const source = questionsOf(quiz).find((x) => x.id === q.id)!;
    const byText = (text: string) => q.options!.find((o) => o.text === text)!.id;
    if (source.type === 'order') answers[q.id] = { order: source.items.map(byText) };
    else if (source.type === 'reply') answers[q.id] = { reply: source.example! };
    else if (source.type === 'multiple') answers[q.id] = { optionIds: source.options.filter((o) => o.correct).map((o) => byText(o.text)) };
    else answers[q.id] = { optionId: byText(source.options.find((o) => o.correct)!.text) };
  }
  return answers;
}

const single = questionsOf(quiz).find((q) => q.type === 'single') as ChoiceQuestion;
const trueFalse = questionsOf(quiz).find((q) => q.type === 'true-false') as ChoiceQuestion;
const region = (title: string) => screen.getByRole('region', { name: new RegExp(`: ${title} \\(`) });

function renderAttempt(routesOf: Record<string, FakeAnswer | FakeAnswer[]>) {
  const api = fakeApi({ 'GET /api/quizzes/team-certification': { status: 200, body: { quiz: { id: quiz.id, attempts: 2, mine: { remaining: 1 } } } }, ...routesOf });
  const router = createMemoryRouter(routes, { initialEntries: ['/attempts/at_1'] });
  render(<RouterProvider router={router} />);
  return Object.assign(api, { router });
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  useSession.setState({ status: 'signed-in', user: sam });
});
afterEach(() => {
  vi.useRealTimers();
});
const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

describe('taking a certification attempt', () => {
  it("counts down to the server's deadline by the server's clock, even when this browser's clock is wrong", async () => {
    // The server's clock is an hour behind this browser's; the attempt has 10 minutes left by it.
    const serverNow = Date.now() - 3_600_000;
    renderAttempt({ [`GET ${PATH}`]: { status: 200, body: { attempt: attempt({ serverTime: new Date(serverNow).toISOString(), deadline: new Date(serverNow + 600_000).toISOString() }) } } });
    const timer = await screen.findByRole('timer');
    expect(timer.textContent).toMatch(/^(10:00|9:59)$/);
  });

  it('saves the answers to the server shortly after they change, several changes in one request', async () => {
    const api = renderAttempt({ [`GET ${PATH}`]: { status: 200, body: { attempt: attempt() } }, [`PUT ${PATH}/answers`]: { status: 200, body: { answers: {}, answersSavedAt: new Date().toISOString() } } });
    const u = user();
    await u.click(await within(await waitFor(() => region(single.title))).findByRole('radio', { name: single.options[1]!.text }));
    await u.click(within(region(trueFalse.title)).getByRole('radio', { name: 'False' }));
    expect(api.callsTo(`PUT ${PATH}/answers`)).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    const puts = api.callsTo(`PUT ${PATH}/answers`);
    expect(puts).toHaveLength(1);
    const ids = (question: ChoiceQuestion, text: string) => paper.questions.find((q) => q.id === question.id)!.options!.find((o) => o.text === text)!.id;
    expect(puts[0]!.body).toEqual({ answers: { [single.id]: { optionId: ids(single, single.options[1]!.text) }, [trueFalse.id]: { optionId: ids(trueFalse, 'False') } } });
    expect(await screen.findByText(/^All answers saved/)).toBeTruthy();
  });

  it('keeps an answer the server could not take and sends it again later', async () => {
    const api = renderAttempt({
      [`GET ${PATH}`]: { status: 200, body: { attempt: attempt() } },
      [`PUT ${PATH}/answers`]: ['network-error', { status: 200, body: { answers: {}, answersSavedAt: new Date().toISOString() } }],
    });
    const u = user();
    await u.click(await within(await waitFor(() => region(trueFalse.title))).findByRole('radio', { name: 'True' }));
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not saved yet: The team server could not be reached.*your answers are kept here/);
    expect((within(region(trueFalse.title)).getByRole('radio', { name: 'True' }) as HTMLInputElement).checked).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(3500));
    expect(api.callsTo(`PUT ${PATH}/answers`)).toHaveLength(2);
    expect(await screen.findByText(/^All answers saved/)).toBeTruthy();
  });

  it('sends a change at once when the rep leaves the page before it was saved', async () => {
    const api = renderAttempt({
      [`GET ${PATH}`]: { status: 200, body: { attempt: attempt() } },
      [`PUT ${PATH}/answers`]: { status: 200, body: { answers: {}, answersSavedAt: new Date().toISOString() } },
      'GET /api/quizzes': { status: 200, body: { quizzes: [] } },
    });
    await user().click(await within(await waitFor(() => region(trueFalse.title))).findByRole('radio', { name: 'True' }));
    expect(api.callsTo(`PUT ${PATH}/answers`)).toHaveLength(0);
    await act(() => api.router.navigate('/quizzes'));
    // Well inside the debounce: the leaving page sent it, not the timer.
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(api.callsTo(`PUT ${PATH}/answers`)).toHaveLength(1);
  });

  it('asks before submitting while questions are unanswered', async () => {
    const api = renderAttempt({ [`GET ${PATH}`]: { status: 200, body: { attempt: attempt() } } });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Submit answers' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('5 questions are not answered and will earn nothing. Submit anyway?');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Submit anyway' }));
    await u.click(within(dialog).getByRole('button', { name: 'Keep answering' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.callsTo(`POST ${PATH}/submit`)).toHaveLength(0);
  });

  it('submits, then shows the score, feedback on each answer, and the reply’s rubric levels with their evidence', async () => {
    const answers = rightAnswers();
    const api = renderAttempt({
      [`GET ${PATH}`]: { status: 200, body: { attempt: attempt({ answers, answersSavedAt: new Date().toISOString() }) } },
      [`POST ${PATH}/submit`]: { status: 200, body: { attempt: submitted(answers) } },
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByRole('heading', { name: 'Certification result: Passed' })).toBeTruthy();
    expect(api.callsTo(`POST ${PATH}/submit`)[0]!.body).toEqual({ answers: {} });
    expect(screen.getByText(/^100% \(8 points of 8\); the pass mark is 80%\.$/)).toBeTruthy();
    expect(screen.getByText('Right: find out what the buyer values before you talk about money.')).toBeTruthy();
    const reply = screen.getByRole('region', { name: 'Active listening: level 3 of 4' });
    // The scorer's evidence (the reply's first ten characters) is highlighted in the reply.
    const mark = within(reply).getByText('So the lic');
    expect([mark.tagName, mark.className]).toEqual(['MARK', 'evidence-raise']);
    expect(await screen.findByText('1 of 2 attempts left.')).toBeTruthy();
  });

  it("when time runs out, shows the server's answer: the saved answers were submitted at the deadline", async () => {
    const answers = rightAnswers();
    renderAttempt({
      [`GET ${PATH}`]: [
        { status: 200, body: { attempt: attempt({ answers }, 0.02) } },
        { status: 200, body: { attempt: submitted(answers, { submittedBy: 'timeout' }) } },
      ],
    });
    await screen.findByRole('timer');
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect((await screen.findByRole('alert')).textContent).toBe('Time is up: the answers saved before the deadline were submitted at the deadline.');
    expect(screen.getByRole('heading', { name: 'Certification result: Passed' })).toBeTruthy();
    expect(screen.getByText(/^Submitted automatically when time ran out/)).toBeTruthy();
  });

  it('when time runs out on a quiz that refuses late submissions, shows that the attempt expired without a score', async () => {
    renderAttempt({
      [`GET ${PATH}`]: [
        { status: 200, body: { attempt: attempt({ onTimeout: 'reject' }, 0.02) } },
        { status: 200, body: { attempt: attempt({ onTimeout: 'reject', status: 'expired' }) } },
      ],
    });
    await screen.findByRole('timer');
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect((await screen.findByRole('alert')).textContent).toBe('Time is up: this quiz refuses late submissions, so the attempt expired without a score.');
    expect(screen.getByText(/this quiz refuses late submissions, so it has no score/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
  });

  it("a submission the server refuses as late shows the server's reason and the attempt as it stands", async () => {
    const answers = rightAnswers();
    renderAttempt({
      [`GET ${PATH}`]: { status: 200, body: { attempt: attempt({ answers }) } },
      [`POST ${PATH}/submit`]: apiError(409, 'conflict', 'time is up: this quiz refuses late submissions, so the attempt expired without a score', { attempt: attempt({ status: 'expired', onTimeout: 'reject' }) }),
    });
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Submit answers' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Time is up: this quiz refuses late submissions, so the attempt expired without a score.');
    expect(screen.getByRole('heading', { level: 1, name: `${quiz.title}: attempt 1` })).toBeTruthy();
  });
});
