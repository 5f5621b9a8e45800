import { parseArgs } from 'node:util';
import { compileContent } from '../../core/content/content-set.ts';
import { sortDiagnostics, type Diagnostic } from '../../core/content/diagnostic.ts';
import { CONTENT_ROOTS, readContentFiles, readProjectContent } from '../../node/content-files.ts';
import { formatDiagnostic, formatSummary } from '../diagnostic-report.ts';
import type { Terminal } from '../terminal.ts';

export const LINT_HELP = `Usage: parley lint [paths...] [--format text|json]

Checks lessons, rubrics, quizzes and scenarios and reports every problem as
file:line:col: severity CODE message (hint). With no paths, checks content/
and scenarios/. Files given as paths are checked against the project's own
library, so links to existing lessons resolve.

Options:
  --format text|json  json prints the diagnostics as a JSON array
  -h, --help          show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.`;

/** `parley lint`: the content linter. Returns the exit code. */
export async function lint(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    terminal.out(LINT_HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    terminal.err(`parley lint: unknown format "${values.format}" (use text or json)`);
    return 2;
  }
  const targets = positionals.length > 0 ? positionals : [...CONTENT_ROOTS];
  const { files, missing } = await readContentFiles(targets, root);
  const context = positionals.length > 0 ? await readProjectContent(root) : [];
  const result = compileContent(files, { context });
  const unreadable: Diagnostic[] = missing.map((file) => ({
    file,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'PARLEY006',
    message: 'no such file or folder, or it cannot be read',
    hint: 'check the path; paths are relative to the current folder',
  }));
  // With no paths, a missing default folder (e.g. no scenarios yet) is not an error.
  const diagnostics = sortDiagnostics([...result.diagnostics, ...(positionals.length > 0 ? unreadable : [])]);

  if (values.format === 'json') {
    terminal.out(JSON.stringify(diagnostics, null, 2));
  } else {
    for (const d of diagnostics) terminal.out(formatDiagnostic(d, terminal.color));
    terminal.out(formatSummary(diagnostics, files.length, terminal.color));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
