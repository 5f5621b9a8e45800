import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/terminal.ts';
import { runCli as run } from './run-cli.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const COMMANDS = ['practice', 'lesson', 'quiz', 'lint', 'test', 'score', 'new', 'serve'];

describe('every command', () => {
  it.each(COMMANDS)('%s --help shows its usage and its exit codes, and exits 0', async (command) => {
    const { code, out } = await run(command, '--help');
    expect(out).toMatch(new RegExp(`^Usage: parley ${command}`));
    expect(out).toMatch(/Exit codes: 0 .*, 1 .*2 bad usage/s);
    expect(code).toBe(0);
  });

  it.each(COMMANDS)('%s refuses an unknown option with exit code 2', async (command) => {
    const { code, err } = await run(command, '--frobnicate');
    expect(err).toMatch(new RegExp(`^parley ${command}: .*--frobnicate`));
    expect(code).toBe(2);
  });

  it('"parley help <command>" shows that command\'s help', async () => {
    const { code, out } = await run('help', 'quiz');
    expect(out).toMatch(/^Usage: parley quiz/);
    expect(code).toBe(0);
  });
});

describe('parley with no command', () => {
  it('without a terminal prints the help, says why there is no menu, and exits 0', async () => {
    const { code, out, err } = await run();
    expect(out).toMatch(/^Parley: practice sales conversations/);
    expect(out).toContain('Exit codes (every command)');
    expect(err).toContain('The menu needs an interactive terminal');
    expect(code).toBe(0);
  });

  it('suggests the command meant when one is mistyped, and exits 2', async () => {
    const { code, err } = await run('lessons');
    expect(err).toMatch(/^parley: unknown command "lessons" \(did you mean "lesson"\?\)/);
    expect(code).toBe(2);
  });
});

describe('colour', () => {
  it('is on for a terminal and off for a pipe', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
  });

  it('is off with NO_COLOR set to anything, or on a dumb terminal', () => {
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(false);
    expect(colorEnabled(true, { TERM: 'dumb' })).toBe(false);
  });

  it('FORCE_COLOR turns it on, unless it is 0 or false', () => {
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(true, { FORCE_COLOR: 'false', NO_COLOR: '1' })).toBe(false);
  });

  it('piped output of the real binary carries no escape codes', () => {
    const result = spawnSync(process.execPath, ['bin/parley.js', 'lint', 'tests/fixtures/lint/lessons/no-title.md'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined } });
    expect(result.stdout).toContain('PARLEY030');
    expect(result.stdout).not.toMatch(/\u001B\[/);
  });
});
