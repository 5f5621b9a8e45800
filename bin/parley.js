#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx parley` works
// right after `npm install` with no build step.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
// `parley --help` prints the help without starting the TypeScript loader, the slowest part of start-up.
if (args.length === 1 && ['--help', '-h', 'help'].includes(args[0])) {
  process.stdout.write(readFileSync(new URL('../src/cli/help.txt', import.meta.url), 'utf8'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
