import { readFileSync } from 'node:fs';
import { didYouMean } from './interactive.ts';
import { processTerminal, type Terminal } from './terminal.ts';
import type { MenuChoice } from './ui/main-menu.tsx';

/**
 * The top-level help. It lives in a text file so `bin/parley.js` can print it
 * for `parley --help` without starting the TypeScript loader.
 */
export const HELP = readFileSync(new URL('./help.txt', import.meta.url), 'utf8').trimEnd();

/** The commands and the module each lives in; loaded only when run, so `parley --help` stays fast. */
const COMMANDS = {
  practice: async () => (await import('./commands/practice.ts')).practice,
  lesson: async () => (await import('./commands/lesson.ts')).lesson,
  quiz: async () => (await import('./commands/quiz.ts')).quiz,
  lint: async () => (await import('./commands/lint.ts')).lint,
  test: async () => (await import('./commands/test.ts')).test,
  score: async () => (await import('./commands/score.ts')).score,
  new: async () => (await import('./commands/new.ts')).newFile,
  serve: async () => (await import('./commands/serve.ts')).serve,
} satisfies Record<string, () => Promise<(args: string[], terminal: Terminal, root: string) => Promise<number>>>;

type CommandName = keyof typeof COMMANDS;
const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** Runs the CLI with the given arguments and returns the process exit code. */
export async function main(argv: string[], terminal: Terminal = processTerminal(), root = process.cwd()): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
        return await menu(terminal, root);
      case 'help':
      case '--help':
      case '-h':
        if (command === 'help' && args[0] !== undefined) return await run(args[0], ['--help'], terminal, root);
        terminal.out(HELP);
        return 0;
      default:
        return await run(command, args, terminal, root);
    }
  } catch (error) {
    // Bad flags from parseArgs are usage errors, not crashes.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      terminal.err(`parley ${command}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function run(command: string, args: string[], terminal: Terminal, root: string): Promise<number> {
  if (!isCommand(command)) {
    terminal.err(`parley: unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}\n\n${HELP}`);
    return 2;
  }
  return await (await COMMANDS[command]())(args, terminal, root);
}

/** `parley` alone: the menu in a terminal; elsewhere the help, and why there is no menu. */
async function menu(terminal: Terminal, root: string): Promise<number> {
  if (!terminal.interactive) {
    terminal.out(HELP);
    terminal.err('\n(The menu needs an interactive terminal, and this one\'s input or output is not a TTY, so here is the help instead.)');
    return 0;
  }
  const [{ createElement }, { showScreen }, { MainMenu }] = await Promise.all([import('react'), import('./ui/screen.tsx'), import('./ui/main-menu.tsx')]);
  let choice: MenuChoice | undefined;
  await showScreen(createElement(MainMenu, { onChoose: (c) => (choice = c) }), terminal.color);
  if (choice === undefined) return 0;
  if (choice === 'help') {
    terminal.out(HELP);
    return 0;
  }
  return await run(choice, [], terminal, root);
}
