import pc from 'picocolors';

/**
 * Output streams and colour for CLI commands. Colour is on only when stdout
 * is a TTY and NO_COLOR is unset (see `colorEnabled`), so piped output and
 * CI logs stay plain. Every colour Parley prints, including inside the ink
 * screens, goes through `color`, so the one rule holds everywhere.
 */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  color: ReturnType<typeof pc.createColors>;
  /**
   * Whether a person is at a keyboard: stdin and stdout are both TTYs. The
   * interactive screens (the menu, practice, the quiz, the pager) need it;
   * without it commands fall back to plain output.
   */
  interactive: boolean;
}

/**
 * The colour rule: FORCE_COLOR (other than "0" or "false") turns colour on,
 * NO_COLOR (any value, https://no-color.org) or TERM=dumb turns it off,
 * otherwise colour follows whether the output is a TTY.
 */
export function colorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined || env.TERM === 'dumb') return false;
  return isTTY;
}

export function processTerminal(): Terminal {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: pc.createColors(colorEnabled(Boolean(process.stdout.isTTY), process.env)),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/** A terminal that records lines, for tests. Not interactive unless asked. */
export function memoryTerminal(options: { interactive?: boolean } = {}): Terminal & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), color: pc.createColors(false), interactive: options.interactive ?? false };
}
