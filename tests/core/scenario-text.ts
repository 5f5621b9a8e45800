import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import type { RubricId } from '../../src/core/content/vocabulary.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';
import type { ReplyScorer } from '../../src/core/scoring/reply-scorer.ts';

/** Front matter for tiny test scenarios; `extra` is raw YAML appended to it. */
export function scenarioText(body: string, extra = ''): string {
  return `---
id: tiny
title: Tiny
summary: A test scenario.
persona: { name: Sam, role: Buyer, company: Acme, style: Calm, brief: None. }
industry: Testing
skills: [empathy]
lessons: [empathy]
methodology: general
objection: none
difficulty: beginner
minutes: 1
scoring: path
${extra}
---
${body}`;
}

/** Compiles a tiny scenario and fails loudly if it has errors, so engine tests start from valid content. */
export function tinyScenario(body: string, extra = ''): Scenario {
  const { value, diagnostics } = compileScenario(scenarioText(body, extra), 'scenarios/tiny.md');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!value || errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return value;
}

/** A scorer that hands out one set of levels per reply, in order (e.g. the levels of a recorded path). */
export function scriptedScorer(levels: Partial<Record<RubricId, number>>[]): ReplyScorer {
  const queue = [...levels];
  return {
    version: 'scripted',
    score: (_reply, _context, rubrics) => {
      const next = queue.shift() ?? {};
      return rubrics.map((rubric) => ({ rubric, level: next[rubric] ?? 0, evidence: [], caps: [], feedback: '' }));
    },
  };
}
