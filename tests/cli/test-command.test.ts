import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.ts';


describe('parley test', () => {
  it('passes on the scenario library with full coverage', async () => {
    const { code, out } = await run('test', '--runs', '20');
    expect(out).not.toMatch(/coverage \d+\/\d+ nodes \((?!100%)/);
    expect(out).toMatch(/✓ \d+ scenarios tested, 0 failed/);
    expect(code).toBe(0);
  });

  it('prints coverage, the path to each ending and random-walk figures', async () => {
    const { out } = await run('test', 'tests/fixtures/scenarios/price-premium.md', '--runs', '50', '--seed', '3');
    expect(out).toContain('coverage 4/4 nodes (100%)');
    expect(out).toContain('won at "advance" in 2 moves: "Fair question. What does their quote in…" → [a reply scored');
    expect(out).toMatch(/50 random runs \(seed 3\): .*moves min \d+, median \d+, mean [\d.]+, max \d+/);
  });

  it('exits 1 and names the ending when an ending cannot be reached', async () => {
    const { code, out } = await run('test', 'tests/fixtures/scenarios/unreachable-ending.md');
    expect(out).toContain('✗ the ending "won" cannot be reached');
    expect(code).toBe(1);
  });

  it('exits 1 with compiler diagnostics when a scenario does not compile', async () => {
    const { code, out } = await run('test', 'tests/fixtures/scenarios/broken/broken-target.md');
    expect(out).toContain('broken-target.md:22:19: error PARLEY102');
    expect(code).toBe(1);
  });

  it('--format json prints one report per scenario', async () => {
    const { out } = await run('test', 'tests/fixtures/scenarios/price-premium.md', '--format', 'json', '--runs', '5');
    const json = JSON.parse(out) as { reports: { scenario: string; exhaustive: { coverage: number } }[] };
    expect(json.reports.map((r) => [r.scenario, r.exhaustive.coverage])).toEqual([['price-premium', 1]]);
  });

  it('rejects a bad --runs with exit code 2', async () => {
    const { code, err } = await run('test', '--runs', 'lots');
    expect(err).toContain('--runs must be a whole number');
    expect(code).toBe(2);
  });

  it('scores a quiz\'s example replies and warns when one would not pass, without failing', async () => {
    const { code, out } = await run('test', 'tests/fixtures/quizzes/broken/example-fails.md');
    expect(out).toContain('1 example reply checked, 1 would not pass');
    expect(out).toMatch(/example-fails\.md:22:14: warning PARLEY089 the example reply to "say-it" would not pass: /);
    expect(out).toContain('✓ 0 scenarios tested, 0 failed, 1 quiz checked (1 example reply would not pass)');
    expect(code).toBe(0);
  });

  it('passes a quiz whose example replies meet their thresholds', async () => {
    const { code, out } = await run('test', 'tests/fixtures/quizzes/objection-basics.md');
    expect(out).toContain('1 example reply checked, all would pass');
    expect(code).toBe(0);
  });

  it('exits 1 with compiler diagnostics when a quiz does not compile', async () => {
    const { code, out } = await run('test', 'tests/fixtures/quizzes/broken/two-correct.md');
    expect(out).toContain('two-correct.md:21:3: error PARLEY073');
    expect(code).toBe(1);
  });

  it('--format json includes one report per quiz', async () => {
    const { out } = await run('test', 'tests/fixtures/quizzes/objection-basics.md', '--format', 'json');
    const json = JSON.parse(out) as { quizzes: { quiz: string; checked: number; diagnostics: unknown[] }[] };
    expect(json.quizzes).toEqual([{ quiz: 'objection-basics', file: 'tests/fixtures/quizzes/objection-basics.md', checked: 1, diagnostics: [], withoutExample: [] }]);
  });
});
