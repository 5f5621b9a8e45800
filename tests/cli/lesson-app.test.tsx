// @vitest-environment node
import pc from 'picocolors';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/content/lesson.ts';
import { formatLesson } from '../../src/cli/lesson-text.ts';
import { LessonApp } from '../../src/cli/ui/lesson-app.tsx';
import { readProjectLibrary } from '../../src/node/content-files.ts';
import { KEYS, press, waitForFrame } from './ink-driver.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const plain = pc.createColors(false);
const renderLesson = (lesson: Lesson, width: number) => formatLesson(lesson, width, plain);
/** A screen 12 rows high: 10 lines of the lesson and the status line. */
const SIZE = { rows: 12, columns: 80 };

let lessons: Lesson[];
let spin: Lesson;
beforeAll(async () => {
  lessons = (await readProjectLibrary(ROOT)).lessons;
  spin = lessons.find((l) => l.id === 'spin-selling')!;
});

afterEach(cleanup);

describe('parley lesson', { timeout: 30_000 }, () => {
  it('shows the first page of the lesson laid out for reading, with where you are', async () => {
    const screen = render(<LessonApp lessons={lessons} initial={spin} renderLesson={renderLesson} fallbackSize={SIZE} />);
    const frame = await waitForFrame(screen, 'SPIN selling: lines 1-10 of');
    expect(frame).toContain('SPIN · Intermediate · 7 min · Discovery, Value framing');
    expect(frame).toContain('# SPIN selling');
    expect(frame).not.toContain('## Problem questions');
  });

  it('space shows the next page and b goes back', async () => {
    const screen = render(<LessonApp lessons={lessons} initial={spin} renderLesson={renderLesson} fallbackSize={SIZE} />);
    await waitForFrame(screen, 'lines 1-10 of');
    await press(screen, KEYS.space);
    const next = await waitForFrame(screen, 'lines 11-20 of');
    expect(next).not.toContain('# SPIN selling');
    await press(screen, 'b');
    expect(await waitForFrame(screen, 'lines 1-10 of')).toContain('# SPIN selling');
  });

  it('the arrow keys scroll a line, and G goes to the end', async () => {
    const screen = render(<LessonApp lessons={lessons} initial={spin} renderLesson={renderLesson} fallbackSize={SIZE} />);
    await waitForFrame(screen, 'lines 1-10 of');
    await press(screen, KEYS.down);
    await waitForFrame(screen, 'lines 2-11 of');
    await press(screen, 'G');
    const end = await waitForFrame(screen, 'END');
    expect(end).toMatch(/lines \d+-(\d+) of \1 \(100%\) END/);
  });

  it('scrolls once for every key, even when keys arrive together', async () => {
    const screen = render(<LessonApp lessons={lessons} initial={spin} renderLesson={renderLesson} fallbackSize={SIZE} />);
    await waitForFrame(screen, 'lines 1-10 of');
    await press(screen, KEYS.down.repeat(3));
    await waitForFrame(screen, 'lines 4-13 of');
  });

  it('renders lists, and links to other lessons as the command that opens them', async () => {
    const lines = formatLesson(spin, 80, plain);
    expect(lines).toContain('  * "How many beds does the ward run at full capacity?"');
    expect(lines.some((l) => /\(parley lesson [a-z-]+\)/.test(l))).toBe(true);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });

  it('without an id, lists the lessons; q in a lesson goes back to the list', async () => {
    const screen = render(<LessonApp lessons={lessons} renderLesson={renderLesson} fallbackSize={SIZE} />);
    await waitForFrame(screen, 'Lessons');
    const index = lessons.findIndex((l) => l.id === 'active-listening');
    await press(screen, String(index + 1));
    await waitForFrame(screen, 'Active listening: lines 1-10');
    await press(screen, 'q');
    expect(await waitForFrame(screen, 'Enter to read')).toContain('Active listening');
  });
});
