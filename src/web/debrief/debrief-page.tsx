import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { lessons, scenarioData } from 'virtual:parley-content';
import { LABELS, type RubricId } from '../../core/content/vocabulary.ts';
import { replay } from '../../core/engine/engine.ts';
import { bestExample, lessonsToRevisit, weakestRubric } from '../../core/progress/debrief.ts';
import { summarizeScenario, type Scenario } from '../../core/scenario/scenario.ts';
import { paths } from '../paths.ts';
import { useProgress } from '../progress/progress-store.ts';
import { noScorer } from '../../core/scoring/reply-scorer.ts';
import { loadScorer } from '../scoring/load-scorer.ts';
import { EvidenceText } from '../scoring/evidence-text.tsx';
import { ScoreDetails } from '../scoring/reply-score.tsx';
import { SharedRunNote } from './shared-run-note.tsx';

/** The end of a run: outcome, overall score, every scored reply with its evidence, and ways to go again. */
export function DebriefPage() {
  const { runId = '' } = useParams();
  const navigate = useNavigate();
  const status = useProgress((s) => s.status);
  const run = useProgress((s) => s.runs.find((r) => r.id === runId));
  const [scenario, setScenario] = useState<Scenario | null>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!run) return;
    const load = scenarioData[run.scenarioId];
    if (!load) {
      setScenario(null);
      return;
    }
    void load().then(
      (m) => setScenario(m.default ?? null),
      () => setScenario(null),
    );
  }, [run?.scenarioId]);

  if (status === 'loading') return <p className="page narrow" role="status">Loading your results…</p>;
  if (!run) {
    return (
      <section className="page narrow">
        <h1>Result not found</h1>
        <p>This result is not in this browser's progress. It may have been cleared, or recorded in another browser.</p>
        <p>
          <Link to={paths.progress.to()}>See your progress</Link>
        </p>
      </section>
    );
  }

  const state = run.state;
  const lastBuyer = [...state.transcript].reverse().find((e) => e.kind === 'buyer');
  const nodeTitle = (id: string) => scenario?.nodes[id]?.title ?? id;
  const weakest = weakestRubric(run.levels);
  const revisit = lessonsToRevisit(scenario?.lessons ?? [], lessons, weakest);

  const tryAgain = async () => {
    await useProgress.getState().discardActive(run.scenarioId);
    void navigate(paths.play.to(run.scenarioId));
  };

  // Every input the rep gave left one line of theirs in the transcript, in order: the k-th is where input k was given.
  const said = state.transcript.filter((e) => e.kind === 'rep');

  /** Replays the run up to one of the rep's moves and continues from there as the run in progress. */
  const restartAt = async (inputIndex: number) => {
    if (!scenario) return;
    setError(undefined);
    const inputs = state.inputs.slice(0, inputIndex);
    const scorer = await (inputs.some((i) => i.type === 'reply') ? loadScorer() : Promise.resolve(noScorer(state.scorerVersion))).catch(() => undefined);
    if (!scorer) {
      setError('The scorer could not be loaded to replay your replies. Check your connection and try again.');
      return;
    }
    const replayed = replay(scenario, state.seed, inputs, scorer);
    if (replayed.error || replayed.inputs.length !== inputs.length || replayed.contentHash !== state.contentHash) {
      setError('This scenario has changed since this run, so it cannot be replayed to that turn. Try again from the start instead.');
      return;
    }
    await useProgress.getState().saveActive(summarizeScenario(scenario), replayed);
    void navigate(paths.play.to(run.scenarioId));
  };

  return (
    <article className="page narrow debrief">
      <p className="breadcrumb">
        <Link to={paths.practice.to()}>Practice</Link>
      </p>
      <h1>Debrief: {run.scenarioTitle}</h1>
      <section aria-label="Outcome" className={`outcome outcome-${run.kind}`}>
        <p className="outcome-label">
          {state.status === 'stuck' ? 'The conversation could not go on' : `Outcome: ${run.outcome}`}
        </p>
        {lastBuyer?.kind === 'buyer' && (
          <blockquote className="last-word">
            <strong>{lastBuyer.speaker}:</strong> {lastBuyer.text}
          </blockquote>
        )}
        {state.outcome?.feedback && <p>{state.outcome.feedback}</p>}
        {state.stuckReason && <p>{state.stuckReason}</p>}
        <p className="overall-score">{run.score === null ? 'This scenario is not scored.' : `Overall score: ${run.score}%`}</p>
        <SharedRunNote runId={run.id} />
        {state.violations.length > 0 && (
          <ul className="violations">
            {state.violations.map((v, i) => (
              <li key={i}>
                Compliance broken at “{nodeTitle(v.node)}”: {v.description}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="turns-heading">
        <h2 id="turns-heading">Turn by turn</h2>
        <ol className="debrief-turns">
          {state.turns.map((turn, i) => {
            const exit = scenario?.nodes[turn.node]?.exit;
            const example = exit?.kind === 'ask' ? bestExample(exit.ask.examples) : undefined;
            return (
              <li key={i} className="debrief-turn">
                <h3>{nodeTitle(turn.node)}</h3>
                {turn.kind === 'choice' ? (
                  <p>
                    You chose: “{turn.text}” <span className="meta">({turn.earned} of {turn.max} points)</span>
                  </p>
                ) : (
                  <>
                    <p className="meta">Your reply, {turn.earned} of {turn.max} points:</p>
                    {turn.results ? <ScoreDetails text={turn.text} results={turn.results} /> : <EvidenceText text={turn.text} evidence={[]} />}
                    {example && (
                      <div className="example-reply">
                        <h4>The trainer's example</h4>
                        <blockquote>{example.text}</blockquote>
                        <p className="meta">
                          Rated{' '}
                          {Object.entries(example.levels)
                            .map(([r, l]) => `${LABELS[r as RubricId]} ${l}/4`)
                            .join(', ')}
                        </p>
                      </div>
                    )}
                  </>
                )}
                {turn.violations.map((v) => (
                  <p key={v.rule} className="violation">
                    Compliance: {v.description}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      </section>

      {revisit.length > 0 && (
        <section aria-labelledby="revisit-heading">
          <h2 id="revisit-heading">Lessons to revisit</h2>
          <ul>
            {revisit.map((l) => (
              <li key={l.id}>
                <Link to={paths.lesson.to(l.id)}>{l.title}</Link>
                {weakest && l.skills.includes(weakest) ? ` (for ${LABELS[weakest].toLowerCase()}, your weakest skill in this run)` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="again-heading" className="again">
        <h2 id="again-heading">Go again</h2>
        <p>
          <button type="button" onClick={() => void tryAgain()}>
            Try again
          </button>
        </p>
        {scenario && said.length > 0 && (
          <details>
            <summary>Try a different approach from an earlier turn</summary>
            <ol className="restart-points">
              {said.map((entry, i) => (
                <li key={i}>
                  <button type="button" className="secondary" onClick={() => void restartAt(i)}>
                    Restart at “{nodeTitle(entry.node)}”
                  </button>{' '}
                  <span className="meta">where you said “{entry.text.length > 80 ? `${entry.text.slice(0, 80)}…` : entry.text}”</span>
                </li>
              ))}
            </ol>
          </details>
        )}
        {scenario === null && <p className="notice">This scenario is no longer in the library, so it cannot be replayed.</p>}
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}
      </section>
    </article>
  );
}
