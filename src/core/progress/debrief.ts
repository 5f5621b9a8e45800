/**
 * What a debrief draws from a finished run, the same in every face: the
 * trainer's best example for each ask, the skill to work on, and the lessons
 * to revisit, that skill's first.
 */
import { RUBRIC_IDS, type RubricId, type Skill } from '../content/vocabulary.ts';
import type { ExampleReply } from '../scenario/scenario.ts';
import type { CompletedRun } from './progress.ts';

/** The trainer's best example for an ask: the one with the highest levels. */
export function bestExample(examples: readonly ExampleReply[]): ExampleReply | undefined {
  const total = (e: ExampleReply) => Object.values(e.levels).reduce((sum, l) => sum + (l ?? 0), 0);
  return [...examples].sort((a, b) => total(b) - total(a))[0];
}

/** The rubric this run scored lowest on, below 3, to point the lessons at it. */
export function weakestRubric(levels: CompletedRun['levels']): RubricId | undefined {
  const scored = RUBRIC_IDS.filter((r) => levels[r] !== undefined && levels[r] < 3);
  return [...scored].sort((a, b) => levels[a]! - levels[b]!)[0];
}

/**
 * The scenario's lessons that exist in the library, in the scenario's order
 * except that lessons teaching the weakest skill come first.
 */
export function lessonsToRevisit<L extends { id: string; skills: readonly Skill[] }>(lessonIds: readonly string[], library: readonly L[], weakest: RubricId | undefined): L[] {
  const teaches = (l: L) => Number(weakest !== undefined && l.skills.includes(weakest));
  return lessonIds
    .map((id) => library.find((l) => l.id === id))
    .filter((l) => l !== undefined)
    .sort((a, b) => teaches(b) - teaches(a));
}
