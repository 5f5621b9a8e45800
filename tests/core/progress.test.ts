import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS, type Skill } from '../../src/core/content/vocabulary.ts';
import { start, step } from '../../src/core/engine/engine.ts';
import type { RunInput, RunState } from '../../src/core/engine/run-state.ts';
import { mergeProgress, parseProgressFile, progressFile } from '../../src/core/progress/progress-file.ts';
import {
  completeRun,
  currentSkillLevels,
  EMPTY_PROGRESS,
  recommendNext,
  scenarioRecords,
  skillHistory,
  skillLevels,
  streaks,
  withReviewedLevels,
  type ActiveRun,
  type CompletedRun,
  type Progress,
} from '../../src/core/progress/progress.ts';
import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import { summarizeScenario, type Scenario, type ScenarioSummary } from '../../src/core/scenario/scenario.ts';
import { forcedScorer, type ReplyScorer } from '../../src/core/scoring/reply-scorer.ts';
import { scriptedScorer, tinyScenario } from './scenario-text.ts';

const choose = (index: number): RunInput => ({ type: 'choose', index });
const reply = (text: string): RunInput => ({ type: 'reply', text });

const PRICE_PREMIUM = readFileSync(new URL('../../scenarios/price-premium.md', import.meta.url), 'utf8');

function compile(text: string): Scenario {
  const { value, diagnostics } = compileScenario(text, 'scenarios/price-premium.md');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!value || errors.length) throw new Error(errors.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return value;
}

/** Plays a run through the real engine, failing loudly if an input is refused. */
function play(scenario: Scenario, inputs: readonly RunInput[], scorer: ReplyScorer): RunState {
  let state = start(scenario, { seed: 1, scorer });
  for (const input of inputs) {
    state = step(scenario, state, input, scorer);
    if (state.error) throw new Error(`${JSON.stringify(input)} refused: ${state.error}`);
  }
  return state;
}

// price-premium practises active_listening, empathy, value_framing, objection_handling and negotiation, scored by path.
const premium = compile(PRICE_PREMIUM);
const unscoredPremium = compile(PRICE_PREMIUM.replace('scoring: path', 'scoring: none'));
const replyLevels = forcedScorer({ active_listening: 2, empathy: 3, value_framing: 4 });
/** Scope gap, a typed reply, performance terms, the CFO meeting: won, 21 of 24 points. */
const BEST_PATH = [choose(0), reply('So the gap is people and minutes.'), choose(1), choose(0)];
/** An instant discount that breaks a rule: lost, 0 of 4 points. */
const CAVE_PATH = [choose(2)];
const wonState = play(premium, BEST_PATH, replyLevels);
const caveState = play(premium, CAVE_PATH, replyLevels);

/** A catalogue entry: the real price-premium summary with the fields a test cares about replaced. */
function entry(id: string, skills: Skill[], difficulty: ScenarioSummary['difficulty'] = 'beginner'): ScenarioSummary {
  return { ...summarizeScenario(premium), id, title: `Scenario ${id}`, skills, difficulty };
}

/** A finished run with the fields a test cares about; its state is a real won run. */
function finished(over: Partial<CompletedRun> & { id: string; day: string }): CompletedRun {
  return {
    scenarioId: 'price-premium',
    scenarioTitle: premium.title,
    finishedAt: `${over.day}T10:00:00.000Z`,
    outcome: 'won',
    kind: 'won',
    score: 88,
    levels: {},
    state: wonState,
    ...over,
  };
}

const onDays = (...days: string[]) => days.map((day, i) => finished({ id: `run-${i}`, day }));

describe('a run\'s skill levels', () => {
  it('rubric skills take the mean level their rubric earned over the run\'s scored replies', () => {
    const WON = '## Won\n:::end{outcome="won" score="90"}\nNice.\n:::\n';
    const s = tinyScenario(`## First\n:::ask{rubrics="empathy,value_framing"}\nSay it.\n:::\n-> [Second](#second)\n\n## Second\n:::ask{rubrics="empathy"}\nAgain.\n:::\n-> [Won](#won)\n\n${WON}`);
    const state = play(s, [reply('One.'), reply('Two.')], scriptedScorer([{ empathy: 3, value_framing: 2 }, { empathy: 2 }]));
    expect(skillLevels(state, ['empathy', 'value_framing'])).toEqual({ empathy: 2.5, value_framing: 2 });
  });

  it('every other skill the scenario practises takes the run\'s score on the 0-4 scale', () => {
    expect(wonState.score).toBe(88);
    expect(skillLevels(wonState, premium.skills)).toEqual({ active_listening: 2, empathy: 3, value_framing: 4, objection_handling: 3.5, negotiation: 3.5 });
  });

  it('a rubric skill the run never scored is left out rather than taken from the score, and a score of 0 is level 0', () => {
    expect(caveState).toMatchObject({ status: 'ended', score: 0 });
    expect(skillLevels(caveState, premium.skills)).toEqual({ objection_handling: 0, negotiation: 0 });
  });

  it('a run with no score gives only its rubric skills', () => {
    const state = play(unscoredPremium, BEST_PATH, replyLevels);
    expect(state.score).toBeNull();
    expect(skillLevels(state, unscoredPremium.skills)).toEqual({ active_listening: 2, empathy: 3, value_framing: 4 });
  });
});

describe('completing a run', () => {
  it('records the scenario, the ending, the score and the levels under the given id, time and day', () => {
    const run = completeRun(wonState, summarizeScenario(premium), { id: 'r1', iso: '2026-03-02T18:30:00.000Z', day: '2026-03-02' });
    expect(run).toEqual({
      id: 'r1',
      scenarioId: 'price-premium',
      scenarioTitle: 'Thirty percent over the other bid',
      finishedAt: '2026-03-02T18:30:00.000Z',
      day: '2026-03-02',
      outcome: 'won',
      kind: 'won',
      score: 88,
      levels: { active_listening: 2, empathy: 3, value_framing: 4, objection_handling: 3.5, negotiation: 3.5 },
      state: wonState,
    });
  });

  it('a run that got stuck is recorded as stuck and neutral', () => {
    const WON = '## Won\n:::end{outcome="won" score="90"}\nNice.\n:::\n';
    const s = tinyScenario(`## A\n- "Go" -> [B](#b)\n- "Win" -> [Won](#won)\n\n## B\n-> [C](#c)\n\n## C\n-> [B](#b)\n\n${WON}`);
    const state = play(s, [choose(0)], forcedScorer({}));
    expect(state.status).toBe('stuck');
    expect(completeRun(state, summarizeScenario(s), { id: 'r1', iso: '2026-03-02T18:30:00.000Z', day: '2026-03-02' })).toMatchObject({ outcome: 'stuck', kind: 'neutral' });
  });
});

describe('skill history', () => {
  it('lists each skill\'s level run by run, oldest first, and leaves out skills never practised', () => {
    const runs = [
      finished({ id: 'b', day: '2026-03-02', scenarioId: 'two', levels: { empathy: 3 } }),
      finished({ id: 'a', day: '2026-03-01', scenarioId: 'one', levels: { empathy: 1, closing: 2 } }),
    ];
    const history = skillHistory(runs);
    expect(history.empathy?.map((p) => [p.day, p.scenarioId, p.level])).toEqual([['2026-03-01', 'one', 1], ['2026-03-02', 'two', 3]]);
    expect(history.closing?.map((p) => p.level)).toEqual([2]);
    expect(Object.keys(history).sort()).toEqual(['closing', 'empathy']);
  });

  it('a skill\'s current level is the mean of its three most recent runs only', () => {
    // Listed out of time order: the oldest run (level 0) must be the one left out.
    const runs = [
      finished({ id: 'b', day: '2026-03-02', levels: { empathy: 4 } }),
      finished({ id: 'd', day: '2026-03-04', levels: { empathy: 2 } }),
      finished({ id: 'a', day: '2026-03-01', levels: { empathy: 0 } }),
      finished({ id: 'c', day: '2026-03-03', levels: { empathy: 3 } }),
    ];
    expect(currentSkillLevels(runs)).toEqual({ empathy: 3 });
  });

  it('a skill practised fewer than three times takes the mean of the runs there are', () => {
    const runs = [finished({ id: 'a', day: '2026-03-01', levels: { closing: 1 } }), finished({ id: 'b', day: '2026-03-02', levels: { closing: 2 } })];
    expect(currentSkillLevels(runs)).toEqual({ closing: 1.5 });
  });
});

describe('scenario records', () => {
  it('counts the attempts, keeps the best score and whether the scenario was ever won', () => {
    const runs = [
      finished({ id: 'a', day: '2026-03-01', score: 0, kind: 'lost', outcome: 'lost' }),
      finished({ id: 'b', day: '2026-03-02', score: 88, kind: 'won', outcome: 'won' }),
      finished({ id: 'c', day: '2026-03-03', score: 40, kind: 'lost', outcome: 'lost' }),
      finished({ id: 'd', day: '2026-03-03', scenarioId: 'other', score: 30, kind: 'lost', outcome: 'lost' }),
    ];
    expect(scenarioRecords(runs)).toEqual({
      'price-premium': { attempts: 3, best: 88, won: true },
      other: { attempts: 1, best: 30, won: false },
    });
  });

  it('a scenario that is not scored has no best score', () => {
    expect(scenarioRecords([finished({ id: 'a', day: '2026-03-01', score: null, kind: 'neutral' })])).toEqual({ 'price-premium': { attempts: 1, best: null, won: false } });
  });
});

describe('streaks', () => {
  it('count consecutive days with a finished run, a day with several runs counting once', () => {
    expect(streaks(onDays('2026-03-01', '2026-03-02', '2026-03-02', '2026-03-03'), '2026-03-03')).toEqual({ current: 3, longest: 3 });
  });

  it('a streak that ended yesterday is still current', () => {
    expect(streaks(onDays('2026-03-01', '2026-03-02', '2026-03-03'), '2026-03-04')).toEqual({ current: 3, longest: 3 });
  });

  it('the current streak is 0 when the last run was two or more days before today', () => {
    expect(streaks(onDays('2026-03-01', '2026-03-02'), '2026-03-04')).toEqual({ current: 0, longest: 2 });
    expect(streaks(onDays('2026-03-01', '2026-03-02'), '2026-03-20')).toEqual({ current: 0, longest: 2 });
  });

  it('a missed day breaks the streak and the longest one is kept', () => {
    const days = onDays('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-07', '2026-03-08');
    expect(streaks(days, '2026-03-08')).toEqual({ current: 2, longest: 5 });
  });

  it('the last day of a month and the first of the next are consecutive', () => {
    expect(streaks(onDays('2026-01-30', '2026-01-31', '2026-02-01'), '2026-02-01')).toEqual({ current: 3, longest: 3 });
    expect(streaks(onDays('2025-12-31', '2026-01-01'), '2026-01-02')).toEqual({ current: 2, longest: 2 });
  });

  it('runs listed out of order count the same', () => {
    expect(streaks(onDays('2026-03-03', '2026-03-01', '2026-03-02'), '2026-03-03')).toEqual({ current: 3, longest: 3 });
  });

  it('no runs means no streak', () => {
    expect(streaks([], '2026-03-03')).toEqual({ current: 0, longest: 0 });
  });
});

describe('what to practise next', () => {
  it('a skill never practised is recommended first, however low the others are', () => {
    const catalogue = [entry('empathy-one', ['empathy']), entry('closing-one', ['closing'])];
    const runs = [finished({ id: 'a', day: '2026-03-01', scenarioId: 'empathy-one', levels: { empathy: 0.5 } })];
    expect(recommendNext(catalogue, runs, LABELS)).toMatchObject({ skill: 'closing', level: undefined, scenario: { id: 'closing-one' } });
  });

  it('with every skill practised, the one with the lowest current level wins', () => {
    const catalogue = [entry('empathy-one', ['empathy']), entry('closing-one', ['closing'])];
    const runs = [
      finished({ id: 'a', day: '2026-03-01', scenarioId: 'empathy-one', levels: { empathy: 3 } }),
      finished({ id: 'b', day: '2026-03-01', scenarioId: 'closing-one', levels: { closing: 1.5 } }),
    ];
    expect(recommendNext(catalogue, runs, LABELS)).toMatchObject({ skill: 'closing', level: 1.5, scenario: { id: 'closing-one' } });
  });

  it('only skills the catalogue practises are recommended', () => {
    const catalogue = [entry('empathy-one', ['empathy'])];
    const runs = [finished({ id: 'a', day: '2026-03-01', scenarioId: 'empathy-one', levels: { empathy: 3 } })];
    expect(recommendNext(catalogue, runs, LABELS)).toMatchObject({ skill: 'empathy', level: 3, scenario: { id: 'empathy-one' } });
  });

  it('among the scenarios for that skill, one not yet finished comes before one already finished', () => {
    const catalogue = [entry('done', ['closing'], 'beginner'), entry('fresh', ['closing'], 'advanced')];
    const runs = [finished({ id: 'a', day: '2026-03-01', scenarioId: 'done', score: 10, kind: 'lost', levels: { closing: 0.4 } })];
    expect(recommendNext(catalogue, runs, LABELS)?.scenario.id).toBe('fresh');
  });

  it('among unfinished scenarios for that skill, the easier difficulty comes first', () => {
    const catalogue = [entry('hard', ['closing'], 'advanced'), entry('medium', ['closing'], 'intermediate'), entry('easy', ['closing'], 'beginner')];
    expect(recommendNext(catalogue, [], LABELS)?.scenario.id).toBe('easy');
    expect(recommendNext(catalogue.filter((s) => s.id !== 'easy'), [], LABELS)?.scenario.id).toBe('medium');
  });

  it('when every scenario for that skill was finished, the one with the lowest best score comes first', () => {
    const catalogue = [entry('low', ['closing'], 'advanced'), entry('high', ['closing'], 'beginner')];
    const runs = [
      finished({ id: 'a', day: '2026-03-01', scenarioId: 'high', score: 70, levels: { closing: 2.8 } }),
      finished({ id: 'b', day: '2026-03-01', scenarioId: 'low', score: 20, levels: { closing: 0.8 } }),
    ];
    expect(recommendNext(catalogue, runs, LABELS)?.scenario.id).toBe('low');
  });

  it('an empty catalogue has nothing to recommend', () => {
    expect(recommendNext([], [finished({ id: 'a', day: '2026-03-01', levels: { empathy: 1 } })], LABELS)).toBeUndefined();
  });

  it('the reason for a never-practised skill names the skill', () => {
    const reason = recommendNext([entry('closing-one', ['closing'])], [], LABELS)?.reason;
    expect(reason).toMatch(/not practised/);
    expect(reason?.toLowerCase()).toContain('closing');
  });

  it('the reason for a weak skill names the skill and its level', () => {
    const runs = [finished({ id: 'a', day: '2026-03-01', scenarioId: 'objections', levels: { objection_handling: 1.5 } })];
    const reason = recommendNext([entry('objections', ['objection_handling'])], runs, LABELS)?.reason;
    expect(reason).toContain('Objection handling');
    expect(reason).toContain('1.5');
  });
});

describe('the progress file', () => {
  const active: ActiveRun = {
    scenarioId: 'price-premium',
    scenarioTitle: premium.title,
    updatedAt: '2026-03-03T09:00:00.000Z',
    state: play(premium, [choose(0)], replyLevels),
  };
  const progress: Progress = {
    runs: [
      completeRun(wonState, summarizeScenario(premium), { id: 'r1', iso: '2026-03-01T10:00:00.000Z', day: '2026-03-01' }),
      completeRun(caveState, summarizeScenario(premium), { id: 'r2', iso: '2026-03-02T10:00:00.000Z', day: '2026-03-02' }),
      completeRun(play(unscoredPremium, BEST_PATH, replyLevels), summarizeScenario(unscoredPremium), { id: 'r3', iso: '2026-03-02T11:00:00.000Z', day: '2026-03-02' }),
    ],
    active: [active],
  };
  const fileText = (p: Progress) => JSON.stringify(progressFile(p, '2026-03-03T12:00:00.000Z'));
  /** The exported file as plain JSON, to break one field at a time. */
  const exported = () => JSON.parse(fileText(progress)) as { format: unknown; version: unknown; runs: Record<string, unknown>[]; active: Record<string, unknown>[] } & Record<string, unknown>;
  const errorOf = (text: string) => {
    const parsed = parseProgressFile(text);
    return parsed.ok ? undefined : parsed.error;
  };

  it('exporting and importing gives back the same progress', () => {
    expect(active.state.status).toBe('awaiting-reply');
    const parsed = parseProgressFile(fileText(progress));
    expect(parsed).toEqual({ ok: true, file: progressFile(progress, '2026-03-03T12:00:00.000Z') });
  });

  it('an empty progress round-trips too', () => {
    expect(parseProgressFile(fileText(EMPTY_PROGRESS))).toEqual({ ok: true, file: progressFile(EMPTY_PROGRESS, '2026-03-03T12:00:00.000Z') });
  });

  it('a file that is not JSON is refused, saying it is not valid JSON', () => {
    expect(errorOf('{"format": "parley-progress",')).toMatch(/not valid JSON/);
  });

  it('a JSON file of another kind is refused as not a Parley progress file', () => {
    expect(errorOf(JSON.stringify({ ...exported(), format: 'notes-export' }))).toMatch(/not a Parley progress file/);
    expect(errorOf(JSON.stringify({ name: 'my-notes', items: [] }))).toMatch(/not a Parley progress file/);
  });

  it('a file of another version is refused, naming the version this app reads', () => {
    expect(errorOf(JSON.stringify({ ...exported(), version: 2 }))).toMatch(/^version: .*version 1/);
  });

  it('a bad field is named by its path', () => {
    const file = exported();
    file.runs[0]!.score = 140;
    expect(errorOf(JSON.stringify(file))).toMatch(/^runs\[0\]\.score: /);
  });

  it('a bad field deep inside a run\'s state is named by its full path', () => {
    const file = exported();
    const turns = (file.runs[0]!.state as { turns: { results?: { level: number }[] }[] }).turns;
    turns[1]!.results![2]!.level = 9;
    expect(errorOf(JSON.stringify(file))).toMatch(/^runs\[0\]\.state\.turns\[1\]\.results\[2\]\.level: /);
  });

  it('an in-progress run with a time that is not a date is named by its path', () => {
    const file = exported();
    file.active[0]!.updatedAt = 'this morning';
    expect(errorOf(JSON.stringify(file))).toBe('active[0].updatedAt: a date and time (ISO 8601)');
  });

  it('a finished run\'s day must be YYYY-MM-DD', () => {
    const file = exported();
    file.runs[1]!.day = '02/03/2026';
    expect(errorOf(JSON.stringify(file))).toBe('runs[1].day: a day as YYYY-MM-DD');
  });
});

describe('reading a progress file, beyond the fields', () => {
  const file = (runs: CompletedRun[], active: ActiveRun[] = []) => JSON.stringify(progressFile({ runs, active }, '2026-03-04T12:00:00.000Z'));

  it('JSON that is not an object is refused as not a Parley progress file', () => {
    for (const text of ['[]', 'null', '"hi"', '42']) {
      const parsed = parseProgressFile(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/not a Parley progress file/);
    }
  });

  it('times with an offset are stored in UTC, so they order correctly', () => {
    const run = { ...finished({ id: 'tz', day: '2026-03-01' }), finishedAt: '2026-03-01T10:00:00+02:00' };
    const parsed = parseProgressFile(file([run]));
    expect(parsed.ok && parsed.file.runs[0]!.finishedAt).toBe('2026-03-01T08:00:00.000Z');
  });

  it('a run listed twice in the file is imported once', () => {
    const parsed = parseProgressFile(file([finished({ id: 'twice', day: '2026-03-01' }), finished({ id: 'twice', day: '2026-03-01' })]));
    if (!parsed.ok) throw new Error(parsed.error);
    const { progress, summary } = mergeProgress({ runs: [], active: [] }, parsed.file);
    expect(progress.runs.map((r) => r.id)).toEqual(['twice']);
    expect(summary).toEqual({ added: 1, alreadyThere: 1, activeAdded: 0 });
  });
});

describe('importing progress', () => {
  const run = (id: string, day: string) => finished({ id, day });
  const activeAt = (scenarioId: string, updatedAt: string, seed: number): ActiveRun => ({
    scenarioId,
    scenarioTitle: scenarioId,
    updatedAt,
    state: { ...start(premium, { seed, scorer: replyLevels }), scenarioId },
  });

  it('adds the finished runs that are new', () => {
    const current: Progress = { runs: [run('a', '2026-03-01')], active: [] };
    const { progress, summary } = mergeProgress(current, { runs: [run('b', '2026-03-02'), run('c', '2026-03-03')], active: [] });
    expect(progress.runs.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(summary).toEqual({ added: 2, alreadyThere: 0, activeAdded: 0 });
  });

  it('skips a run whose id is already there and counts it as already there', () => {
    const mine = run('a', '2026-03-01');
    const theirs = { ...run('a', '2026-03-05'), score: 12 };
    const { progress, summary } = mergeProgress({ runs: [mine], active: [] }, { runs: [theirs, run('b', '2026-03-02')], active: [] });
    expect(progress.runs).toEqual([mine, run('b', '2026-03-02')]);
    expect(summary).toEqual({ added: 1, alreadyThere: 1, activeAdded: 0 });
  });

  it('importing the same file twice adds nothing the second time', () => {
    const incoming: Progress = { runs: [run('a', '2026-03-01'), run('b', '2026-03-02')], active: [activeAt('price-premium', '2026-03-02T10:00:00.000Z', 1)] };
    const once = mergeProgress(EMPTY_PROGRESS, incoming).progress;
    const twice = mergeProgress(once, incoming);
    expect(twice.progress).toEqual(once);
    expect(twice.summary).toEqual({ added: 0, alreadyThere: 2, activeAdded: 0 });
  });

  it('keeps the newer in-progress run for a scenario, whichever side it came from', () => {
    const older = activeAt('price-premium', '2026-03-02T10:00:00.000Z', 1);
    const newer = activeAt('price-premium', '2026-03-02T11:00:00.000Z', 2);
    const taken = mergeProgress({ runs: [], active: [older] }, { runs: [], active: [newer] });
    expect(taken.progress.active).toEqual([newer]);
    expect(taken.summary.activeAdded).toBe(1);
    const kept = mergeProgress({ runs: [], active: [newer] }, { runs: [], active: [older] });
    expect(kept.progress.active).toEqual([newer]);
    expect(kept.summary.activeAdded).toBe(0);
  });

  it('adds an in-progress run for a scenario that has none', () => {
    const mine = activeAt('price-premium', '2026-03-02T10:00:00.000Z', 1);
    const theirs = activeAt('no-need', '2026-03-01T10:00:00.000Z', 2);
    const { progress, summary } = mergeProgress({ runs: [], active: [mine] }, { runs: [], active: [theirs] });
    expect(progress.active).toEqual([mine, theirs]);
    expect(summary.activeAdded).toBe(1);
  });

  it('leaves the current progress as it was', () => {
    const current: Progress = { runs: [run('a', '2026-03-01')], active: [activeAt('price-premium', '2026-03-02T10:00:00.000Z', 1)] };
    const before = structuredClone(current);
    mergeProgress(current, { runs: [run('b', '2026-03-02')], active: [activeAt('price-premium', '2026-03-02T11:00:00.000Z', 2)] });
    expect(current).toEqual(before);
  });
});

describe('levels a manager reviewed', () => {
  it('replace the scorer\'s levels of that run only, and count in the current level', () => {
    const runs = [finished({ id: 'a', day: '2026-03-01', levels: { empathy: 1, value_framing: 2 } }), finished({ id: 'b', day: '2026-03-02', levels: { empathy: 1 } })];
    const reviewed = withReviewedLevels(runs, new Map([['a', { empathy: 3 }]]));
    expect(reviewed.map((r) => r.levels)).toEqual([{ empathy: 3, value_framing: 2 }, { empathy: 1 }]);
    expect(currentSkillLevels(reviewed).empathy).toBe(2);
    expect(runs[0]!.levels.empathy).toBe(1);
  });
});
