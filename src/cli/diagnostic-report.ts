import type { Diagnostic } from '../core/content/diagnostic.ts';
import type { Terminal } from './terminal.ts';

/** One diagnostic as a compiler-style line: `file:line:col: error PARLEY012 message (hint)`. */
export function formatDiagnostic(d: Diagnostic, color: Terminal['color']): string {
  const severity = d.severity === 'error' ? color.red(color.bold('error')) : color.yellow(color.bold('warning'));
  return `${color.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity} ${color.dim(d.code)} ${d.message} ${color.dim(`(${d.hint})`)}`;
}

/** The closing summary line of a lint run. */
export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number, color: Terminal['color']): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'} checked`;
  if (errors === 0 && warnings === 0) return color.green(`✓ ${files}, no problems`);
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  return `${errors ? color.red('✗') : color.yellow('!')} ${files}: ${parts.join(', ')}`;
}
