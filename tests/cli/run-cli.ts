import { main } from '../../src/cli/main.ts';
import { memoryTerminal } from '../../src/cli/terminal.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Runs the CLI in-process from the project root and captures its output and exit code. */
export async function runCli(...args: string[]) {
  const terminal = memoryTerminal();
  const code = await main(args, terminal, ROOT);
  return { code, out: terminal.stdout.join('\n'), err: terminal.stderr.join('\n') };
}
