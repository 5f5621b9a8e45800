import type { Skill } from '../../core/content/vocabulary.ts';
import { skillLevels, type CompletedRun } from '../../core/progress/progress.ts';
import type { RubricResult } from '../../core/scoring/reply-scorer.ts';
import { humanLevels, overrideJson, type OverrideRow } from '../review/overrides.ts';

/** A synced practice run as lists read it (without the run's full state). */
export interface PracticeRunListRow {
  id: string;
  user_id: string;
  run_id: string;
  scenario_id: string;
  scenario_title: string;
  finished_at: Date;
  outcome: string;
  kind: string;
  score: number | null;
  levels: Partial<Record<Skill, number>>;
  replies: number;
  synced_at: Date;
  /** Replies with at least one override. */
  overridden: number;
}

/** A synced practice run with its whole state, for review. */
export interface PracticeRunRow extends PracticeRunListRow {
  run: CompletedRun;
}

const LIST_FIELDS = 'p.id, p.user_id, p.run_id, p.scenario_id, p.scenario_title, p.finished_at, p.outcome, p.kind, p.score, p.levels, p.replies, p.synced_at';

/** Columns for lists: no run state, plus the number of reviewed replies. */
export const PRACTICE_LIST_COLUMNS = `${LIST_FIELDS},
  (select count(distinct o.turn_index)::int from overrides o where o.practice_run_id = p.id) as overridden`;

/** Columns for review: everything. */
export const PRACTICE_COLUMNS = `${PRACTICE_LIST_COLUMNS}, p.run`;

/** How many scored replies a run has. */
export function replyCount(run: CompletedRun): number {
  return run.state.turns.filter((t) => t.kind === 'reply' && t.results?.length).length;
}

/** A rubric result with the level that counts (a reviewer's, when there is one) and the scorer's kept beside it. */
export type ReviewedResult = RubricResult & { scoredLevel: number };

/** One scored reply of a practice run, with human levels applied. */
export interface PracticeReply {
  turn: number;
  node: string;
  buyer: string;
  reply: string;
  results: ReviewedResult[];
  overrides: OverrideRow[];
}

/** Applies the newest override of each rubric to a reply's results. */
export function reviewedResults(results: readonly RubricResult[], overrides: readonly OverrideRow[] | undefined): ReviewedResult[] {
  const human = humanLevels(overrides);
  return results.map((r) => ({ ...r, scoredLevel: r.level, level: human[r.rubric] ?? r.level }));
}

/** The scored replies of a run, each with the buyer line it answered; overrides keyed by turn index. */
export function practiceReplies(run: CompletedRun, overridesByTurn: ReadonlyMap<number, OverrideRow[]>): PracticeReply[] {
  const replies: PracticeReply[] = [];
  run.state.turns.forEach((turn, index) => {
    if (turn.kind !== 'reply' || !turn.results?.length) return;
    const at = run.state.transcript.findIndex((e) => e.kind === 'rep' && e.turn === index);
    const buyer = run.state.transcript.slice(0, at < 0 ? 0 : at).findLast((e) => e.kind === 'buyer');
    replies.push({ turn: index, node: turn.node, buyer: buyer?.text ?? '', reply: turn.text, results: reviewedResults(turn.results, overridesByTurn.get(index)), overrides: overridesByTurn.get(index) ?? [] });
  });
  return replies;
}

/**
 * The run's skill levels with human levels counted: the rubric skills are
 * recomputed from the reviewed replies; the other skills (from the run's
 * score) stay as played.
 */
export function reviewedLevels(run: CompletedRun, replies: readonly PracticeReply[]): Partial<Record<Skill, number>> {
  if (!replies.some((r) => r.overrides.length)) return run.levels;
  const turns = run.state.turns.map((turn, index) => {
    const reply = replies.find((r) => r.turn === index);
    return reply ? { ...turn, results: reply.results } : turn;
  });
  return { ...run.levels, ...skillLevels({ ...run.state, turns, score: null }, []) };
}

/** Overrides of one run keyed by turn index. */
export function byTurn(overrides: readonly OverrideRow[]): Map<number, OverrideRow[]> {
  const map = new Map<number, OverrideRow[]>();
  for (const o of overrides) {
    if (o.turn_index === null) continue;
    const list = map.get(o.turn_index);
    if (list) list.push(o);
    else map.set(o.turn_index, [o]);
  }
  return map;
}

/** A synced run as the API lists it (docs/api.md "Practice results"). */
export function practiceRunSummary(row: PracticeRunListRow) {
  return {
    id: row.id,
    runId: row.run_id,
    scenarioId: row.scenario_id,
    scenarioTitle: row.scenario_title,
    finishedAt: row.finished_at,
    syncedAt: row.synced_at,
    outcome: row.outcome,
    kind: row.kind,
    score: row.score,
    levels: row.levels,
    replies: row.replies,
    overridden: row.overridden,
  };
}

/** A scored practice reply as the review API returns it. */
export function practiceReplyJson(row: PracticeRunRow, reply: PracticeReply, rep: { id: string; name: string }, withEvidence: boolean) {
  return {
    source: 'practice' as const,
    runId: row.id,
    turn: reply.turn,
    rep,
    at: row.finished_at,
    title: row.scenario_title,
    scenarioId: row.scenario_id,
    buyer: reply.buyer,
    known: [] as string[],
    reply: reply.reply,
    results: reply.results.map((r) => (withEvidence ? r : { rubric: r.rubric, level: r.level, scoredLevel: r.scoredLevel, caps: r.caps, feedback: r.feedback })),
    overrides: reply.overrides.map(overrideJson),
  };
}
