import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/core/content/content-set.ts';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import { gradePaper, validateAnswers, type Answer } from '../../src/core/quiz/grade.ts';
import { assemblePaper } from '../../src/core/quiz/paper.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';
import { exampleQuiz } from './quiz-text.ts';

const FILE = 'tests/fixtures/quizzes/objection-basics.md';
const VALID = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');

// Fragments that stress the line reader, the tag reader and the YAML parser.
const fragment = fc.constantFrom(
  '---', '#', '## ', '### ', '#### ', '- [x] ', '- [ ] ', '- [X]', '* [ ]', '  - ', '1. ', '2) ', '```', '~~~', '`', '`single`', '`multiple points=', '`order`', '`reply`',
  '`true-false`', '**Buyer:** ', '**Pass:** ', 'empathy >= ', '**Known:** ;', '**Example:** "', '**Feedback:**', 'pools:', '  - { id: x, pick: 9 }', 'practice: true', ':', '"', '[', ']', '{', '}',
  '\t', '\r\n', '\n', '\n\n', ' ', '\uFEFF', '😀', '<script>', '>=', '5', '0',
);
const markdownish = fc.array(fc.oneof(fragment, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 40 }).map((parts) => parts.join(''));

/** Replaces, inserts or deletes a random slice of the valid example quiz. */
const mutatedQuiz = fc
  .tuple(fc.nat(VALID.length), fc.nat(40), markdownish)
  .map(([at, cut, insert]) => VALID.slice(0, at) + insert + VALID.slice(at + cut));

function positionsAreValid(text: string, diagnostics: { line: number; column: number; hint: string }[]) {
  const lines = text.split(/\r?\n/).length;
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(d.hint.length).toBeGreaterThan(0);
  }
}

describe('the quiz compiler on arbitrary input', () => {
  it('never throws on random Markdown and YAML, and every diagnostic has a valid position', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        positionsAreValid(text, compileQuiz(text, 'content/quizzes/x.md').diagnostics);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of a valid quiz; whatever compiles can be drawn and graded', () => {
    const scorer = forcedScorer({ active_listening: 2, empathy: 2, value_framing: 2 });
    fc.assert(
      fc.property(mutatedQuiz, fc.integer(), (text, seed) => {
        const { value, diagnostics } = compileQuiz(text, FILE);
        positionsAreValid(text, diagnostics);
        positionsAreValid(text, compileContent([{ path: FILE, text }]).diagnostics);
        if (!value) return;
        for (const mode of ['certification', 'practice'] as const) {
          const paper = assemblePaper(value, mode, seed);
          const answers = Object.fromEntries(paper.questions.map((q) => [q.id, q.options ? { optionId: q.options[0]!.id } : { reply: 'Fair question.' }]));
          const grade = gradePaper(value, paper, answers, scorer);
          expect(grade.percent).toBeGreaterThanOrEqual(0);
          expect(grade.percent).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('grading arbitrary answers', () => {
  const quiz = exampleQuiz();
  const scorer = forcedScorer({ active_listening: 3, value_framing: 1 });

  it('validateAnswers and gradePaper never throw, and refused answers earn nothing', () => {
    fc.assert(
      fc.property(fc.integer(), fc.anything(), fc.dictionary(fc.string(), fc.anything()), (seed, junk, dict) => {
        const paper = assemblePaper(quiz, 'certification', seed);
        expect(Array.isArray(validateAnswers(paper, junk))).toBe(true);
        const answers = { ...dict, [paper.questions[0]!.id]: junk } as Record<string, Answer>;
        const grade = gradePaper(quiz, paper, answers, scorer);
        expect(grade.earned).toBeGreaterThanOrEqual(0);
        expect(grade.earned).toBeLessThanOrEqual(grade.available);
        for (const q of grade.questions) if (q.refused) expect(q.earned).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a set validateAnswers accepts always grades between 0 and the points available', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (seed, picks) => {
        const paper = assemblePaper(quiz, 'certification', seed);
        const answers: Record<string, Answer> = {};
        paper.questions.forEach((q, i) => {
          const ids = (q.options ?? []).map((o) => o.id);
          const n = picks[i]!;
          if (q.type === 'reply') answers[q.id] = { reply: 'x'.repeat(n % 50) };
          else if (q.type === 'order') answers[q.id] = { order: [...ids].sort((a, b) => ((a + n) < (b + n) ? -1 : 1)) };
          else if (q.type === 'multiple') answers[q.id] = { optionIds: ids.filter((_, k) => (n >> k) & 1) };
          else answers[q.id] = { optionId: ids[n % ids.length]! };
        });
        expect(validateAnswers(paper, answers)).toEqual([]);
        const grade = gradePaper(quiz, paper, answers, scorer);
        for (const q of grade.questions) expect(q.earned >= 0 && q.earned <= q.available).toBe(true);
        expect(grade.passed).toBe(grade.percent >= quiz.passMark);
      }),
      { numRuns: 300 },
    );
  });
});
