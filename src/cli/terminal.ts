import pc from 'picocolors';

/**
 * Output streams and colour for CLI commands. Colour is on only when the
 * stream is a TTY and NO_COLOR is unset (picocolors' rules), so piped output
 * and CI logs stay plain.
 */
export interface Terminal {
  out(line: string): void;
  err(line: string): void;
  color: ReturnType<typeof pc.createColors>;
}

export function processTerminal(): Terminal {
  const enabled = Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: pc.createColors(enabled || 'FORCE_COLOR' in process.env),
  };
}

/** A terminal that records lines, for tests. */
export function memoryTerminal(): Terminal & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), color: pc.createColors(false) };
}
