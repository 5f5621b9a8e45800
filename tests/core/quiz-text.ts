import { readFileSync } from 'node:fs';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import type { Quiz } from '../../src/core/quiz/quiz.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** A quiz file around `body`; `pools` and `extra` are raw YAML. */
export function quizText(body: string, pools = '  - { id: core, pick: 1 }\n  - { id: warm-up, pick: 1, practice: true }', extra = ''): string {
  return `---
id: tiny
title: Tiny
summary: A test quiz.
certificate: { name: Tiny certificate, valid_days: 30 }
time_limit_minutes: 5
pass_mark: 50
attempts: 2
${extra}pools:
${pools}
---
${body}`;
}

/** A practice pool to append to a body, so tiny quizzes have one. */
export const WARM_UP = '\n## Warm-up\n\n### Warm\n`true-false`\n\nWarm-up is practice.\n\n- [x] True\n- [ ] False\n';

/** Compiles a tiny quiz and fails loudly if it has errors, so tests start from valid content. */
export function tinyQuiz(body: string, pools?: string, extra?: string): Quiz {
  const { value, diagnostics } = compileQuiz(quizText(body, pools, extra), 'content/quizzes/tiny.md');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!value || errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return value;
}

/** The example quiz in tests/fixtures/quizzes (all five question types). */
export function exampleQuiz(): Quiz {
  const file = 'tests/fixtures/quizzes/objection-basics.md';
  const { value } = compileQuiz(readFileSync(`${ROOT}/${file}`, 'utf8'), file);
  if (!value) throw new Error('the example quiz does not compile');
  return value;
}
