import type { RubricId } from '../content/vocabulary.ts';
import type { Evidence } from './reply-scorer.ts';

/** One rubric's level with its reasons, before feedback is written. */
export interface Verdict {
  rubric: RubricId;
  level: number;
  evidence: Evidence[];
  caps: string[];
  /** Short phrases naming what the reply did well, for feedback. */
  strengths: string[];
}

/** Builds a verdict step by step: raise with evidence, cap with a reason. */
export class VerdictBuilder {
  readonly evidence: Evidence[] = [];
  readonly caps: string[] = [];
  readonly strengths: string[] = [];
  constructor(readonly rubric: RubricId) {}

  raise(span: { start: number; end: number }, signal: string): void {
    this.add(span, signal, 'raise');
  }

  /** Marks a span that held the level down; `reason` (a sentence) is added to the caps once. */
  cap(span: { start: number; end: number } | null, signal: string, reason?: string): void {
    if (span) this.add(span, signal, 'cap');
    if (reason && !this.caps.includes(reason)) this.caps.push(reason);
  }

  good(strength: string): void {
    if (!this.strengths.includes(strength)) this.strengths.push(strength);
  }

  done(level: number): Verdict {
    return { rubric: this.rubric, level: Math.max(0, Math.min(4, level)), evidence: this.evidence, caps: this.caps, strengths: this.strengths };
  }

  private add(span: { start: number; end: number }, signal: string, effect: 'raise' | 'cap'): void {
    if (span.end <= span.start) return;
    if (this.evidence.some((e) => e.start === span.start && e.end === span.end && e.signal === signal)) return;
    this.evidence.push({ rubric: this.rubric, start: span.start, end: span.end, signal, effect });
  }
}
