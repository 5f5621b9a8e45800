/**
 * A learner's progress: the runs they finished, the runs still in progress,
 * and what follows from them (each skill's level over time, best scores,
 * streaks, what to practise next). Plain JSON, stored by the face (IndexedDB
 * in the browser) and exported or imported as one file.
 */
import { RUBRIC_IDS, SKILLS, type RubricId, type Skill } from '../content/vocabulary.ts';
import type { RunState } from '../engine/run-state.ts';
import type { OutcomeKind, ScenarioSummary } from '../scenario/scenario.ts';

/** A run that reached an ending (or got stuck), kept for the debrief and the charts. */
export interface CompletedRun {
  /** Unique per run. */
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  /** When it ended, ISO 8601. */
  finishedAt: string;
  /** The learner's local calendar day it ended on (YYYY-MM-DD): streaks count days where they live. */
  day: string;
  outcome: string;
  kind: OutcomeKind;
  /** 0-100 by the scenario's scoring mode; null when the scenario is not scored. */
  score: number | null;
  /** Each practised skill's level in this run, 0-4 (see `skillLevels`). */
  levels: Partial<Record<Skill, number>>;
  /** The whole run, for its debrief. */
  state: RunState;
}

/** A run in progress, saved after every turn so a reload resumes it. One per scenario. */
export interface ActiveRun {
  scenarioId: string;
  scenarioTitle: string;
  /** ISO 8601. */
  updatedAt: string;
  state: RunState;
}

export interface Progress {
  runs: CompletedRun[];
  active: ActiveRun[];
}

export const EMPTY_PROGRESS: Progress = { runs: [], active: [] };

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A run's level per skill, 0-4. The three rubric skills take the mean level
 * their rubric earned over the run's scored replies; every other skill the
 * scenario practises takes the run's score (0-100) on the same 0-4 scale,
 * because choices are scored as a whole path, not per skill.
 */
export function skillLevels(state: RunState, skills: readonly Skill[]): Partial<Record<Skill, number>> {
  const levels: Partial<Record<Skill, number>> = {};
  const results = state.turns.flatMap((t) => t.results ?? []);
  for (const rubric of RUBRIC_IDS) {
    const mine = results.filter((r) => r.rubric === rubric);
    if (mine.length) levels[rubric] = round1(mine.reduce((sum, r) => sum + r.level, 0) / mine.length);
  }
  if (state.score !== null) {
    for (const skill of skills) {
      if (levels[skill] === undefined && !(RUBRIC_IDS as readonly string[]).includes(skill)) levels[skill] = round1(state.score / 25);
    }
  }
  return levels;
}

/** Builds the record of a finished run. */
export function completeRun(state: RunState, scenario: Pick<ScenarioSummary, 'id' | 'title' | 'skills'>, at: { id: string; iso: string; day: string }): CompletedRun {
  return {
    id: at.id,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    finishedAt: at.iso,
    day: at.day,
    outcome: state.outcome?.outcome ?? 'stuck',
    kind: state.outcome?.kind ?? 'neutral',
    score: state.score,
    levels: skillLevels(state, scenario.skills),
    state,
  };
}

/** The learner's calendar day for a moment, where they are (streaks count local days). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Oldest first. */
const byTime = (a: CompletedRun, b: CompletedRun) => a.finishedAt.localeCompare(b.finishedAt);

/** One point of a skill's history: the level it reached in one run. */
export interface SkillPoint {
  finishedAt: string;
  day: string;
  scenarioId: string;
  scenarioTitle: string;
  level: number;
}

/** Each skill's level run by run, oldest first; skills never practised are absent. */
export function skillHistory(runs: readonly CompletedRun[]): Partial<Record<Skill, SkillPoint[]>> {
  const history: Partial<Record<Skill, SkillPoint[]>> = {};
  for (const run of [...runs].sort(byTime)) {
    for (const skill of SKILLS) {
      const level = run.levels[skill];
      if (level === undefined) continue;
      (history[skill] ??= []).push({ finishedAt: run.finishedAt, day: run.day, scenarioId: run.scenarioId, scenarioTitle: run.scenarioTitle, level });
    }
  }
  return history;
}

/**
 * Runs with the skill levels a manager's review left in place of the scorer's,
 * keyed by run id: the human levels count wherever levels are shown or summed.
 */
export function withReviewedLevels(runs: readonly CompletedRun[], reviewed: ReadonlyMap<string, Partial<Record<Skill, number>>>): CompletedRun[] {
  return runs.map((run) => {
    const levels = reviewed.get(run.id);
    return levels ? { ...run, levels: { ...run.levels, ...levels } } : run;
  });
}

/** A skill's current level: the mean of its last three runs, so one bad day does not define it. */
export function currentSkillLevels(runs: readonly CompletedRun[]): Partial<Record<Skill, number>> {
  const out: Partial<Record<Skill, number>> = {};
  for (const [skill, points] of Object.entries(skillHistory(runs)) as [Skill, SkillPoint[]][]) {
    const recent = points.slice(-3);
    out[skill] = round1(recent.reduce((sum, p) => sum + p.level, 0) / recent.length);
  }
  return out;
}

/** Per scenario: how many times it was finished, the best score and the best outcome kind. */
export interface ScenarioRecord {
  attempts: number;
  best: number | null;
  won: boolean;
}

export function scenarioRecords(runs: readonly CompletedRun[]): Record<string, ScenarioRecord> {
  const out: Record<string, ScenarioRecord> = {};
  for (const run of runs) {
    const record = (out[run.scenarioId] ??= { attempts: 0, best: null, won: false });
    record.attempts++;
    if (run.score !== null) record.best = Math.max(record.best ?? 0, run.score);
    if (run.kind === 'won') record.won = true;
  }
  return out;
}

/** Consecutive days with at least one finished run: the current streak (ending today or yesterday) and the longest. */
export function streaks(runs: readonly CompletedRun[], today: string): { current: number; longest: number } {
  const days = [...new Set(runs.map((r) => r.day))].sort();
  const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && dayNumber(days[i]!) - dayNumber(days[i - 1]!) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = days.at(-1);
  const current = last !== undefined && dayNumber(today) - dayNumber(last) <= 1 ? run : 0;
  return { current, longest };
}

const DIFFICULTY_ORDER = { beginner: 0, intermediate: 1, advanced: 2 } as const;

/** What to practise next and why. */
export interface Recommendation {
  scenario: ScenarioSummary;
  skill: Skill;
  /** The skill's current level, or undefined when it was never practised. */
  level: number | undefined;
  reason: string;
}

/**
 * The next practice, weakest skill first: among the skills the catalogue
 * practises, the one never practised or with the lowest current level; then
 * the scenario for it the learner has not finished (easiest first), else
 * the one with the lowest best score.
 */
export function recommendNext(scenarios: readonly ScenarioSummary[], runs: readonly CompletedRun[], labels: Readonly<Record<Skill, string>>): Recommendation | undefined {
  if (!scenarios.length) return undefined;
  const levels = currentSkillLevels(runs);
  const records = scenarioRecords(runs);
  const practised = SKILLS.filter((skill) => scenarios.some((s) => s.skills.includes(skill)));
  // Never practised sorts first (as -1); ties keep the vocabulary's order, which starts with the core skills.
  const weakest = [...practised].sort((a, b) => (levels[a] ?? -1) - (levels[b] ?? -1))[0]!;
  const candidates = scenarios.filter((s) => s.skills.includes(weakest));
  const ranked = [...candidates].sort((a, b) => {
    const ra = records[a.id];
    const rb = records[b.id];
    if (!ra !== !rb) return ra ? 1 : -1;
    if (ra && rb && (ra.best ?? 0) !== (rb.best ?? 0)) return (ra.best ?? 0) - (rb.best ?? 0);
    return DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title);
  });
  const scenario = ranked[0]!;
  const level = levels[weakest];
  const reason =
    level === undefined
      ? `You have not practised ${labels[weakest].toLowerCase()} yet.`
      : `${labels[weakest]} is your weakest skill right now (level ${level} of 4).`;
  return { scenario, skill: weakest, level, reason };
}
