import { processTerminal, type Terminal } from './terminal.ts';

export const HELP = `Parley: practice sales conversations and get scored, explainable coaching.

Usage: parley <command> [options]

Commands:
  lint [paths...]   check lessons, rubrics, quizzes and scenarios for problems
  test [paths...]   play every path of every scenario and report coverage;
                    check that each quiz's example replies would pass
  score             score a reply on the rubrics, with evidence and coaching
  serve             serve the built web app (run "npm run build" first)
  new scenario "T"  write a starter scenario file named after its title

Run "parley <command> --help" for a command's options.`;

/** Runs the CLI with the given arguments and returns the process exit code. */
export async function main(argv: string[], terminal: Terminal = processTerminal(), root = process.cwd()): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        terminal.out(HELP);
        return 0;
      case 'lint':
        // Commands load lazily so `parley --help` stays fast.
        return await (await import('./commands/lint.ts')).lint(args, terminal, root);
      case 'test':
        return await (await import('./commands/test.ts')).test(args, terminal, root);
      case 'score':
        return await (await import('./commands/score.ts')).score(args, terminal, root);
      case 'new':
        return await (await import('./commands/new.ts')).newFile(args, terminal, root);
      case 'serve':
        return await (await import('./commands/serve.ts')).serve(args, terminal, root);
      default:
        terminal.err(`parley: unknown command "${command}"\n\n${HELP}`);
        return 2;
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
