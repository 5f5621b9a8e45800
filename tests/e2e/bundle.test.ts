import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compileContent, contentKindOf } from '../../src/core/content/content-set.ts';
import { poolsFor, type Question, type Quiz } from '../../src/core/quiz/quiz.ts';
import { readContentFiles } from '../../src/node/content-files.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Every text of a question a rep or a key would show: title, prompt, options and their feedback, items, buyer, example. */
function textsOf(question: Question): string[] {
  const texts = [question.title, question.promptMarkdown, question.feedback ?? ''];
  if (question.type === 'order') texts.push(...question.items);
  else if (question.type === 'reply') texts.push(question.buyer, ...question.known, question.example ?? '');
  else for (const option of question.options) texts.push(option.text, option.feedback ?? '');
  return texts;
}

/**
 * The runs of plain letters, digits and spaces in a text that are long
 * enough to be that text's own (24+ characters): they read the same in the
 * bundle's JavaScript whatever the minifier does to quotes and escapes.
 */
function fragmentsOf(text: string): string[] {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9 ,]{22,}[A-Za-z0-9]/g) ?? []).map((f) => f.trim());
}

/** Everything the build ships (scripts, styles, the page). */
function shipped(dir: string): string {
  const files: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(d, entry.name));
      else if (/\.(js|css|html|json)$/.test(entry.name)) files.push(readFileSync(join(d, entry.name), 'utf8'));
    }
  };
  visit(dir);
  return files.join('\n');
}

describe('the built web app', async () => {
  // The same content the browser tests' build compiled: the project's and the fixtures'.
  const { files } = await readContentFiles(['content', 'scenarios', 'tests/fixtures/e2e'], ROOT);
  const quizzes: Quiz[] = compileContent(files).quizzes;
  const otherContent = files.filter((f) => contentKindOf(f.path) !== 'quiz').map((f) => f.text);
  const bundle = shipped(inject('distDir'));
  const practiceText = quizzes.flatMap((q) => poolsFor(q, 'practice').flatMap((p) => p.questions.flatMap(textsOf)));

  it('carries the practice questions of every quiz (so the check below can see question text)', () => {
    expect(quizzes.length).toBeGreaterThan(0);
    const practiceFragments = practiceText.flatMap(fragmentsOf);
    expect(practiceFragments.length).toBeGreaterThan(0);
    expect(practiceFragments.filter((f) => !bundle.includes(f))).toEqual([]);
  });

  it('carries no certification question text (prompts, options, keys, feedback, examples)', () => {
    // A sentence that also appears in a lesson, a scenario or a practice question is in the bundle for that reason.
    const elsewhere = [...otherContent, ...practiceText].join('\n');
    const certification = quizzes.flatMap((q) => poolsFor(q, 'certification').flatMap((p) => p.questions.flatMap(textsOf)));
    const fragments = certification.flatMap(fragmentsOf).filter((f) => !elsewhere.includes(f));
    expect(fragments.length).toBeGreaterThan(10);
    expect(fragments.filter((f) => bundle.includes(f))).toEqual([]);
  });
});
