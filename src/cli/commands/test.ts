import { parseArgs } from 'node:util';
import { compileContent, contentKindOf } from '../../core/content/content-set.ts';
import { testQuiz, type QuizTestReport } from '../../core/explore/quiz-test.ts';
import { testScenario, type ScenarioTestReport } from '../../core/explore/scenario-test.ts';
import { createRubricScorer } from '../../core/scoring/score-reply.ts';
import type { PathStep } from '../../core/explore/exhaustive-walk.ts';
import { readContentFiles, readProjectContent, readProjectRubrics } from '../../node/content-files.ts';
import { formatDiagnostic } from '../diagnostic-report.ts';
import type { Terminal } from '../terminal.ts';

export const TEST_HELP = `Usage: parley test [paths...] [--runs N] [--seed S] [--format text|json]

Plays every scenario and checks every quiz (all of scenarios/ and
content/quizzes/, or the given files and folders):
  - an exhaustive walk that tries every choice and every score band of every
    ask, and reports node coverage, a path to each ending and stuck states;
  - seeded random walks with hit counts per node and path lengths;
  - each example reply scored and compared with the levels its author wrote;
  - each quiz reply question's **Example:** scored, with a warning when it
    would not meet the question's own thresholds.

Options:
  --runs N            random walks per scenario (default 200)
  --seed S            seed for the random walks (default 1)
  --format text|json  json prints one report per scenario and per quiz
  -h, --help          show this help

Exit codes: 0 all pass (warnings allowed), 1 a scenario or quiz has errors,
or a scenario has a stuck state, an unreachable node or an unreachable
ending, 2 bad usage.`;

/** The folders tested when no paths are given. */
const DEFAULT_PATHS = ['scenarios', 'content/quizzes'];

/** `parley test`: the scenario and quiz tester. Returns the exit code. */
export async function test(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    terminal.out(TEST_HELP);
    return 0;
  }
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 0 || runs > 100_000) return usage(terminal, `--runs must be a whole number from 0 to 100000, got "${values.runs}"`);
  if (!Number.isInteger(seed)) return usage(terminal, `--seed must be a whole number, got "${values.seed}"`);
  if (values.format !== 'text' && values.format !== 'json') return usage(terminal, `unknown format "${values.format}" (use text or json)`);

  const read = await readContentFiles(positionals.length ? positionals : DEFAULT_PATHS, root);
  const { files } = read;
  // With no paths, a missing default folder (e.g. no quizzes yet) is not an error.
  const missing = positionals.length ? read.missing : [];
  const quizFiles = files.filter((f) => contentKindOf(f.path) === 'quiz');
  const scenarioFiles = files.filter((f) => contentKindOf(f.path) !== 'quiz' && (/(^|\/)scenarios\//.test(f.path) || positionals.includes(f.path)));
  const project = await readProjectContent(root);
  const content = compileContent([...scenarioFiles, ...quizFiles], { context: project });
  // Example replies are scored by the same scorer the learner meets, coached from the project's rubric files.
  const scorer = createRubricScorer({ coaching: await readProjectRubrics(root) });
  const errors = content.diagnostics.filter((d) => d.severity === 'error');
  const requested = new Set([...scenarioFiles, ...quizFiles].map((f) => f.path));
  const reports: ScenarioTestReport[] = content.scenarios.filter((s) => requested.has(s.file)).map((s) => testScenario(s, { runs, seed, scorer }));
  const quizzes: QuizTestReport[] = content.quizzes.filter((q) => requested.has(q.file)).map((q) => testQuiz(q, scorer));

  if (values.format === 'json') {
    terminal.out(JSON.stringify({ reports, quizzes, diagnostics: content.diagnostics, missing }, null, 2));
  } else {
    const c = terminal.color;
    for (const path of missing) terminal.out(`${c.bold(`${path}:1:1`)}: ${c.red('error')} no such file or folder`);
    for (const d of errors) terminal.out(formatDiagnostic(d, c));
    for (const report of reports) printReport(report, terminal);
    for (const report of quizzes) printQuizReport(report, terminal);
    const failed = reports.filter((r) => r.failures.length > 0).length;
    const broken = new Set(errors.map((d) => d.file)).size;
    const warned = quizzes.reduce((n, q) => n + q.diagnostics.length, 0);
    const quizPart = quizzes.length ? `, ${plural(quizzes.length, 'quiz', 'quizzes')} checked${warned ? ` (${plural(warned, 'example reply', 'example replies')} would not pass)` : ''}` : '';
    const summary = `${plural(reports.length, 'scenario')} tested, ${failed} failed${quizPart}${broken ? `, ${broken} file${broken === 1 ? '' : 's'} with errors (above)` : ''}`;
    terminal.out(failed || broken || missing.length ? c.red(`✗ ${summary}`) : c.green(`✓ ${summary}`));
  }
  return errors.length || missing.length || reports.some((r) => r.failures.length) ? 1 : 0;
}

function usage(terminal: Terminal, message: string): number {
  terminal.err(`parley test: ${message}`);
  return 2;
}

function printReport(report: ScenarioTestReport, terminal: Terminal) {
  const c = terminal.color;
  const { exhaustive: ex, random } = report;
  const pct = Math.round(ex.coverage * 100);
  terminal.out(`${c.bold(report.file)}`);
  terminal.out(`  coverage ${ex.covered.length}/${ex.nodes} nodes (${pct}%) over ${ex.statesExplored} states`);
  for (const ending of ex.endings) {
    terminal.out(`  ${ending.kind === 'won' ? c.green('●') : ending.kind === 'lost' ? c.red('●') : c.yellow('●')} ${ending.outcome} at "${ending.node}" in ${plural(ending.path.length, 'move')}: ${describePath(ending.path)}`);
  }
  const outcomes = Object.entries(random.outcomes).map(([o, n]) => `${o} ${n}`).join(', ');
  const len = random.pathLength;
  terminal.out(
    `  ${random.runs} random runs (seed ${random.seed}): ${outcomes || 'no endings'}${random.stuck ? `, stuck ${random.stuck}` : ''}${random.endless ? `, endless ${random.endless}` : ''}; moves min ${len.min}, median ${len.median}, mean ${len.mean}, max ${len.max}`,
  );
  const cold = Object.entries(random.nodeHits).filter(([, n]) => n === 0).map(([id]) => id);
  if (cold.length && !ex.uncovered.length) terminal.out(c.dim(`  random runs never visited: ${cold.join(', ')}`));
  if (report.examples) {
    const { checked, disagreements } = report.examples;
    terminal.out(`  ${checked} example replies checked, ${disagreements.length} disagreement${disagreements.length === 1 ? '' : 's'}`);
    for (const d of disagreements) {
      terminal.out(c.yellow(`    ${report.file}:${d.at.line}:${d.at.column}: ${d.rubric} written ${d.expected}, scored ${d.scored}: "${truncate(d.text, 60)}"`));
    }
  }
  for (const failure of report.failures) terminal.out(`  ${c.red('✗')} ${failure}`);
  for (const s of ex.stuck) terminal.out(c.dim(`    path: ${describePath(s.path)}`));
}

function printQuizReport(report: QuizTestReport, terminal: Terminal) {
  const c = terminal.color;
  terminal.out(c.bold(report.file));
  const failing = report.diagnostics.length;
  terminal.out(`  ${plural(report.checked, 'example reply', 'example replies')} checked${report.checked ? `, ${failing ? `${failing} would not pass` : 'all would pass'}` : ''}`);
  for (const d of report.diagnostics) terminal.out(`  ${formatDiagnostic(d, c)}`);
  if (report.withoutExample.length) {
    terminal.out(c.dim(`  no **Example:** to check in ${report.withoutExample.join(', ')}`));
  }
}

function describePath(path: PathStep[]): string {
  if (path.length === 0) return '(at the start)';
  return path.map((p) => (p.input.type === 'choose' ? `"${truncate(p.label, 40)}"` : `[${p.label}]`)).join(' → ');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
