import type { Lesson } from '../core/content/lesson.ts';
import { LABELS } from '../core/content/vocabulary.ts';
import { renderTerminalMarkdown } from './terminal-markdown.ts';
import type { Terminal } from './terminal.ts';

/** A lesson as terminal lines for a width: what it covers and how long it takes, then its text. */
export function formatLesson(lesson: Lesson, width: number, color: Terminal['color']): string[] {
  const about = `${LABELS[lesson.methodology]} · ${LABELS[lesson.level]} · ${lesson.minutes} min · ${lesson.skills.map((s) => LABELS[s]).join(', ')}`;
  return [color.dim(about), '', ...renderTerminalMarkdown(lesson.body, { width, color }).split('\n')];
}
