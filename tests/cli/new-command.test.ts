import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.ts';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'parley-new-')), 'scenarios');

describe('parley new scenario', () => {
  it('writes a starter file named after the title that passes lint and test', async () => {
    const dir = freshDir();
    const { code, out } = await run('new', 'scenario', 'Too expensive for us', '--dir', dir);
    expect(code).toBe(0);
    expect(out).toContain('too-expensive-for-us.md');
    const file = join(dir, 'too-expensive-for-us.md');
    expect(readFileSync(file, 'utf8')).toMatch(/^---\nid: too-expensive-for-us\ntitle: "Too expensive for us"\n/);

    const lint = await run('lint', file);
    expect(lint.out).not.toMatch(/ error /);
    expect(lint.code).toBe(0);
    const tested = await run('test', file);
    expect(tested.code).toBe(0);
  });

  it('never overwrites a file unless asked to', async () => {
    const dir = freshDir();
    await run('new', 'scenario', 'Stalled deal', '--dir', dir);
    const file = join(dir, 'stalled-deal.md');
    writeFileSync(file, 'my own work');
    const again = await run('new', 'scenario', 'Stalled deal', '--dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('my own work');
    expect((await run('new', 'scenario', 'Stalled deal', '--dir', dir, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^---/);
  });

  it('says what is missing when the kind or the title is', async () => {
    expect(await run('new')).toMatchObject({ code: 2, err: expect.stringMatching(/parley new scenario "Title"/) });
    expect(await run('new', 'lesson', 'X')).toMatchObject({ code: 2, err: expect.stringMatching(/cannot create "lesson"/) });
    expect(await run('new', 'scenario')).toMatchObject({ code: 2, err: expect.stringMatching(/give the scenario a title/) });
  });
});
