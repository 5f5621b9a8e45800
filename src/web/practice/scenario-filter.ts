import type { Methodology, Skill } from '../../core/content/vocabulary.ts';
import type { Objection, ScenarioSummary } from '../../core/scenario/scenario.ts';

/** What the practice catalogue is filtered by; kept in the URL. */
export interface ScenarioFilter {
  objection?: Objection;
  methodology?: Methodology;
  skill?: Skill;
}

export function filterScenarios(scenarios: readonly ScenarioSummary[], filter: ScenarioFilter): ScenarioSummary[] {
  return scenarios.filter(
    (s) =>
      (!filter.objection || s.objection === filter.objection) &&
      (!filter.methodology || s.methodology === filter.methodology) &&
      (!filter.skill || s.skills.includes(filter.skill)),
  );
}
