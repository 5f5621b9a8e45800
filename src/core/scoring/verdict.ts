import type { RubricId } from '../content/vocabulary.ts';
import type { Evidence } from './reply-scorer.ts';

/** One rubric's level with its reasons, before feedback is written. */
export interface Verdict {
  rubric: RubricId;
  level: number;
  evidence: Evidence[];
  /** What held the level down, most binding first. */
  caps: string[];
  /** Short phrases naming what the reply did well, for feedback. */
  strengths: string[];
}

/**
 * Builds a verdict step by step: raise with evidence, cap with a reason and
 * the highest level the reason allows. A cap that does not bind (the level was
 * already at or below it) still marks its evidence but is not named as a cap.
 */
export class VerdictBuilder {
  readonly evidence: Evidence[] = [];
  readonly strengths: string[] = [];
  private readonly limits: { reason: string; max: number }[] = [];
  constructor(readonly rubric: RubricId) {}

  raise(span: { start: number; end: number }, signal: string): void {
    this.add(span, signal, 'raise');
  }

  /** Marks a span that held the level down; with a reason and `max`, limits the level. */
  cap(span: { start: number; end: number } | null, signal: string): void;
  cap(span: { start: number; end: number } | null, signal: string, reason: string, max: number): void;
  cap(span: { start: number; end: number } | null, signal: string, reason?: string, max?: number): void {
    if (span) this.add(span, signal, 'cap');
    if (reason !== undefined && max !== undefined && !this.limits.some((l) => l.reason === reason)) this.limits.push({ reason, max });
  }

  good(strength: string): void {
    if (!this.strengths.includes(strength)) this.strengths.push(strength);
  }

  done(uncapped: number): Verdict {
    // A cap at or below the level the reply would otherwise reach explains the result; one above it does not.
    const binding = this.limits.filter((l) => l.max <= uncapped).sort((a, b) => a.max - b.max);
    const level = Math.max(0, Math.min(4, uncapped, ...binding.map((l) => l.max)));
    return { rubric: this.rubric, level, evidence: this.evidence, caps: binding.map((l) => l.reason), strengths: level < uncapped && level === 0 ? [] : this.strengths };
  }

  private add(span: { start: number; end: number }, signal: string, effect: 'raise' | 'cap'): void {
    if (span.end <= span.start) return;
    if (this.evidence.some((e) => e.start === span.start && e.end === span.end && e.signal === signal)) return;
    this.evidence.push({ rubric: this.rubric, start: span.start, end: span.end, signal, effect });
  }
}
