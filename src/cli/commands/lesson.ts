import { parseArgs } from 'node:util';
import type { Lesson } from '../../core/content/lesson.ts';
import { readProjectLibrary } from '../../node/content-files.ts';
import { didYouMean, refuseWithoutTerminal } from '../interactive.ts';
import type { Terminal } from '../terminal.ts';

export const LESSON_HELP = `Usage: parley lesson [id] [options]

Shows a lesson from content/lessons/ in the terminal, laid out for reading:
headings, lists, emphasis and quotes, and links to other lessons as the
command that opens them. In a terminal it opens in a pager; piped or
redirected, the whole lesson is printed. Without an id, a list to pick from.

Pager keys: space, f or Page Down next page; b or Page Up previous page;
↓ j Enter and ↑ k a line; d/u half a page; g/G top and bottom; q back to the
list (or quit), Esc quit.

Options:
  --list              print the lessons (id, title) instead of one lesson
  --no-pager          print the whole lesson even in a terminal
  --format text|json  json prints the lesson (or, with --list, the lessons) as data
  -h, --help          show this help

Exit codes: 0 shown, 1 the lessons could not be read, 2 bad usage (unknown
lesson or option, or no id and no interactive terminal to pick one in).`;

/** `parley lesson [id]`. Returns the exit code. */
export async function lesson(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      'no-pager': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    terminal.out(LESSON_HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') return usage(terminal, `unknown format "${values.format}" (use text or json)`);
  if (positionals.length > 1) return usage(terminal, `give one lesson id, not ${positionals.length}`);
  const { lessons } = await readProjectLibrary(root);
  if (lessons.length === 0) {
    terminal.err('parley lesson: no lessons could be read from content/lessons/ (see "parley lint")');
    return 1;
  }

  if (values.list) {
    if (values.format === 'json') terminal.out(JSON.stringify(lessons.map(({ id, title, methodology, level, minutes, skills }) => ({ id, title, methodology, level, minutes, skills })), null, 2));
    else {
      const width = Math.max(...lessons.map((l) => l.id.length));
      for (const l of lessons) terminal.out(`${terminal.color.bold(l.id.padEnd(width))}  ${l.title} ${terminal.color.dim(`(${l.minutes} min)`)}`);
    }
    return 0;
  }

  const id = positionals[0];
  const chosen = id === undefined ? undefined : lessons.find((l) => l.id === id);
  if (id !== undefined && !chosen) return usage(terminal, `no lesson "${id}"${didYouMean(id, lessons.map((l) => l.id))}; run "parley lesson --list" to see them`);

  if (chosen && (values.format === 'json' || values['no-pager'] || !terminal.interactive)) {
    if (values.format === 'json') {
      const { id: lessonId, title, methodology, level, minutes, skills, related, body } = chosen;
      terminal.out(JSON.stringify({ id: lessonId, title, methodology, level, minutes, skills, related, body }, null, 2));
      return 0;
    }
    const { formatLesson } = await import('../lesson-text.ts');
    terminal.out(formatLesson(chosen, Math.min(process.stdout.columns || 80, 100), terminal.color).join('\n'));
    return 0;
  }
  if (!terminal.interactive) return refuseWithoutTerminal('lesson', 'Name the lesson to print it, e.g. "parley lesson spin-selling"; "parley lesson --list" lists them.', terminal);

  const [{ createElement }, { showScreen }, { LessonApp }, { formatLesson }] = await Promise.all([
    import('react'),
    import('../ui/screen.tsx'),
    import('../ui/lesson-app.tsx'),
    import('../lesson-text.ts'),
  ]);
  const renderLesson = (l: Lesson, width: number) => formatLesson(l, width, terminal.color);
  await showScreen(createElement(LessonApp, { lessons, initial: chosen, renderLesson }), terminal.color);
  return 0;
}

function usage(terminal: Terminal, message: string): number {
  terminal.err(`parley lesson: ${message}`);
  return 2;
}
