import type { Evidence } from '../../core/scoring/reply-scorer.ts';

interface Segment {
  text: string;
  effect?: 'raise' | 'cap';
  signals: string[];
}

/** Cuts the reply at every evidence boundary; where spans overlap, a cap outranks a raise (it is what the rep must fix). */
function segments(text: string, evidence: readonly Evidence[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const e of evidence) {
    cuts.add(Math.max(0, Math.min(text.length, e.start)));
    cuts.add(Math.max(0, Math.min(text.length, e.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const covering = evidence.filter((e) => e.start <= from && e.end >= to && e.end > e.start);
    const effect = covering.some((e) => e.effect === 'cap') ? 'cap' : covering.length ? 'raise' : undefined;
    out.push({ text: text.slice(from, to), effect, signals: [...new Set(covering.map((e) => e.signal))] });
  }
  return out;
}

/** A reply with its evidence highlighted: green for what earned points, amber for what capped them. */
export function EvidenceText({ text, evidence }: { text: string; evidence: readonly Evidence[] }) {
  return (
    <blockquote className="evidence-text">
      {segments(text, evidence).map((s, i) =>
        s.effect ? (
          <mark key={i} className={`evidence-${s.effect}`} title={s.signals.join('; ')}>
            {s.text}
            <span className="visually-hidden"> ({s.effect === 'cap' ? 'held down' : 'earned'}: {s.signals.join('; ')})</span>
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </blockquote>
  );
}
