/**
 * Diagnostics: problems found in authored content, reported as values with a
 * location, never thrown. Every parser in Parley returns `{ value, diagnostics }`.
 */

export type Severity = 'error' | 'warning';

/** A problem in a content file, positioned like a compiler error (1-based). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable code such as `PARLEY010`; documented in docs/diagnostics.md. */
  code: DiagnosticCode;
  message: string;
  /** What to do about it. */
  hint: string;
}

/** The result of compiling one piece of content. `value` is absent when nothing usable could be built. */
export interface Compiled<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/** A line/column position in a source file (both 1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * The catalogue of diagnostic codes. Codes are stable: a code is never reused
 * for another meaning, so trainers and tools can rely on them.
 */
export const DIAGNOSTIC_CODES = {
  PARLEY001: { severity: 'error', title: 'missing front matter' },
  PARLEY002: { severity: 'error', title: 'front matter not closed' },
  PARLEY003: { severity: 'error', title: 'invalid YAML in front matter' },
  PARLEY004: { severity: 'error', title: 'front matter is not a set of keys' },
  PARLEY005: { severity: 'warning', title: 'unknown kind of content file' },
  PARLEY006: { severity: 'error', title: 'file cannot be read' },
  PARLEY010: { severity: 'error', title: 'unknown front matter key' },
  PARLEY011: { severity: 'error', title: 'missing required key' },
  PARLEY012: { severity: 'error', title: 'invalid value' },
  PARLEY013: { severity: 'error', title: 'duplicate key' },
  PARLEY020: { severity: 'error', title: 'duplicate id' },
  PARLEY021: { severity: 'error', title: 'unknown lesson id' },
  PARLEY022: { severity: 'error', title: 'broken link to a lesson' },
  PARLEY023: { severity: 'warning', title: 'file name does not match id' },
  PARLEY030: { severity: 'error', title: 'missing title heading' },
  PARLEY031: { severity: 'warning', title: 'missing lesson section' },
  PARLEY032: { severity: 'warning', title: 'lesson length out of range' },
  PARLEY040: { severity: 'error', title: 'rubric level missing or malformed' },
  PARLEY041: { severity: 'error', title: 'rubric level without coaching' },
  PARLEY042: { severity: 'error', title: 'rubric example malformed' },
  PARLEY070: { severity: 'error', title: 'question type tag missing or unknown' },
  PARLEY071: { severity: 'error', title: 'question points outside 1-10 or unreadable tag setting' },
  PARLEY072: { severity: 'error', title: 'question has no prompt' },
  PARLEY073: { severity: 'error', title: 'wrong number of correct options' },
  PARLEY074: { severity: 'error', title: 'too few or too many options' },
  PARLEY075: { severity: 'error', title: 'duplicate option' },
  PARLEY076: { severity: 'error', title: 'true-false options are not True and False' },
  PARLEY077: { severity: 'error', title: 'reply question without buyer line or pass thresholds' },
  PARLEY078: { severity: 'error', title: 'pass threshold malformed' },
  PARLEY079: { severity: 'error', title: 'unreadable line in a question' },
  PARLEY080: { severity: 'error', title: 'duplicate question id' },
  PARLEY081: { severity: 'error', title: 'duplicate pool' },
  PARLEY082: { severity: 'error', title: 'pool without a section' },
  PARLEY083: { severity: 'error', title: 'section without a pool entry' },
  PARLEY084: { severity: 'error', title: 'pool picks more questions than it has' },
  PARLEY085: { severity: 'error', title: 'question outside any pool' },
  PARLEY086: { severity: 'error', title: 'pool without questions' },
  PARLEY087: { severity: 'error', title: 'no certification pool' },
  PARLEY088: { severity: 'warning', title: 'no practice pool' },
  PARLEY089: { severity: 'warning', title: 'example reply would not pass' },
  PARLEY100: { severity: 'error', title: 'scenario has no nodes' },
  PARLEY101: { severity: 'error', title: 'duplicate node id' },
  PARLEY102: { severity: 'error', title: 'broken target' },
  PARLEY103: { severity: 'error', title: 'loose end' },
  PARLEY104: { severity: 'error', title: 'unreachable node' },
  PARLEY105: { severity: 'error', title: 'no reachable ending' },
  PARLEY106: { severity: 'warning', title: 'no reachable winning ending' },
  PARLEY107: { severity: 'error', title: 'unknown variable' },
  PARLEY108: { severity: 'error', title: 'unknown rubric' },
  PARLEY109: { severity: 'error', title: 'unknown lesson' },
  PARLEY110: { severity: 'error', title: 'value of the wrong type' },
  PARLEY111: { severity: 'error', title: 'branches without otherwise' },
  PARLEY112: { severity: 'error', title: 'threshold outside 0-4' },
  PARLEY113: { severity: 'error', title: 'branch shadowed by an earlier branch' },
  PARLEY114: { severity: 'error', title: 'condition is always false' },
  PARLEY115: { severity: 'error', title: 'malformed line' },
  PARLEY116: { severity: 'error', title: 'malformed block' },
  PARLEY117: { severity: 'error', title: 'example reply malformed' },
  PARLEY118: { severity: 'error', title: 'ending malformed' },
  PARLEY119: { severity: 'error', title: 'node mixes ways on' },
  PARLEY120: { severity: 'error', title: 'unknown compliance rule' },
  PARLEY121: { severity: 'error', title: 'invalid detect pattern' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic with the catalogue's default severity for its code. */
export function diagnostic(
  file: string,
  at: SourcePosition,
  code: DiagnosticCode,
  message: string,
  hint: string,
): Diagnostic {
  return { file, line: at.line, column: at.column, severity: DIAGNOSTIC_CODES[code].severity, code, message, hint };
}

/** True when any diagnostic is an error (warnings do not fail a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
