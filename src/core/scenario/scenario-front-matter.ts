import { z } from 'zod';
import { LEVELS, METHODOLOGIES, SKILLS } from '../content/vocabulary.ts';
import { OBJECTIONS, SCORING_MODES } from './scenario.ts';

const ID = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const variableValue = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.strictObject({ value: z.number(), min: z.number().optional(), max: z.number().optional() }),
]);

/** The schema of a scenario's front matter (see docs/authoring.md). */
export const scenarioSchema = z.strictObject({
  id: ID,
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  persona: z.strictObject({
    name: z.string().trim().min(1),
    role: z.string().trim().min(1),
    company: z.string().trim().min(1),
    style: z.string().trim().min(1),
    brief: z.string().trim().min(1),
  }),
  industry: z.string().trim().min(1),
  known: z.array(z.string().trim().min(1)).default([]),
  variables: z.record(z.string().regex(VARIABLE_NAME), variableValue).default({}),
  skills: z.array(z.enum(SKILLS)).min(1),
  lessons: z.array(ID).min(1),
  methodology: z.enum(METHODOLOGIES),
  objection: z.enum(OBJECTIONS),
  difficulty: z.enum(LEVELS),
  minutes: z.number().int().min(1).max(60),
  scoring: z.enum(SCORING_MODES),
  shuffle: z.boolean().default(false),
  compliance: z
    .record(
      ID,
      z.strictObject({
        rule: z.string().trim().min(1),
        fails: z.enum(['turn', 'run']),
        detect: z.array(z.string().min(1)).default([]),
      }),
    )
    .default({}),
});

export type ScenarioFrontMatter = z.infer<typeof scenarioSchema>;

export const SCENARIO_HINTS = {
  id: 'use lowercase words joined by hyphens, matching the file name',
  persona: 'persona has name, role, company, style and brief',
  variables: 'name: initial value (true, false, a number, "text") or { value: 1, min: 0, max: 5 }',
  skills: `list one or more of: ${SKILLS.join(', ')}`,
  lessons: 'a list of lesson ids (file names in content/lessons/ without .md)',
  methodology: `use one of: ${METHODOLOGIES.join(', ')}`,
  objection: `use one of: ${OBJECTIONS.join(', ')}`,
  difficulty: `use one of: ${LEVELS.join(', ')}`,
  minutes: 'a whole number of minutes between 1 and 60',
  scoring: `use one of: ${SCORING_MODES.join(', ')}`,
  compliance: 'rule-id: { rule: "...", fails: turn | run, detect: [regex, ...] }',
};
