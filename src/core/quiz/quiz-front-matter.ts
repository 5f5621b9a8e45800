import { z } from 'zod';
import { SKILLS } from '../content/vocabulary.ts';
import { TIMEOUT_ACTIONS } from './quiz.ts';

const ID = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The schema of a quiz's front matter (see docs/authoring.md). Strict: an unknown key is a diagnostic. */
export const quizSchema = z.strictObject({
  id: ID,
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  certificate: z.strictObject({
    name: z.string().trim().min(1),
    valid_days: z.number().int().min(1).max(3650),
  }),
  time_limit_minutes: z.number().int().min(1).max(240),
  on_timeout: z.enum(TIMEOUT_ACTIONS).default('submit'),
  pass_mark: z.number().min(1).max(100),
  attempts: z.number().int().min(1).max(20),
  shuffle: z.boolean().default(true),
  skills: z.array(z.enum(SKILLS)).default([]),
  lessons: z.array(ID).default([]),
  pools: z
    .array(
      z.strictObject({
        // A pool id is the slug of its "##" heading, which need not be plain kebab-case.
        id: z.string().trim().min(1),
        pick: z.number().int().min(1),
        practice: z.boolean().default(false),
      }),
    )
    .min(1),
});

export type QuizFrontMatter = z.infer<typeof quizSchema>;

export const QUIZ_HINTS = {
  id: 'use lowercase words joined by hyphens, matching the file name',
  title: 'the quiz name shown to reps',
  summary: 'one line shown in the quiz list',
  certificate: 'certificate: { name: Certified in ..., valid_days: 365 } (valid_days 1-3650)',
  time_limit_minutes: 'a whole number of minutes from 1 to 240',
  on_timeout: `use one of: ${TIMEOUT_ACTIONS.join(', ')}`,
  pass_mark: 'the percent of the available points needed to pass, from 1 to 100',
  attempts: 'certification attempts per rep, a whole number from 1 to 20',
  shuffle: 'true or false',
  skills: `a list of: ${SKILLS.join(', ')}`,
  lessons: 'a list of lesson ids (file names in content/lessons/ without .md)',
  pools: 'a list of { id: <slug of a "##" heading>, pick: N } entries; add practice: true to a pool for practice mode',
};
