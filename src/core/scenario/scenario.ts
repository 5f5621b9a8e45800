import type { SourcePosition } from '../content/diagnostic.ts';
import type { Level, Methodology, RubricId, Skill } from '../content/vocabulary.ts';
import type { Condition } from './condition.ts';

/** A variable's value: scenarios use numbers, booleans and strings. */
export type Value = number | boolean | string;

/** A variable declared in the front matter, with its initial value and optional bounds. */
export interface VariableSpec {
  name: string;
  type: 'number' | 'boolean' | 'string';
  initial: Value;
  min?: number;
  max?: number;
}

/** A change to a variable, made by a choice, a jump or a branch. */
export type Effect =
  | { kind: 'add'; variable: string; amount: number; at: SourcePosition }
  | { kind: 'set'; variable: string; value: Value; at: SourcePosition };

/** A reply the rep can pick. */
export interface Choice {
  /** Position in the node's list of choices; the input that picks it. */
  index: number;
  text: string;
  target: string;
  effects: Effect[];
  /** When present, the choice is only available while this holds. */
  condition?: Condition;
  /** When the condition fails: shown disabled with this reason; without one, hidden. */
  disabledReason?: string;
  once: boolean;
  /** How good the choice is, 0-4 (used by `scoring: path`). */
  score?: number;
  /** Compliance rules broken by picking it. */
  breaks: string[];
  at: SourcePosition;
}

/** One arm of an if/otherwise list; `condition` undefined is `otherwise`. */
export interface Branch {
  condition?: Condition;
  target: string;
  effects: Effect[];
  at: SourcePosition;
}

/** A trainer-written example reply with the levels it deserves. */
export interface ExampleReply {
  text: string;
  levels: Partial<Record<RubricId, number>>;
  at: SourcePosition;
}

/** A free-text turn scored on rubrics. */
export interface Ask {
  prompt: string;
  rubrics: RubricId[];
  keyPoints: string[];
  examples: ExampleReply[];
  at: SourcePosition;
}

export type OutcomeKind = 'won' | 'lost' | 'neutral';

export interface Ending {
  /** `won`, `lost`, `neutral` or the author's own label. */
  outcome: string;
  /** How the outcome counts: custom labels count as neutral. */
  kind: OutcomeKind;
  /** 0-100, used by `scoring: ending`. */
  score?: number;
  feedback: string;
  at: SourcePosition;
}

/** What a node shows before the rep acts. */
export type Line =
  | { kind: 'buyer'; speaker: string; text: string; at: SourcePosition }
  | { kind: 'narration'; text: string; at: SourcePosition };

/** How the conversation leaves a node. */
export type NodeExit =
  | { kind: 'choices'; choices: Choice[] }
  | { kind: 'jump'; target: string; effects: Effect[]; at: SourcePosition }
  | { kind: 'branches'; branches: Branch[] }
  | { kind: 'ask'; ask: Ask; branches: Branch[] }
  | { kind: 'end'; ending: Ending };

export interface ScenarioNode {
  id: string;
  title: string;
  lines: Line[];
  /** Undefined only in a scenario with diagnostics (a loose end). */
  exit?: NodeExit;
  at: SourcePosition;
}

export interface Persona {
  name: string;
  role: string;
  company: string;
  style: string;
  /** Private to trainers; never shown to the rep. */
  brief: string;
}

export interface ComplianceRule {
  id: string;
  rule: string;
  /** `turn` scores the turn 0; `run` fails the whole run. */
  fails: 'turn' | 'run';
  /** Case-insensitive regular expressions that detect the move in a typed reply. */
  detect: string[];
}

export const OBJECTIONS = [
  'price', 'competitor', 'status-quo', 'timing', 'trust', 'authority', 'no-need', 'stall', 'bad-experience', 'lock-in', 'budget', 'none',
] as const;
export type Objection = (typeof OBJECTIONS)[number];

export const SCORING_MODES = ['path', 'ending', 'none'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

/**
 * A compiled scenario: immutable content, plain JSON (it crosses from the
 * build to the browser). A run's progress lives in `RunState`, never here.
 */
export interface Scenario {
  id: string;
  title: string;
  summary: string;
  persona: Persona;
  industry: string;
  known: string[];
  variables: VariableSpec[];
  skills: Skill[];
  lessons: string[];
  methodology: Methodology;
  objection: Objection;
  difficulty: Level;
  minutes: number;
  scoring: ScoringMode;
  shuffle: boolean;
  compliance: ComplianceRule[];
  /** Node ids in file order; the first is the start. */
  order: string[];
  nodes: Record<string, ScenarioNode>;
  start: string;
  /** Hash of the source text: a run records it so its score can be reproduced. */
  contentHash: string;
  file: string;
}

/** What the practice catalogue shows of a scenario: no nodes, no trainer-only brief. */
export interface ScenarioSummary
  extends Pick<Scenario, 'id' | 'title' | 'summary' | 'industry' | 'skills' | 'lessons' | 'methodology' | 'objection' | 'difficulty' | 'minutes'> {
  persona: Pick<Persona, 'name' | 'role' | 'company'>;
  /** Whether some turns take a typed, scored reply (the scorer loads for those). */
  typedReplies: boolean;
}

export function summarizeScenario(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    persona: { name: s.persona.name, role: s.persona.role, company: s.persona.company },
    industry: s.industry,
    skills: s.skills,
    lessons: s.lessons,
    methodology: s.methodology,
    objection: s.objection,
    difficulty: s.difficulty,
    minutes: s.minutes,
    typedReplies: Object.values(s.nodes).some((n) => n.exit?.kind === 'ask'),
  };
}

/** How each objection type reads in a filter. */
export const OBJECTION_LABELS: Readonly<Record<Objection, string>> = {
  price: 'Price',
  competitor: 'Competitor',
  'status-quo': 'Status quo',
  timing: 'Timing',
  trust: 'Trust',
  authority: 'Authority',
  'no-need': 'No need',
  stall: 'Stall',
  'bad-experience': 'Bad experience',
  'lock-in': 'Lock-in',
  budget: 'Budget',
  none: 'No objection',
};
