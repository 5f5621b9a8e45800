/**
 * A run in progress saved as what it is: its input log. The terminal writes
 * one after every turn and resumes by replaying it, so a saved run is tiny,
 * readable, and always agrees with the engine that replays it.
 */
import { z } from 'zod';
import { replay } from '../engine/engine.ts';
import type { RunInput, RunState } from '../engine/run-state.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ReplyScorer } from '../scoring/reply-scorer.ts';

export const RUN_LOG_FORMAT = 'parley-run-log';
export const RUN_LOG_VERSION = 1;

/** A run in progress: the scenario (and its version), the seed and every input so far. */
export interface RunLog {
  format: typeof RUN_LOG_FORMAT;
  version: typeof RUN_LOG_VERSION;
  scenarioId: string;
  scenarioTitle: string;
  /** The scenario's content hash when the run started: a changed scenario cannot be replayed faithfully. */
  contentHash: string;
  scorerVersion: string;
  seed: number;
  inputs: RunInput[];
  /** ISO 8601. */
  updatedAt: string;
}

/** The log of a run as it stands. */
export function runLogOf(state: RunState, scenario: Pick<Scenario, 'id' | 'title'>, updatedAt: string): RunLog {
  return {
    format: RUN_LOG_FORMAT,
    version: RUN_LOG_VERSION,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    contentHash: state.contentHash,
    scorerVersion: state.scorerVersion,
    seed: state.seed,
    inputs: state.inputs,
    updatedAt,
  };
}

const logSchema = z.object({
  format: z.literal(RUN_LOG_FORMAT, { error: `this is not a Parley run log (its "format" should be "${RUN_LOG_FORMAT}")` }),
  version: z.literal(RUN_LOG_VERSION, { error: `this version of Parley reads run logs of version ${RUN_LOG_VERSION}` }),
  scenarioId: z.string().min(1),
  scenarioTitle: z.string(),
  contentHash: z.string(),
  scorerVersion: z.string(),
  seed: z.number().int(),
  inputs: z.array(z.union([z.object({ type: z.literal('choose'), index: z.number().int().min(0) }), z.object({ type: z.literal('reply'), text: z.string() })])),
  updatedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time (ISO 8601)'),
});

/** Reads a saved run log; on failure says what is wrong and where. */
export function parseRunLog(text: string): { ok: true; log: RunLog } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const result = logSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return { ok: false, error: where ? `${where}: ${issue.message}` : issue.message };
  }
  return { ok: true, log: result.data as RunLog };
}

/** Why a saved run could not be picked up. */
export type ResumeProblem = 'scenario-changed' | 'replay-refused';

/**
 * Rebuilds a saved run by replaying its inputs. A run saved against another
 * version of the scenario, or one whose inputs the engine no longer accepts,
 * is not resumed: replaying it would not be the conversation the rep had.
 */
export function resumeRun(scenario: Scenario, log: RunLog, scorer: ReplyScorer): { ok: true; state: RunState } | { ok: false; problem: ResumeProblem } {
  if (log.scenarioId !== scenario.id || log.contentHash !== scenario.contentHash) return { ok: false, problem: 'scenario-changed' };
  const state = replay(scenario, log.seed, log.inputs, scorer);
  if (state.error || state.inputs.length !== log.inputs.length) return { ok: false, problem: 'replay-refused' };
  return { ok: true, state };
}

/** Whether replaying the log needs the rubric scorer (it holds typed replies). */
export function logNeedsScorer(log: Pick<RunLog, 'inputs'>): boolean {
  return log.inputs.some((i) => i.type === 'reply');
}
