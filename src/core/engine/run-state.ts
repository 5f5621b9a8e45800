import type { OutcomeKind, Value } from '../scenario/scenario.ts';
import type { RubricResult } from '../scoring/reply-scorer.ts';

/** What the rep does at a turn: pick a choice (by its index in the node) or type a reply. */
export type RunInput = { type: 'choose'; index: number } | { type: 'reply'; text: string };

/** One line of the conversation as it happened. */
export type TranscriptEntry =
  | { kind: 'buyer'; node: string; speaker: string; text: string }
  | { kind: 'narration'; node: string; text: string }
  | { kind: 'rep'; node: string; text: string; turn?: number };

/** A compliance rule broken during the run. */
export interface Violation {
  rule: string;
  description: string;
  fails: 'turn' | 'run';
  node: string;
  /** The reply's text span that matched a detect pattern, when typed. */
  match?: { start: number; end: number; text: string };
}

/** A scored turn: what the rep did at a node and what it earned. */
export interface Turn {
  node: string;
  kind: 'choice' | 'reply';
  text: string;
  earned: number;
  max: number;
  /** For typed replies: each rubric's result. */
  results?: RubricResult[];
  violations: Violation[];
}

/** Something that happened, in order; the hook for analytics and LMS statements. */
export type RunEvent =
  | { type: 'node-entered'; node: string }
  | { type: 'choice-made'; node: string; index: number; text: string }
  | { type: 'reply-scored'; node: string; results: RubricResult[] }
  | { type: 'compliance-broken'; node: string; rule: string; fails: 'turn' | 'run' }
  | { type: 'run-ended'; node: string; outcome: string; score: number | null }
  | { type: 'run-stuck'; node: string; reason: string };

export type RunStatus = 'awaiting-choice' | 'awaiting-reply' | 'ended' | 'stuck';

/**
 * The progress of one run: plain JSON, saved and restored as is. It is always
 * derivable from (scenario, seed, inputs) by replay.
 */
export interface RunState {
  scenarioId: string;
  contentHash: string;
  scorerVersion: string;
  seed: number;
  status: RunStatus;
  node: string;
  variables: Record<string, Value>;
  visits: Record<string, number>;
  /** Once-only choices already used, as "node#index". */
  usedChoices: string[];
  transcript: TranscriptEntry[];
  turns: Turn[];
  violations: Violation[];
  events: RunEvent[];
  inputs: RunInput[];
  outcome?: { outcome: string; kind: OutcomeKind; feedback: string; node: string };
  /** 0-100 by the scenario's scoring mode, once ended; null when the mode is none. */
  score: number | null;
  /** Why the run cannot go on (status `stuck`). */
  stuckReason?: string;
  /** The last input was refused; the state is otherwise unchanged. */
  error?: string;
}
