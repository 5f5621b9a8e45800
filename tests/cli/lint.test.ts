import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/main.ts';
import { runCli as run } from './run-cli.ts';

const ROOT = new URL('../..', import.meta.url).pathname;


describe('parley lint', () => {
  it('passes on the project content with exit code 0', async () => {
    const { code, out } = await run('lint');
    expect(out).toMatch(/files checked/);
    expect(out).not.toMatch(/ error /);
    expect(code).toBe(0);
  });

  it('prints compiler-style lines for broken fixtures and exits 1', async () => {
    const { code, out } = await run('lint', 'tests/fixtures/lint/lessons/misspelled-key.md');
    expect(out).toContain(
      'tests/fixtures/lint/lessons/misspelled-key.md:3:1: error PARLEY010 unknown key "titel" (did you mean "title"?)',
    );
    expect(out).toMatch(/1 error, \d+ warnings?$/m);
    expect(code).toBe(1);
  });

  it('--format json prints the diagnostics as a JSON array', async () => {
    const { code, out } = await run('lint', '--format', 'json', 'tests/fixtures/lint/lessons/wrong-type.md');
    const diagnostics = JSON.parse(out) as { code: string; line: number; column: number }[];
    expect(diagnostics.find((d) => d.code === 'PARLEY012')).toMatchObject({ line: 7, column: 10 });
    expect(code).toBe(1);
  });

  it('checks a folder of broken fixtures, one problem per file', async () => {
    const { out } = await run('lint', 'tests/fixtures/lint/lessons');
    for (const code of ['PARLEY001', 'PARLEY002', 'PARLEY003', 'PARLEY010', 'PARLEY011', 'PARLEY012', 'PARLEY013', 'PARLEY020', 'PARLEY021', 'PARLEY022']) {
      expect(out).toContain(` error ${code} `);
    }
  });

  it('checks quizzes with the same output: a compiler-style line and exit 1', async () => {
    const { code, out } = await run('lint', 'tests/fixtures/quizzes/broken/two-correct.md');
    expect(out).toContain(
      'tests/fixtures/quizzes/broken/two-correct.md:21:3: error PARLEY073 the single question "Pick one" has 2 options marked correct (mark exactly one option "[x]", or make it a `multiple` question)',
    );
    expect(code).toBe(1);
  });

  it('checks a quiz\'s lessons against the project library', async () => {
    const { out } = await run('lint', 'tests/fixtures/quizzes/broken/unknown-lesson.md');
    expect(out).toContain('unknown-lesson.md:9:31: error PARLEY021 the lesson "objection-handeling" does not exist (did you mean "objection-handling"?)');
  });

  it('prints quiz diagnostics as JSON with --format json, and a quiz with only a warning exits 0', async () => {
    const { code, out } = await run('lint', '--format', 'json', 'tests/fixtures/quizzes/broken/no-practice-pool.md');
    expect(JSON.parse(out)).toMatchObject([{ code: 'PARLEY088', severity: 'warning', line: 9, column: 1 }]);
    expect(code).toBe(0);
  });

  it('reports a path that does not exist instead of crashing', async () => {
    const { code, out } = await run('lint', 'no/such/place.md');
    expect(out).toContain('no/such/place.md:1:1: error PARLEY006');
    expect(code).toBe(1);
  });

  it('rejects an unknown format with exit code 2', async () => {
    const { code, err } = await run('lint', '--format', 'xml');
    expect(err).toContain('unknown format "xml"');
    expect(code).toBe(2);
  });

  it('rejects an unknown flag with exit code 2 and a message', async () => {
    const { code, err } = await run('lint', '--frmat', 'json');
    expect(err).toMatch(/parley lint: .*--frmat/);
    expect(code).toBe(2);
  });
});

describe('the parley binary', () => {
  it('runs through npx-style bin/parley.js and sets the exit code', () => {
    const ok = spawnSync(process.execPath, ['bin/parley.js', 'lint', 'content/lessons/spin-selling.md'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, ['bin/parley.js', 'lint', 'tests/fixtures/lint/lessons/no-title.md'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.stdout).toContain('PARLEY030');
    expect(bad.status).toBe(1);
  });

  it('prints help and an unknown command exits 2', () => {
    const help = spawnSync(process.execPath, ['bin/parley.js', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.stdout).toContain('Usage: parley [command]');
    expect(help.status).toBe(0);
    // The binary's fast path and the in-process help are the same text.
    expect(help.stdout.trimEnd()).toBe(HELP);
    const unknown = spawnSync(process.execPath, ['bin/parley.js', 'fly'], { cwd: ROOT, encoding: 'utf8' });
    expect(unknown.stderr).toContain('unknown command "fly"');
    expect(unknown.status).toBe(2);
  });
});
