import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { compileContent } from '../../core/content/content-set.ts';
import type { Scenario } from '../../core/scenario/scenario.ts';
import { readContentFiles, readProjectContent } from '../../node/content-files.ts';
import { parleyDataDir } from '../../node/data-dir.ts';
import { progressStore } from '../../node/progress-store.ts';
import { formatDiagnostic } from '../diagnostic-report.ts';
import { didYouMean, refuseWithoutTerminal } from '../interactive.ts';
import { scorerLoader } from '../scorer-loader.ts';
import type { Terminal } from '../terminal.ts';

export const PRACTICE_HELP = `Usage: parley practice [scenario] [options]

Plays a role-play scenario in the terminal: the buyer's lines appear in turn,
you pick a reply (arrow keys or its number, then Enter) or type one (Enter
sends); a typed reply is scored at once on the rubrics, the words that
earned points marked in green ([bracketed] without colour) and those that
held a level down in yellow ({braced}). At the end a debrief shows the
outcome, the score, every reply's levels and evidence, the trainer's example
and the lessons to revisit.

scenario is a scenario id (e.g. price-premium) or the path of a scenario
file; without one, a list to pick from.

Progress is saved after every turn, so "parley practice" picks up an
unfinished run (it asks: resume or start over). It lives in the data folder:
$PARLEY_DATA_DIR if set, else $XDG_DATA_HOME/parley or ~/.local/share/parley
(Linux), ~/Library/Application Support/parley (macOS), %LOCALAPPDATA%\\parley\\Data
(Windows). Finished runs are in progress.json there, a file the web app's
Progress page can import.

Keys: ↑↓ (or j/k) move, 1-9 pick, Enter confirms or sends, Esc saves and
quits, Ctrl+C quits (the last turn is already saved).

Options:
  --list              print the playable scenarios instead of playing
  --format text|json  with --list: json prints them as a JSON array
  -h, --help          show this help

Needs an interactive terminal: when input or output is not a TTY it says so
and exits 2 (use --list to see the scenarios).

Exit codes: 0 played (finished, or saved to resume), 1 the scenario has
errors (see "parley lint"), 2 bad usage (unknown scenario, bad option, no
interactive terminal).`;

/** `parley practice [scenario]`. Returns the exit code. */
export async function practice(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { list: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    terminal.out(PRACTICE_HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') return usage(terminal, `unknown format "${values.format}" (use text or json)`);
  if (positionals.length > 1) return usage(terminal, `give one scenario, not ${positionals.length} (see parley practice --help)`);

  const project = await readProjectContent(root);
  const library = compileContent(project);
  if (values.list) {
    printScenarios(library.scenarios, values.format, terminal);
    return 0;
  }

  let initial: Scenario | undefined;
  if (positionals[0] !== undefined) {
    const found = await findScenario(positionals[0], library.scenarios, project, root);
    if (found.kind === 'unknown') return usage(terminal, `no scenario "${positionals[0]}"${didYouMean(positionals[0], library.scenarios.map((s) => s.id))}; run "parley practice --list" to see them`);
    if (found.kind === 'broken') {
      for (const line of found.errors) terminal.err(formatDiagnostic(line, terminal.color));
      terminal.err(`parley practice: ${found.file} has errors, so it cannot be played; fix them (see "parley lint ${found.file}")`);
      return 1;
    }
    initial = found.scenario;
  }
  if (!terminal.interactive) return refuseWithoutTerminal('practice', 'Run it in a terminal; "parley practice --list" prints the scenarios.', terminal);
  if (!initial && library.scenarios.length === 0) {
    terminal.err('parley practice: there are no playable scenarios in scenarios/ (see "parley lint" for problems, or "parley new scenario")');
    return 1;
  }

  const rubrics = library.rubrics;
  const [{ createElement }, { showScreen }, { PracticeApp }] = await Promise.all([import('react'), import('../ui/screen.tsx'), import('../ui/practice-app.tsx')]);
  let closing: string | undefined;
  await showScreen(
    createElement(PracticeApp, {
      scenarios: library.scenarios,
      initial,
      lessons: library.lessons,
      rubrics,
      store: progressStore(parleyDataDir()),
      loadScorer: scorerLoader(rubrics),
      newSeed: () => randomInt(2 ** 31),
      onExit: (message) => (closing = message),
    }),
    terminal.color,
  );
  if (closing) terminal.out(closing);
  return 0;
}

type Found = { kind: 'found'; scenario: Scenario } | { kind: 'broken'; file: string; errors: ReturnType<typeof compileContent>['diagnostics'] } | { kind: 'unknown' };

/** A scenario by id, or by the path of its file (checked against the project's library). */
async function findScenario(arg: string, scenarios: readonly Scenario[], project: Parameters<typeof compileContent>[0], root: string): Promise<Found> {
  const byId = scenarios.find((s) => s.id === arg);
  if (byId) return { kind: 'found', scenario: byId };
  const { files } = arg.endsWith('.md') ? await readContentFiles([arg], root) : { files: [] };
  const file = files[0] ?? project.find((f) => f.path === `scenarios/${arg}.md`);
  if (!file) return { kind: 'unknown' };
  const compiled = compileContent([file], { context: project });
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error' && d.file === file.path);
  const scenario = compiled.scenarios.find((s) => s.file === file.path);
  if (scenario && errors.length === 0) return { kind: 'found', scenario };
  return { kind: 'broken', file: file.path, errors };
}

function printScenarios(scenarios: readonly Scenario[], format: string, terminal: Terminal) {
  if (format === 'json') {
    terminal.out(JSON.stringify(scenarios.map((s) => ({ id: s.id, title: s.title, summary: s.summary, difficulty: s.difficulty, minutes: s.minutes, skills: s.skills, file: s.file })), null, 2));
    return;
  }
  const width = Math.max(0, ...scenarios.map((s) => s.id.length));
  for (const s of scenarios) terminal.out(`${terminal.color.bold(s.id.padEnd(width))}  ${s.title} ${terminal.color.dim(`(${s.difficulty}, ${s.minutes} min)`)}`);
}

function usage(terminal: Terminal, message: string): number {
  terminal.err(`parley practice: ${message}`);
  return 2;
}
