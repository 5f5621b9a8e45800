import { closest, distance } from 'fastest-levenshtein';
import type { Terminal } from './terminal.ts';

/**
 * The plain fallback of an interactive command run without a terminal (piped,
 * redirected, in CI): say why nothing interactive happens and what to run
 * instead. Returns the usage-error exit code.
 */
export function refuseWithoutTerminal(command: string, instead: string, terminal: Terminal): number {
  terminal.err(`parley ${command}: this command is interactive and needs a terminal, but its input or output is not a TTY (piped or redirected). ${instead}`);
  return 2;
}

/** `did you mean "x"?` for a mistyped id, when one is close enough. */
export function didYouMean(id: string, known: readonly string[]): string {
  const best = known.length ? closest(id, [...known]) : undefined;
  return best !== undefined && distance(id, best) <= Math.max(2, Math.floor(id.length / 3)) ? ` (did you mean "${best}"?)` : '';
}
