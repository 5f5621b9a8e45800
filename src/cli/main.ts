import { didYouMean } from './interactive.ts';
import { processTerminal, type Terminal } from './terminal.ts';
import type { MenuChoice } from './ui/main-menu.tsx';

export const HELP = `Parley: practice sales conversations and get scored, explainable coaching.

Usage: parley [command] [options]

Learn (interactive, in a terminal):
  practice [scenario]  play a role-play: pick or type replies, see them scored, read the debrief
  lesson [id]          read a lesson, a page at a time
  quiz [id]            take a quiz in practice mode, against the clock

Author and check content:
  lint [paths...]      check lessons, rubrics, quizzes and scenarios for problems
  test [paths...]      play every path of every scenario and report coverage;
                       check that each quiz's example replies would pass
  score                score a reply on the rubrics, with evidence and coaching
  new scenario "T"     write a starter scenario file named after its title
  serve                serve the built web app (run "npm run build" first)

With no command in a terminal, a menu opens. "parley help <command>" or
"parley <command> --help" shows a command's options.

Exit codes (every command): 0 success, 1 problems found (content errors, a
failed test, unscorable lines), 2 usage error (unknown command or option,
bad value, an interactive command without a terminal).`;

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
