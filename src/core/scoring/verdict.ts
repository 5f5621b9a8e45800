import type { RubricId } from '../content/vocabulary.ts';
import type { Evidence } from './reply-scorer.ts';

/** A rule that holds a level down: why, and the highest level it allows. */
export interface Limit {
  reason: string;
  max: number;
  /**
   * 'rubric' limits come from the rubric's own notes (pressure caps empathy at 1, a discount zeroes
   * value framing) and hold whatever the level model proposes; 'ladder' limits are the ladder's own
   * reading and only bind the ladder's level.
   */
  source: 'rubric' | 'ladder';
}

/** One rubric's level with its reasons, before feedback is written. */
export interface Verdict {
  rubric: RubricId;
  level: number;
  evidence: Evidence[];
  /** What held the level down, most binding first. */
  caps: string[];
  /** Short phrases naming what the reply did well, for feedback. */
  strengths: string[];
  /** Every limit that fired, binding or not; a later estimate of the level is held to them too. */
  limits: readonly Limit[];
}

/**
 * Builds a verdict step by step: raise with evidence, cap with a reason and
 * the highest level the reason allows. A cap that does not bind (the level was
 * already at or below it) still marks its evidence but is not named as a cap.
 */
export class VerdictBuilder {
  readonly evidence: Evidence[] = [];
  readonly strengths: string[] = [];
  private readonly limits: Limit[] = [];
  constructor(readonly rubric: RubricId) {}

  raise(span: { start: number; end: number }, signal: string): void {
    this.add(span, signal, 'raise');
  }

  /** Marks a span that held the level down; with a reason and `max`, limits the level. */
  cap(span: { start: number; end: number } | null, signal: string): void;
  cap(span: { start: number; end: number } | null, signal: string, reason: string, max: number, source?: Limit['source']): void;
  cap(span: { start: number; end: number } | null, signal: string, reason?: string, max?: number, source: Limit['source'] = 'rubric'): void {
    if (span) this.add(span, signal, 'cap');
    if (reason !== undefined && max !== undefined && !this.limits.some((l) => l.reason === reason)) this.limits.push({ reason, max, source });
  }

  good(strength: string): void {
    if (!this.strengths.includes(strength)) this.strengths.push(strength);
  }

  done(uncapped: number): Verdict {
    return settleVerdict({ rubric: this.rubric, level: uncapped, evidence: this.evidence, caps: [], strengths: this.strengths, limits: this.limits }, uncapped);
  }

  private add(span: { start: number; end: number }, signal: string, effect: 'raise' | 'cap'): void {
    if (span.end <= span.start) return;
    if (this.evidence.some((e) => e.start === span.start && e.end === span.end && e.signal === signal)) return;
    this.evidence.push({ rubric: this.rubric, start: span.start, end: span.end, signal, effect });
  }
}

/**
 * Holds a proposed level to the verdict's limits (only the rubric's own, when
 * the level model proposed it). A limit at or below the proposed level
 * explains the result and is named; one above it is not.
 */
export function settleVerdict(verdict: Verdict, proposed: number, from: 'ladder' | 'model' = 'ladder'): Verdict {
  const binding = verdict.limits.filter((l) => l.max <= proposed && (from === 'ladder' || l.source === 'rubric')).sort((a, b) => a.max - b.max);
  const level = Math.max(0, Math.min(4, proposed, ...binding.map((l) => l.max)));
  return { ...verdict, level, caps: binding.map((l) => l.reason), strengths: level < proposed && level === 0 ? [] : verdict.strengths };
}
