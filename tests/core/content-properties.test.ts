import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/core/content/content-set';
import { compileLesson } from '../../src/core/content/lesson';
import { compileRubric } from '../../src/core/content/rubric';

const VALID_LESSON = `---
id: sample
title: A sample
methodology: spin
skills: [discovery]
level: beginner
minutes: 4
related: []
---
# A sample

## Worked example
**Rep:** What prompted the call?

## Common mistakes
- Pitching too early.

## Self-check
1. Why ask first?
`;

// Fragments that stress the line reader and the YAML parser.
const fragment = fc.constantFrom(
  '---', '...', '#', '## ', '- ', '* ', '```', '~~~', ':', ': ', '"', "'", '[', ']', '(', ')', '{', '}', '|', '>', '&a', '*a', '!!',
  'id: x', 'related: [', '**Coaching:**', '## Level 9: x', '### Strong', '**Level:** x', '\t', '\r\n', '\n', ' ', '\uFEFF', '😀', '<script>',
);
const markdownish = fc.array(fc.oneof(fragment, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 40 }).map((parts) => parts.join(''));

/** Replaces, inserts or deletes a random slice of a valid file. */
const mutatedLesson = fc
  .tuple(fc.nat(VALID_LESSON.length), fc.nat(20), markdownish)
  .map(([at, cut, insert]) => VALID_LESSON.slice(0, at) + insert + VALID_LESSON.slice(at + cut));

function positionsAreValid(text: string, diagnostics: { line: number; column: number }[]) {
  const lines = text.split(/\r?\n/);
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length + 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
  }
}

describe('the content compiler on arbitrary input', () => {
  it('never throws on random Markdown and YAML, and every diagnostic has a valid position', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const lesson = compileLesson(text, 'content/lessons/x.md');
        const rubric = compileRubric(text, 'content/rubrics/x.md');
        positionsAreValid(text, [...lesson.diagnostics, ...rubric.diagnostics]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of a valid lesson, and positions stay inside the file', () => {
    fc.assert(
      fc.property(mutatedLesson, (text) => {
        const { diagnostics } = compileContent([{ path: 'content/lessons/sample.md', text }]);
        positionsAreValid(text, diagnostics);
      }),
      { numRuns: 500 },
    );
  });

  it('a valid lesson compiles with no errors', () => {
    const { value, diagnostics } = compileLesson(VALID_LESSON, 'content/lessons/sample.md');
    expect(value?.title).toBe('A sample');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
