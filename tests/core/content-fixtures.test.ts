import { beforeAll, describe, expect, it } from 'vitest';
import { compileContent, type ContentSet } from '../../src/core/content/content-set.ts';
import type { Diagnostic, DiagnosticCode } from '../../src/core/content/diagnostic.ts';
import { readContentFiles, readProjectContent } from '../../src/node/content-files.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURES = 'tests/fixtures/lint';

let result: ContentSet;
beforeAll(async () => {
  const { files } = await readContentFiles([FIXTURES], ROOT);
  // Lessons resolve links against the project's library; the rubric fixtures
  // reuse the real rubric ids, so they are compiled on their own.
  const lessons = compileContent(files.filter((f) => !f.path.includes('/rubrics/')), { context: await readProjectContent(ROOT) });
  const rubrics = compileContent(files.filter((f) => f.path.includes('/rubrics/')));
  result = { ...lessons, diagnostics: [...lessons.diagnostics, ...rubrics.diagnostics] };
});

const at = (file: string) => result.diagnostics.filter((d) => d.file === `${FIXTURES}/${file}`);
const only = (ds: Diagnostic[], code: DiagnosticCode) => ds.filter((d) => d.code === code).map((d) => [d.line, d.column]);
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.line}:${d.column}`);

// Each row: fixture, the one error it must produce, and where.
const brokenFiles: [string, DiagnosticCode, number, number, string][] = [
  ['lessons/no-front-matter.md', 'PARLEY001', 1, 1, 'a file without front matter is reported at its first line'],
  ['lessons/unclosed-front-matter.md', 'PARLEY002', 1, 1, 'an unclosed front matter block is reported where it opens'],
  ['lessons/bad-yaml.md', 'PARLEY003', 4, 21, 'a YAML syntax error is reported where the parser gave up'],
  ['lessons/list-front-matter.md', 'PARLEY004', 2, 1, 'front matter that is a list, not keys, is reported'],
  ['lessons/misspelled-key.md', 'PARLEY010', 3, 1, 'a misspelled key is reported at the key'],
  ['lessons/missing-key.md', 'PARLEY011', 1, 1, 'a missing required key is reported at the front matter'],
  ['lessons/wrong-type.md', 'PARLEY012', 7, 10, 'a value of the wrong type is reported at the value'],
  ['lessons/unknown-skill.md', 'PARLEY012', 5, 19, 'an unknown skill is reported at the list item'],
  ['lessons/duplicate-key.md', 'PARLEY013', 7, 1, 'a key given twice is reported at the second one'],
  ['lessons/team-b/same-id.md', 'PARLEY020', 2, 5, 'a lesson id used twice is reported at the second file'],
  ['lessons/unknown-related.md', 'PARLEY021', 8, 11, 'a related lesson that does not exist is reported at its entry'],
  ['lessons/broken-link.md', 'PARLEY022', 29, 3, 'a link to a lesson that does not exist is reported at the link'],
  ['lessons/no-title.md', 'PARLEY030', 10, 1, 'a lesson without a title heading is reported where the body starts'],
  ['rubrics/missing-level.md', 'PARLEY040', 6, 1, 'a rubric missing a level is reported'],
  ['rubrics/no-coaching.md', 'PARLEY041', 13, 1, 'a rubric level without coaching is reported at its heading'],
  ['rubrics/bad-example.md', 'PARLEY042', 38, 1, 'a rubric example with a level outside 0-4 is reported at the example'],
];

describe('broken content fixtures', () => {
  it.each(brokenFiles)('%s: %s', (file, code, line, column) => {
    expect(errors(at(file))).toEqual([`${code}@${line}:${column}`]);
  });

  it('names each case for a human', () => {
    expect(new Set(brokenFiles.map((row) => row[4])).size).toBe(brokenFiles.length);
  });

  it('a misspelled key gets a "did you mean" hint', () => {
    expect(at('lessons/misspelled-key.md')[0]?.hint).toBe('did you mean "title"?');
  });

  it('an unknown related lesson suggests the closest real one', () => {
    expect(at('lessons/unknown-related.md').find((d) => d.code === 'PARLEY021')?.hint).toBe('did you mean "objection-handling"?');
  });

  it('a link to a real lesson is not reported', () => {
    expect(only(at('lessons/broken-link.md'), 'PARLEY022')).toEqual([[29, 3]]);
  });

  it('a lesson whose id differs from its file name gets a warning at the id', () => {
    const [d] = at('lessons/name-mismatch.md').filter((x) => x.code === 'PARLEY023');
    expect(d).toMatchObject({ severity: 'warning', line: 2, column: 5 });
  });

  it('a missing lesson section is a warning naming the section', () => {
    const ds = at('lessons/missing-section.md').filter((d) => d.code === 'PARLEY031');
    expect(ds.map((d) => [d.severity, d.message])).toEqual([['warning', 'the lesson has no "## Common mistakes" section']]);
  });

  it('a short lesson gets a length warning with its word count', () => {
    expect(at('lessons/missing-section.md').find((d) => d.code === 'PARLEY032')?.message).toMatch(/^the lesson has \d+ words$/);
  });

  it('a Markdown file outside any content folder gets a warning', () => {
    expect(at('notes/stray.md').map((d) => [d.code, d.severity])).toEqual([['PARLEY005', 'warning']]);
  });

  it('every diagnostic names its file and a position inside it', () => {
    for (const d of result.diagnostics) {
      expect(d.file.startsWith(FIXTURES)).toBe(true);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.hint.length).toBeGreaterThan(0);
    }
  });
});
