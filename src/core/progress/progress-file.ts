/**
 * The progress file: everything a learner has done, as one JSON document
 * they can keep, move to another browser and import again. Importing checks
 * every field and says where the file is wrong; it never half-imports.
 */
import { z } from 'zod';
import { SKILLS } from '../content/vocabulary.ts';
import type { ActiveRun, CompletedRun, Progress } from './progress.ts';

export const PROGRESS_FORMAT = 'parley-progress';
export const PROGRESS_FORMAT_VERSION = 1;

export interface ProgressFile extends Progress {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_FORMAT_VERSION;
  exportedAt: string;
}

export function progressFile(progress: Progress, exportedAt: string): ProgressFile {
  return { format: PROGRESS_FORMAT, version: PROGRESS_FORMAT_VERSION, exportedAt, runs: progress.runs, active: progress.active };
}

// Stored in one form (UTC, toISOString) whatever offset the file used, so times compare correctly as text.
const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time (ISO 8601)')
  .transform((s) => new Date(s).toISOString());
const level = z.number().min(0).max(4);

// The run state is checked for the fields the app reads; the rest of it is kept as it is.
const runState = z.looseObject({
  scenarioId: z.string().min(1),
  contentHash: z.string(),
  scorerVersion: z.string(),
  seed: z.number(),
  status: z.enum(['awaiting-choice', 'awaiting-reply', 'ended', 'stuck']),
  node: z.string(),
  variables: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  visits: z.record(z.string(), z.number()),
  usedChoices: z.array(z.string()),
  transcript: z.array(z.looseObject({ kind: z.enum(['buyer', 'narration', 'rep']), node: z.string(), text: z.string() })),
  turns: z.array(
    z.looseObject({
      node: z.string(),
      kind: z.enum(['choice', 'reply']),
      text: z.string(),
      earned: z.number(),
      max: z.number(),
      results: z
        .array(
          z.looseObject({
            rubric: z.string(),
            level,
            evidence: z.array(z.looseObject({ start: z.number().int().min(0), end: z.number().int().min(0), signal: z.string(), effect: z.enum(['raise', 'cap']) })),
            caps: z.array(z.string()),
            feedback: z.string(),
          }),
        )
        .optional(),
      violations: z.array(z.looseObject({})),
    }),
  ),
  violations: z.array(z.looseObject({})),
  events: z.array(z.looseObject({ type: z.string() })),
  inputs: z.array(z.union([z.object({ type: z.literal('choose'), index: z.number().int().min(0) }), z.object({ type: z.literal('reply'), text: z.string() })])),
  score: z.number().min(0).max(100).nullable(),
});

const completedRun = z.object({
  id: z.string().min(1),
  scenarioId: z.string().min(1),
  scenarioTitle: z.string(),
  finishedAt: isoTime,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'),
  outcome: z.string(),
  kind: z.enum(['won', 'lost', 'neutral']),
  score: z.number().min(0).max(100).nullable(),
  levels: z.partialRecord(z.enum(SKILLS), level),
  state: runState,
});

/** One finished run, checked as an imported progress file checks it (the team server's practice sync uses it too). */
export const completedRunSchema = completedRun;

const activeRun = z.object({
  scenarioId: z.string().min(1),
  scenarioTitle: z.string(),
  updatedAt: isoTime,
  state: runState,
});

const fileSchema = z.object({
  format: z.literal(PROGRESS_FORMAT, { error: `this is not a Parley progress file (its "format" should be "${PROGRESS_FORMAT}")` }),
  version: z.literal(PROGRESS_FORMAT_VERSION, { error: `this app reads progress files of version ${PROGRESS_FORMAT_VERSION}` }),
  exportedAt: isoTime,
  runs: z.array(completedRun),
  active: z.array(activeRun),
});

export type ParsedProgressFile = { ok: true; file: ProgressFile } | { ok: false; error: string };

/** Reads a progress file's text; on failure says what is wrong and where ("runs[3].score: ..."). */
export function parseProgressFile(text: string): ParsedProgressFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the file is not valid JSON (${(error as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: `this is not a Parley progress file (it should be a JSON object with "format": "${PROGRESS_FORMAT}")` };
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
    return { ok: false, error: where ? `${where}: ${issue.message}` : issue.message };
  }
  return { ok: true, file: result.data as unknown as ProgressFile };
}

/** What an import changed. */
export interface ImportSummary {
  added: number;
  alreadyThere: number;
  activeAdded: number;
}

/**
 * Merges an imported file into the current progress: finished runs are added
 * unless a run with the same id is already there; an in-progress run is taken
 * only when it is newer than the one held for its scenario. Nothing is lost.
 */
export function mergeProgress(current: Progress, incoming: Progress): { progress: Progress; summary: ImportSummary } {
  const ids = new Set(current.runs.map((r) => r.id));
  const added: CompletedRun[] = [];
  for (const run of incoming.runs) {
    if (ids.has(run.id)) continue; // already here, or listed twice in the file
    ids.add(run.id);
    added.push(run);
  }
  const active = new Map<string, ActiveRun>(current.active.map((a) => [a.scenarioId, a]));
  let activeAdded = 0;
  for (const a of incoming.active) {
    const held = active.get(a.scenarioId);
    if (!held || held.updatedAt < a.updatedAt) {
      active.set(a.scenarioId, a);
      activeAdded++;
    }
  }
  return {
    progress: { runs: [...current.runs, ...added], active: [...active.values()] },
    summary: { added: added.length, alreadyThere: incoming.runs.length - added.length, activeAdded },
  };
}
