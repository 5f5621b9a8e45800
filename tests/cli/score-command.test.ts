import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.ts';
import { RUBRIC_IDS } from '../../src/core/content/vocabulary.ts';
import { scoreReply } from '../../src/core/scoring/score-reply.ts';

describe('parley score', () => {
  it('prints each rubric with its level, evidence and coaching from the rubric files', async () => {
    const { code, out } = await run('score', '--buyer', 'This is more than we budgeted.', '--reply', 'I understand, but you are wrong. Sign today or the price goes up.');
    expect(code).toBe(0);
    expect(out).toMatch(/Empathy\s+□□□□ 0\/4/);
    // Without colour the evidence is bracketed in the reply: {capped} [raised].
    expect(out).toMatch(/\{[^}]*you are wrong[^}]*\}/);
    expect(out).toMatch(/− "you are wrong" dismissal/);
    expect(out).toContain('Next step:');
  });

  it('--format json prints the results with character spans', async () => {
    const reply = 'What would the budget need to look like?';
    const { out } = await run('score', '--buyer', 'Too expensive for us.', '--reply', reply, '--format', 'json', '--rubrics', 'active_listening');
    const { results } = JSON.parse(out) as { results: { rubric: string; level: number; evidence: { start: number; end: number }[] }[] };
    expect(results.map((r) => r.rubric)).toEqual(['active_listening']);
    expect(results[0]!.level).toBeGreaterThanOrEqual(3);
    expect(reply.slice(results[0]!.evidence[0]!.start, results[0]!.evidence[0]!.end)).toBe(reply);
  });

  it('shows which signals the level model weighed for a reply of several sentences', async () => {
    const { code, out } = await run('score', '--buyer', 'Your quote is 20% above the other vendor.', '--reply', 'So the gap is the sticking point for you. What does their quote include?');
    expect(code).toBe(0);
    expect(out).toMatch(/weighed: [^\n]*open questions \+\d/);
  });

  it('--jsonl scores every good line and names the line number of each bad one', async () => {
    const { code, out, err } = await run('score', '--jsonl', 'tests/fixtures/scoring/requests.jsonl');
    const lines = out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id ?? null)).toEqual(['r-1', null, 'r-3', 'r-5']);
    // The CLI prints exactly what the core scorer gives for the line.
    const first = scoreReply("So you're tied in until March, and breaking it early isn't on the table. What would you want to have in place by then?", { buyer: "We're locked into our current supplier for another year.", known: ['Their contract ends next March'], keyPoints: [] }, RUBRIC_IDS);
    expect(lines[0]).toMatchObject({ levels: Object.fromEntries(first.map((r) => [r.rubric, r.level])) });
    expect((lines[0]!.levels as Record<string, number>).active_listening).toBeGreaterThanOrEqual(3);
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('not valid JSON') });
    expect(lines[2]).toMatchObject({ line: 3, error: 'response is missing' });
    expect(lines[3]).toMatchObject({ levels: { value_framing: 0 } });
    expect(err).toContain('2 lines could not be scored');
    expect(code).toBe(1);
  });

  it('rejects missing arguments, unknown rubrics and an unreadable file', async () => {
    expect((await run('score', '--reply', 'hi')).code).toBe(2);
    const unknown = await run('score', '--buyer', 'x', '--reply', 'y', '--rubrics', 'charm');
    expect(unknown.err).toContain('unknown rubric "charm"');
    expect(unknown.code).toBe(2);
    const missing = await run('score', '--jsonl', 'nope.jsonl');
    expect(missing.err).toContain('cannot read nope.jsonl: ENOENT');
    expect(missing.code).toBe(1);
  });
});
