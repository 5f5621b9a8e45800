import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.ts';

const ANSI = /\u001B\[/;

describe('parley practice, without a terminal', () => {
  it('says it needs one, points to --list, and exits 2', async () => {
    const { code, err, out } = await run('practice', 'price-premium');
    expect(err).toContain('parley practice: this command is interactive and needs a terminal');
    expect(err).toContain('parley practice --list');
    expect(out).toBe('');
    expect(code).toBe(2);
  });

  it('--list prints every playable scenario, one a line', async () => {
    const { code, out } = await run('practice', '--list');
    expect(out).toMatch(/^price-premium\s+Thirty percent over the other bid \(intermediate, 8 min\)$/m);
    expect(out.split('\n')).toHaveLength(16);
    expect(code).toBe(0);
  });

  it('--list --format json prints the scenarios as data', async () => {
    const { code, out } = await run('practice', '--list', '--format', 'json');
    const scenarios = JSON.parse(out) as { id: string; title: string; minutes: number; file: string }[];
    expect(scenarios.find((s) => s.id === 'price-premium')).toMatchObject({ title: 'Thirty percent over the other bid', minutes: 8, file: 'scenarios/price-premium.md' });
    expect(code).toBe(0);
  });

  it('an unknown scenario is a usage error with a suggestion', async () => {
    const { code, err } = await run('practice', 'price-premum');
    expect(err).toBe('parley practice: no scenario "price-premum" (did you mean "price-premium"?); run "parley practice --list" to see them');
    expect(code).toBe(2);
  });

  it('takes the path of a scenario file', async () => {
    const { code, err } = await run('practice', 'tests/fixtures/scenarios/price-premium.md');
    expect(err).toContain('needs a terminal');
    expect(code).toBe(2);
  });

  it('a scenario file with errors is not played: its problems are listed and it exits 1', async () => {
    const { code, err } = await run('practice', 'tests/fixtures/scenarios/broken/broken-target.md');
    expect(err).toMatch(/tests\/fixtures\/scenarios\/broken\/broken-target\.md:\d+:\d+: error PARLEY\d+/);
    expect(err).toContain('has errors, so it cannot be played');
    expect(code).toBe(1);
  });
});

describe('parley lesson', () => {
  it('prints the whole lesson, plain, when the output is not a terminal', async () => {
    const { code, out } = await run('lesson', 'spin-selling');
    expect(out).toMatch(/^SPIN · Intermediate · 7 min/);
    expect(out).toContain('# SPIN selling');
    expect(out).toContain('## Self-check');
    expect(out).toContain('  * "How many beds does the ward run at full capacity?"');
    expect(out).not.toMatch(ANSI);
    expect(code).toBe(0);
  });

  it('--format json prints the lesson as data', async () => {
    const { code, out } = await run('lesson', 'spin-selling', '--format', 'json');
    expect(JSON.parse(out)).toMatchObject({ id: 'spin-selling', title: 'SPIN selling', minutes: 7, body: expect.stringContaining('# SPIN selling') });
    expect(code).toBe(0);
  });

  it('--list --format json lists the lessons', async () => {
    const { out } = await run('lesson', '--list', '--format', 'json');
    expect((JSON.parse(out) as { id: string }[]).map((l) => l.id)).toContain('active-listening');
  });

  it('an unknown lesson is a usage error with a suggestion', async () => {
    const { code, err } = await run('lesson', 'spin-seling');
    expect(err).toContain('no lesson "spin-seling" (did you mean "spin-selling"?)');
    expect(code).toBe(2);
  });

  it('without an id and without a terminal to pick in, says what to run and exits 2', async () => {
    const { code, err } = await run('lesson');
    expect(err).toContain('needs a terminal');
    expect(err).toContain('parley lesson spin-selling');
    expect(code).toBe(2);
  });
});

describe('parley quiz', () => {
  it('says it needs a terminal, and exits 2', async () => {
    const { code, err } = await run('quiz', 'tests/fixtures/cli/quizzes/all-types.md');
    expect(err).toContain('parley quiz: this command is interactive and needs a terminal');
    expect(err).toContain('parley quiz --list');
    expect(code).toBe(2);
  });

  it('--list --format json prints the quizzes as data', async () => {
    const { code, out } = await run('quiz', '--list', '--format', 'json');
    expect(Array.isArray(JSON.parse(out))).toBe(true);
    expect(code).toBe(0);
  });

  it('a quiz without practice questions cannot be practised here, and exits 1', async () => {
    const { code, err } = await run('quiz', 'tests/fixtures/cli/quizzes/certification-only.md');
    expect(err).toContain('"certification-only" has no practice pool');
    expect(code).toBe(1);
  });

  it('a quiz file with errors lists them and exits 1', async () => {
    const { code, err } = await run('quiz', 'tests/fixtures/quizzes/broken/unknown-type.md');
    expect(err).toMatch(/unknown-type\.md:\d+:\d+: error PARLEY0[78]\d/);
    expect(code).toBe(1);
  });

  it('an unknown quiz or a bad seed is a usage error', async () => {
    expect((await run('quiz', 'no-such-quiz')).code).toBe(2);
    const bad = await run('quiz', 'tests/fixtures/cli/quizzes/all-types.md', '--seed', 'soon');
    expect(bad.err).toBe('parley quiz: --seed must be a whole number, got "soon"');
    expect(bad.code).toBe(2);
  });
});
