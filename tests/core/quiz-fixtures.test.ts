import { beforeAll, describe, expect, it } from 'vitest';
import { compileContent, type ContentSet } from '../../src/core/content/content-set.ts';
import type { DiagnosticCode } from '../../src/core/content/diagnostic.ts';
import { testQuiz } from '../../src/core/explore/quiz-test.ts';
import { createRubricScorer } from '../../src/core/scoring/score-reply.ts';
import { readContentFiles, readProjectContent } from '../../src/node/content-files.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const DIR = 'tests/fixtures/quizzes';

let result: ContentSet;
beforeAll(async () => {
  const { files } = await readContentFiles([DIR], ROOT);
  // Quizzes name lessons, so the project's library is the context.
  const lessons = (await readProjectContent(ROOT)).filter((f) => f.path.startsWith('content/lessons/'));
  result = compileContent(files, { context: lessons });
});

const problems = (name: string) => result.diagnostics.filter((d) => d.file === `${DIR}/${name}.md`).map((d) => `${d.code}@${d.line}:${d.column}`);
const first = (name: string) => result.diagnostics.find((d) => d.file === `${DIR}/${name}.md`)!;

// One fixture per quiz diagnostic: the file, the one problem it must produce, and where.
const cases: [string, DiagnosticCode, number, number, string][] = [
  ['broken/no-type-tag', 'PARLEY070', 17, 1, 'a question whose first line is not a type tag is reported at that line'],
  ['broken/unknown-type', 'PARLEY070', 16, 1, 'an unknown type in the tag is reported at the tag'],
  ['broken/bad-points', 'PARLEY071', 16, 9, 'points outside 1-10 are reported at the setting'],
  ['broken/empty-prompt', 'PARLEY072', 15, 1, 'a question with no prompt is reported at its heading'],
  ['broken/two-correct', 'PARLEY073', 21, 3, 'a single question with two correct options is reported at the second checkbox'],
  ['broken/multiple-all-correct', 'PARLEY073', 20, 7, 'a multiple question with every option correct is reported at its first option'],
  ['broken/one-option', 'PARLEY074', 20, 7, 'a single question with one option is reported at the option'],
  ['broken/short-order', 'PARLEY074', 20, 4, 'an order question with two items is reported at the first item'],
  ['broken/duplicate-option', 'PARLEY075', 21, 7, 'an option listed twice is reported at the second'],
  ['broken/true-false-options', 'PARLEY076', 20, 7, 'a true-false question with other options is reported at the first option'],
  ['broken/reply-no-buyer', 'PARLEY077', 15, 1, 'a reply question without a buyer line is reported at its heading'],
  ['broken/reply-no-pass', 'PARLEY077', 15, 1, 'a reply question without thresholds is reported at its heading'],
  ['broken/threshold-level', 'PARLEY078', 21, 22, 'a threshold level above 4 is reported at the level'],
  ['broken/unknown-rubric', 'PARLEY078', 21, 25, 'a threshold on an unknown rubric is reported at that threshold'],
  ['broken/rubric-twice', 'PARLEY078', 21, 45, 'a rubric given two thresholds is reported at the second'],
  ['broken/unreadable-line', 'PARLEY079', 23, 1, 'a paragraph after the options is reported at the line'],
  ['broken/duplicate-question', 'PARLEY080', 23, 1, 'a second question with the same heading is reported at it'],
  ['broken/duplicate-pool', 'PARLEY081', 23, 1, 'a second section with the same heading is reported at it'],
  ['broken/pool-without-section', 'PARLEY082', 12, 11, 'a pool in the front matter with no section is reported at its id'],
  ['broken/section-without-pool', 'PARLEY083', 23, 1, 'a section missing from the front matter is reported at its heading'],
  ['broken/pick-too-large', 'PARLEY084', 10, 23, 'a pick larger than the pool is reported at the pick'],
  ['broken/question-outside-pool', 'PARLEY085', 15, 1, 'a question before the first pool is reported at its heading'],
  ['broken/empty-pool', 'PARLEY086', 13, 1, 'a pool with no questions is reported at its heading'],
  ['broken/no-certification-pool', 'PARLEY087', 9, 1, 'a quiz whose pools are all practice pools is reported at pools'],
  ['broken/no-practice-pool', 'PARLEY088', 9, 1, 'a quiz without a practice pool is warned about at pools'],
  ['broken/unknown-lesson', 'PARLEY021', 9, 31, 'a lesson that does not exist is reported at its entry'],
  ['broken/team-b/same-id', 'PARLEY020', 2, 5, 'a quiz id used twice is reported at the second file'],
  ['broken/misspelled-key', 'PARLEY010', 7, 1, 'a misspelled front matter key is reported at the key'],
  ['broken/bad-value', 'PARLEY012', 7, 12, 'a pass mark above 100 is reported at the value'],
];

describe('quiz fixtures', () => {
  it('the example quiz compiles with no problems', () => {
    expect(problems('objection-basics')).toEqual([]);
    expect(result.quizzes.map((q) => q.id)).toContain('objection-basics');
  });

  it.each(cases)('%s: %s', (name, code, line, column) => {
    expect(problems(name)).toEqual([`${code}@${line}:${column}`]);
  });

  it('names each case for a human', () => {
    expect(new Set(cases.map((c) => c[4])).size).toBe(cases.length);
  });

  it('covers every quiz code in the catalogue the compiler reports', () => {
    const covered = new Set(cases.map((c) => c[1]));
    for (let n = 70; n <= 88; n++) expect(covered.has(`PARLEY0${n}` as DiagnosticCode)).toBe(true);
  });

  it('a quiz with an error is left out of the content set; one with only a warning is kept', () => {
    const ids = result.quizzes.map((q) => q.id);
    expect(ids).not.toContain('two-correct');
    expect(ids).toContain('no-practice-pool');
  });

  it('an unknown type suggests the closest type', () => {
    expect(first('broken/unknown-type').hint).toBe('did you mean `single`?');
  });

  it('an unknown lesson suggests the closest real one', () => {
    expect(first('broken/unknown-lesson').hint).toBe('did you mean "objection-handling"?');
  });

  it('an unknown rubric suggests the closest rubric', () => {
    expect(first('broken/unknown-rubric').hint).toBe('did you mean "empathy"?');
  });

  it('a pick too large says how many questions the pool has', () => {
    expect(first('broken/pick-too-large').message).toBe('the pool "core" picks 3 questions but has 1');
  });

  it('every diagnostic names its file, a position in it and a hint', () => {
    for (const d of result.diagnostics) {
      expect(d.file.startsWith(DIR)).toBe(true);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.hint.length).toBeGreaterThan(0);
    }
  });
});

describe('the quiz tester', () => {
  const scorer = createRubricScorer();

  it('warns (PARLEY089) at the example when the scorer says it would not meet its thresholds', () => {
    const quiz = result.quizzes.find((q) => q.id === 'example-fails')!;
    const report = testQuiz(quiz, scorer);
    expect(report.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}:${d.severity}`)).toEqual(['PARLEY089@22:14:warning']);
    expect(report.diagnostics[0]!.message).toMatch(/^the example reply to "say-it" would not pass: empathy scored \d, needs 2; value_framing scored \d, needs 2$/);
  });

  it('passes the example quiz, whose example reply meets its thresholds', () => {
    const report = testQuiz(result.quizzes.find((q) => q.id === 'objection-basics')!, scorer);
    expect(report).toMatchObject({ checked: 1, diagnostics: [], withoutExample: [] });
  });

  it('the compiler itself says nothing about example replies', () => {
    expect(problems('broken/example-fails')).toEqual([]);
  });
});
