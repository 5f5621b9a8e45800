import { LABELS } from '../../core/content/vocabulary.ts';
import type { Evidence, RubricResult } from '../../core/scoring/reply-scorer.ts';
import { EvidenceText } from './evidence-text.tsx';

/** "Active listening 3/4 · Empathy 2/4": the levels at a glance. */
export function ScoreSummary({ results }: { results: readonly RubricResult[] }) {
  return (
    <ul className="score-summary" aria-label="Scores">
      {results.map((r) => (
        <li key={r.rubric} className={`level level-${r.level}`}>
          {LABELS[r.rubric]} <strong>{r.level}/4</strong>
        </li>
      ))}
    </ul>
  );
}

/** Each rubric's level with the reply highlighted for it, what capped it, and the coaching. */
export function ScoreDetails({ text, results }: { text: string; results: readonly RubricResult[] }) {
  return (
    <div className="score-details">
      {results.map((r) => (
        <section key={r.rubric} aria-label={`${LABELS[r.rubric]}: level ${r.level} of 4`} className="rubric-result">
          <h4>
            {LABELS[r.rubric]}: {r.level}/4
          </h4>
          <RubricEvidence text={text} result={r} />
        </section>
      ))}
    </div>
  );
}

/** One rubric's reading of the reply: the reply highlighted, the evidence listed, what capped the level, and the coaching. */
export function RubricEvidence({ text, result }: { text: string; result: Pick<RubricResult, 'caps' | 'feedback'> & { evidence?: readonly Evidence[] } }) {
  const evidence = result.evidence ?? [];
  return (
    <>
      <EvidenceText text={text} evidence={evidence} />
      {evidence.length > 0 && (
        <ul className="evidence-list">
          {evidence.map((e, i) => (
            <li key={i} className={`evidence-item evidence-item-${e.effect}`}>
              <span className="evidence-effect">{e.effect === 'cap' ? 'Held down' : 'Earned'}:</span> {e.signal} (“{text.slice(e.start, e.end)}”)
            </li>
          ))}
        </ul>
      )}
      {result.caps.length > 0 && (
        <p className="caps">
          <strong>Capped:</strong> {result.caps.join('; ')}
        </p>
      )}
      <p className="feedback">{result.feedback}</p>
    </>
  );
}
