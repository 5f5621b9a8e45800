import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { compileContent, type SourceFile } from '../../core/content/content-set.ts';
import type { Diagnostic } from '../../core/content/diagnostic.ts';
import { poolsFor, type Quiz } from '../../core/quiz/quiz.ts';
import { readContentFiles, readProjectContent } from '../../node/content-files.ts';
import { formatDiagnostic } from '../diagnostic-report.ts';
import { didYouMean, refuseWithoutTerminal } from '../interactive.ts';
import { scorerLoader } from '../scorer-loader.ts';
import type { Terminal } from '../terminal.ts';

export const QUIZ_HELP = `Usage: parley quiz [id] [options]

Takes a quiz in practice mode in the terminal: a paper drawn from the quiz's
practice pools, one question at a time, with the time limit counting down at
the top. Choose with the arrow keys or a number; tick options with Space;
put items in order by picking one up with Space and moving it; type written
replies (scored on the rubrics). Esc opens the review, where you change an
answer or submit. At the limit, what you answered is submitted. The result
shows your score against the pass mark and, for every question, your
answer, the right one and the feedback. Certification attempts are taken on
the team server, not here.

id is a quiz id (a file in content/quizzes/) or the path of a quiz file;
without one, a list to pick from.

Options:
  --list              print the quizzes instead of taking one
  --format text|json  with --list: json prints them as a JSON array
  --seed N            draw the paper with this seed (the same seed, the same paper)
  -h, --help          show this help

Needs an interactive terminal: when input or output is not a TTY it says so
and exits 2 (use --list to see the quizzes).

Exit codes: 0 taken (or quit), 1 the quiz has errors or no practice
questions, 2 bad usage (unknown quiz, bad option, no interactive terminal).`;

/** `parley quiz [id]`. Returns the exit code. */
export async function quiz(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    terminal.out(QUIZ_HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') return usage(terminal, `unknown format "${values.format}" (use text or json)`);
  if (positionals.length > 1) return usage(terminal, `give one quiz, not ${positionals.length}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) return usage(terminal, `--seed must be a whole number, got "${values.seed}"`);

  const project = await readProjectContent(root);
  const library = compileContent(project);
  const practicable = library.quizzes.filter((q) => poolsFor(q, 'practice').length > 0);
  if (values.list) {
    if (values.format === 'json') {
      terminal.out(JSON.stringify(library.quizzes.map((q) => ({ id: q.id, title: q.title, summary: q.summary, timeLimitMinutes: q.timeLimitMinutes, passMark: q.passMark, practice: poolsFor(q, 'practice').length > 0, file: q.file })), null, 2));
    } else if (library.quizzes.length === 0) terminal.out('No quizzes yet: add them to content/quizzes/ (see docs/authoring.md).');
    else {
      const width = Math.max(...library.quizzes.map((q) => q.id.length));
      for (const q of library.quizzes) terminal.out(`${terminal.color.bold(q.id.padEnd(width))}  ${q.title} ${terminal.color.dim(`(${q.timeLimitMinutes} min${poolsFor(q, 'practice').length ? '' : ', no practice questions'})`)}`);
    }
    return 0;
  }

  let chosen: Quiz | undefined;
  if (positionals[0] !== undefined) {
    const found = await findQuiz(positionals[0], library.quizzes, project, root);
    if (found.kind === 'unknown') return usage(terminal, `no quiz "${positionals[0]}"${didYouMean(positionals[0], library.quizzes.map((q) => q.id))}; run "parley quiz --list" to see them`);
    if (found.kind === 'broken') {
      for (const d of found.errors) terminal.err(formatDiagnostic(d, terminal.color));
      terminal.err(`parley quiz: ${found.file} has errors, so it cannot be taken; fix them (see "parley lint ${found.file}")`);
      return 1;
    }
    chosen = found.quiz;
    if (poolsFor(chosen, 'practice').length === 0) {
      terminal.err(`parley quiz: "${chosen.id}" has no practice pool, so it can only be taken as a certification on the team server (a pool marked "practice: true" adds practice questions)`);
      return 1;
    }
  }
  if (!terminal.interactive) return refuseWithoutTerminal('quiz', 'Run it in a terminal; "parley quiz --list" prints the quizzes.', terminal);
  if (!chosen && practicable.length === 0) {
    terminal.err('parley quiz: there are no quizzes with practice questions in content/quizzes/ (see "parley lint", or docs/authoring.md to write one)');
    return 1;
  }

  const [{ createElement }, { showScreen }, { QuizPicker }, { QuizApp }, { renderTerminalMarkdown }, { assemblePaper }] = await Promise.all([
    import('react'),
    import('../ui/screen.tsx'),
    import('../ui/quiz-picker.tsx'),
    import('../ui/quiz-app.tsx'),
    import('../terminal-markdown.ts'),
    import('../../core/quiz/paper.ts'),
  ]);
  if (!chosen) {
    let picked: Quiz | undefined;
    await showScreen(createElement(QuizPicker, { quizzes: practicable, onPick: (q: Quiz | undefined) => (picked = q) }), terminal.color);
    if (!picked) return 0;
    chosen = picked;
  }
  const taking = chosen;
  let closing: string | undefined;
  let draws = 0;
  await showScreen(
    createElement(QuizApp, {
      quiz: taking,
      // A given seed draws that paper first; each further paper draws afresh.
      drawPaper: () => assemblePaper(taking, 'practice', seed !== undefined && draws++ === 0 ? seed : randomInt(2 ** 31)),
      rubrics: library.rubrics,
      loadScorer: scorerLoader(library.rubrics),
      renderMarkdown: (markdown: string, width: number) => renderTerminalMarkdown(markdown, { width, color: terminal.color }),
      onExit: (message?: string) => (closing = message),
    }),
    terminal.color,
  );
  if (closing) terminal.out(closing);
  return 0;
}

type Found = { kind: 'found'; quiz: Quiz } | { kind: 'broken'; file: string; errors: Diagnostic[] } | { kind: 'unknown' };

/** A quiz by id, or by the path of its file (checked against the project's library). */
async function findQuiz(arg: string, quizzes: readonly Quiz[], project: readonly SourceFile[], root: string): Promise<Found> {
  const byId = quizzes.find((q) => q.id === arg);
  if (byId) return { kind: 'found', quiz: byId };
  const { files } = arg.endsWith('.md') ? await readContentFiles([arg], root) : { files: [] };
  const file = files[0] ?? project.find((f) => f.path === `content/quizzes/${arg}.md`);
  if (!file) return { kind: 'unknown' };
  const compiled = compileContent([file], { context: project });
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error' && d.file === file.path);
  const found = compiled.quizzes.find((q) => q.file === file.path);
  if (found && errors.length === 0) return { kind: 'found', quiz: found };
  return { kind: 'broken', file: file.path, errors };
}

function usage(terminal: Terminal, message: string): number {
  terminal.err(`parley quiz: ${message}`);
  return 2;
}
