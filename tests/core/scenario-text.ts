import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';

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
