import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileContent, type ContentSet } from '../../src/core/content/content-set.ts';
import type { DiagnosticCode } from '../../src/core/content/diagnostic.ts';
import { readProjectContent } from '../../src/node/content-files.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIR = 'tests/fixtures/scenarios/broken';

let result: ContentSet;
beforeAll(async () => {
  const files = readdirSync(`${ROOT}/${DIR}`).map((name) => ({ path: `${DIR}/${name}`, text: readFileSync(`${ROOT}/${DIR}/${name}`, 'utf8') }));
  const lessons = (await readProjectContent(ROOT)).filter((f) => f.path.startsWith('content/'));
  result = compileContent(files, { context: lessons });
});

const problems = (name: string) =>
  result.diagnostics.filter((d) => d.file === `${DIR}/${name}.md` && d.code !== 'PARLEY023').map((d) => `${d.code}@${d.line}:${d.column}`);

// One fixture per scenario diagnostic: the file, the one problem it must produce, and where.
const cases: [string, DiagnosticCode, number, number, string][] = [
  ['no-nodes', 'PARLEY100', 18, 1, 'a scenario without "##" headings has no nodes'],
  ['duplicate-node', 'PARLEY101', 42, 1, 'a second heading with the same slug is a duplicate node'],
  ['broken-target', 'PARLEY102', 22, 19, 'a link to a node that does not exist is reported at the link'],
  ['loose-end', 'PARLEY103', 42, 1, 'a node with no way on is a loose end, reported at its heading'],
  ['unreachable-node', 'PARLEY104', 42, 1, 'a node nothing links to is unreachable'],
  ['no-ending', 'PARLEY105', 18, 1, 'a scenario whose endings are all gone has no reachable ending'],
  ['no-winning-ending', 'PARLEY106', 18, 1, 'a scenario with no won ending is warned about'],
  ['unknown-variable', 'PARLEY107', 21, 9, 'an effect on an undeclared variable is reported at the tag'],
  ['unknown-rubric', 'PARLEY108', 25, 1, 'an ask naming an unknown rubric is reported at the block'],
  ['unknown-lesson', 'PARLEY109', 9, 20, 'a lesson id that does not exist is reported at the list item'],
  ['wrong-type', 'PARLEY110', 21, 9, 'adding to a boolean is a type error'],
  ['no-otherwise', 'PARLEY111', 30, 3, 'score branches without otherwise are reported at the last branch'],
  ['threshold-out-of-range', 'PARLEY112', 29, 14, 'a threshold outside 0-4 is reported at the number'],
  ['shadowed-branch', 'PARLEY113', 30, 3, 'a branch an earlier branch always catches is reported'],
  ['always-false', 'PARLEY114', 22, 13, 'a condition beyond a variable\'s bounds can never be true'],
  ['malformed-line', 'PARLEY115', 22, 10, 'an unreadable tag is reported at the tag'],
  ['unclosed-block', 'PARLEY116', 38, 1, 'a block that is never closed is reported where it opens'],
  ['bad-example', 'PARLEY117', 27, 3, 'an example level outside 0-4 is reported at the example'],
  ['bad-ending', 'PARLEY118', 38, 1, 'an ending score above 100 is reported at the ending'],
  ['mixed-exits', 'PARLEY119', 18, 1, 'a node with both a jump and choices is reported at its heading'],
  ['unknown-rule', 'PARLEY120', 22, 3, 'breaking an undeclared compliance rule is reported at the choice'],
  ['bad-pattern', 'PARLEY121', 16, 61, 'an invalid detect pattern is reported at the pattern'],
  ['schema-error', 'PARLEY012', 14, 10, 'an invalid front matter value is reported at the value'],
];

describe('broken scenario fixtures', () => {
  it('the valid base fixture has no problems', () => {
    expect(problems('valid')).toEqual([]);
  });

  it.each(cases)('%s: %s', (name, code, line, column) => {
    expect(problems(name)).toEqual([`${code}@${line}:${column}`]);
  });

  it('covers every scenario code in the catalogue', () => {
    const covered = new Set(cases.map((c) => c[1]));
    for (let n = 100; n <= 121; n++) expect(covered.has(`PARLEY${n}` as DiagnosticCode)).toBe(true);
  });

  it('a broken target suggests the nearest node id', () => {
    const d = result.diagnostics.find((x) => x.file.endsWith('broken-target.md') && x.code === 'PARLEY102');
    expect(d?.hint).toContain('#lost');
  });
});
