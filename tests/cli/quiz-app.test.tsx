// @vitest-environment node
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/content/rubric.ts';
import { assemblePaper } from '../../src/core/quiz/paper.ts';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import type { Quiz } from '../../src/core/quiz/quiz.ts';
import { scorerLoader } from '../../src/cli/scorer-loader.ts';
import { renderTerminalMarkdown } from '../../src/cli/terminal-markdown.ts';
import { QuizApp } from '../../src/cli/ui/quiz-app.tsx';
import { readProjectLibrary } from '../../src/node/content-files.ts';
import { KEYS, press, waitForFrame } from './ink-driver.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const FILE = 'tests/fixtures/cli/quizzes/all-types.md';
const quiz = compileQuiz(readFileSync(`${ROOT}/${FILE}`, 'utf8'), FILE).value as Quiz;
const plain = pc.createColors(false);

let rubrics: Rubric[];
let loadScorer: ReturnType<typeof scorerLoader>;
/** The test's clock: the countdown reads it, the test moves it. */
let clock: number;
let exits: (string | undefined)[];

beforeAll(async () => {
  rubrics = (await readProjectLibrary(ROOT)).rubrics;
  loadScorer = scorerLoader(rubrics);
  await loadScorer();
});

afterEach(cleanup);

function takeQuiz() {
  clock = Date.parse('2026-03-02T10:00:00Z');
  exits = [];
  return render(
    <QuizApp
      quiz={quiz}
      drawPaper={() => assemblePaper(quiz, 'practice', 5)}
      rubrics={rubrics}
      loadScorer={loadScorer}
      renderMarkdown={(markdown, width) => renderTerminalMarkdown(markdown, { width, color: plain })}
      now={() => clock}
      tickMs={20}
      onExit={(message) => exits.push(message)}
    />,
  );
}

/** Opens the quiz, starts the clock and waits for the first question. */
async function startClock() {
  const screen = takeQuiz();
  await waitForFrame(screen, 'Enter to start the clock');
  await press(screen, KEYS.enter);
  await waitForFrame(screen, 'First move');
  return screen;
}

/** Starts the clock and answers every question right, in the paper's order (the fixture does not shuffle). */
async function answerAllRight() {
  const screen = await startClock();
  await press(screen, '2');
  await waitForFrame(screen, 'Signs it is real');
  await press(screen, '1', '2', KEYS.enter);
  await waitForFrame(screen, 'Filling the silence');
  await press(screen, '2');
  await waitForFrame(screen, 'Put the steps in order');
  return screen;
}

// Each test plays a whole paper key by key; on a busy two-core machine that can take a while.
describe('parley quiz', { timeout: 30_000 }, () => {
  it('introduces the practice paper: questions, points, time limit and pass mark', async () => {
    const screen = takeQuiz();
    const frame = await waitForFrame(screen, 'Enter to start the clock');
    expect(frame).toContain('Every kind of question (practice)');
    expect(frame).toContain('5 questions · 6 points · 5 min · pass mark 60%');
    expect(frame).not.toContain('Only on the server');
  });

  it('shows the countdown once the clock starts, and it runs down', async () => {
    const screen = takeQuiz();
    await waitForFrame(screen, 'Enter to start the clock');
    await press(screen, KEYS.enter);
    expect(await waitForFrame(screen, 'question 1 of 5')).toContain('⏱ 5:00 left');
    clock += 65_000;
    expect(await waitForFrame(screen, '⏱ 3:55 left')).toContain('First move');
  });

  it('takes an answer of every kind and grades the paper with the core grader', async () => {
    const screen = await answerAllRight();
    // The items start out of order (2. Explore is not first); carry "Acknowledge" to the top.
    const order = screen.lastFrame()!;
    const rows = ['Acknowledge', 'Explore', 'Answer'].map((item) => order.indexOf(`. ${item}`));
    expect(rows).not.toEqual([...rows].sort((a, b) => a - b));
    await arrangeInOrder(screen);
    await waitForFrame(screen, 'Buyer: You\'re 20% more expensive');
    await press(screen, "So the other quote looks cheaper, and you have to justify 20% more. What does their quote include?", KEYS.enter);
    await waitForFrame(screen, 'review: 5 of 5 answered');
    await press(screen, KEYS.enter);
    const frame = await waitForFrame(screen, 'Result: Every kind of question');
    expect(frame).toMatch(/Passed: [\d.]+ of 6 points, [\d.]+% \(pass mark 60%\)/);
    expect(frame).toContain('✓ 1. First move (1 of 1 point)');
    expect(frame).toContain('✓ 2. Signs it is real (2 of 2 points)');
    expect(frame).toContain('✓ 4. In order (1 of 1 point)');
    expect(frame).toMatch(/5\. Your reply .*\n\s+Your reply: \[So the other quote looks cheaper/);
    expect(frame).toMatch(/To pass: [✓✗] Active listening 2\+/);
    expect(frame).toContain('parley lesson objection-handling');
  });

  it('shows the right answer and the feedback for a wrong one', async () => {
    const screen = await startClock();
    await press(screen, '1');
    await waitForFrame(screen, 'Signs it is real');
    await press(screen, KEYS.escape);
    await waitForFrame(screen, 'review: 1 of 5 answered');
    await press(screen, KEYS.enter);
    const frame = await waitForFrame(screen, 'Result:');
    expect(frame).toMatch(/Not passed yet: 0 of 6 points, 0% \(pass mark 60%\)/);
    expect(frame).toMatch(/✗ 1\. First move \(0 of 1 point\)\n\s+Your answer: Offer a discount\n\s+Right answer: Ask what they compare it with/);
    expect(frame).toMatch(/✗ 2\. Signs it is real \(0 of 2 points\)\n\s+Not answered/);
  });

  it('lets an answer be changed from the review before submitting', async () => {
    const screen = await startClock();
    await press(screen, '1', KEYS.escape);
    await waitForFrame(screen, 'review: 1 of 5 answered');
    await press(screen, '1');
    await waitForFrame(screen, 'A buyer says the price is too high');
    await press(screen, '2', KEYS.escape);
    await waitForFrame(screen, 'review:');
    await press(screen, KEYS.enter);
    expect(await waitForFrame(screen, 'Result:')).toContain('✓ 1. First move (1 of 1 point)');
  });

  it('applies keys that arrive together in order (move, then tick)', async () => {
    const screen = await startClock();
    await press(screen, '2');
    await waitForFrame(screen, 'Signs it is real');
    await press(screen, KEYS.down + KEYS.space);
    const frame = await waitForFrame(screen, '[x] 2. A question about next steps');
    expect(frame).toContain('[ ] 1. A specific number');
  });

  it('submits what was answered when the time runs out', async () => {
    const screen = await startClock();
    await press(screen, '2');
    await waitForFrame(screen, 'Signs it is real');
    clock += 5 * 60_000;
    const frame = await waitForFrame(screen, 'Result:');
    expect(frame).toContain('Time is up: what you had answered was submitted.');
    expect(frame).toContain('✓ 1. First move (1 of 1 point)');
  });

  it('quits from the review without grading, when asked', async () => {
    const screen = await startClock();
    await press(screen, KEYS.escape);
    await waitForFrame(screen, 'review:');
    await press(screen, KEYS.down, KEYS.enter);
    expect(exits).toEqual([undefined]);
    expect(screen.lastFrame()).not.toContain('Result:');
  });
});

/** On the order question: moves the cursor to each item in turn and carries it to its place (Space picks up and puts down). */
async function arrangeInOrder(screen: ReturnType<typeof takeQuiz>) {
  for (const [place, item] of ['Acknowledge', 'Explore', 'Answer'].entries()) {
    const lines = screen.lastFrame()!.split('\n').filter((l) => /\d\. (Acknowledge|Explore|Answer)$/.test(l));
    const at = lines.findIndex((l) => l.includes(`. ${item}`));
    const cursor = lines.findIndex((l) => /[❯↕]/.test(l));
    for (let i = cursor; i < at; i++) await press(screen, KEYS.down);
    for (let i = cursor; i > at; i--) await press(screen, KEYS.up);
    await press(screen, KEYS.space);
    for (let i = at; i > place; i--) await press(screen, KEYS.up);
    await press(screen, KEYS.space);
  }
  await press(screen, KEYS.enter);
}
