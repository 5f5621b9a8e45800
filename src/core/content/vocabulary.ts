/** The closed vocabularies that content may use; a value outside them is a diagnostic. */

export const SKILLS = [
  'active_listening',
  'empathy',
  'value_framing',
  'discovery',
  'qualification',
  'objection_handling',
  'closing',
  'negotiation',
  'prospecting',
  'follow_up',
  'rapport',
] as const;
export type Skill = (typeof SKILLS)[number];

export const METHODOLOGIES = ['general', 'spin', 'challenger', 'sandler', 'qualification'] as const;
export type Methodology = (typeof METHODOLOGIES)[number];

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

/** The rubrics a reply can be scored on. */
export const RUBRIC_IDS = ['active_listening', 'empathy', 'value_framing'] as const;
export type RubricId = (typeof RUBRIC_IDS)[number];

/** Human labels for vocabulary values, shared by every face. */
export const LABELS: Readonly<Record<Skill | Methodology | Level, string>> = {
  active_listening: 'Active listening',
  empathy: 'Empathy',
  value_framing: 'Value framing',
  discovery: 'Discovery',
  qualification: 'Qualification',
  objection_handling: 'Objection handling',
  closing: 'Closing',
  negotiation: 'Negotiation',
  prospecting: 'Prospecting',
  follow_up: 'Follow-up',
  rapport: 'Rapport',
  general: 'General',
  spin: 'SPIN',
  challenger: 'Challenger',
  sandler: 'Sandler',
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};
