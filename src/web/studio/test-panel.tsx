import { useState } from 'react';
import { LABELS } from '../../core/content/vocabulary.ts';
import { testScenario, type ScenarioTestReport } from '../../core/explore/scenario-test.ts';
import type { Scenario } from '../../core/scenario/scenario.ts';
import { loadScorer } from '../scoring/load-scorer.ts';

/** Which nodes the tester reached, for the map; tied to the text it was measured on. */
export interface Coverage {
  text: string;
  covered: ReadonlySet<string>;
}

const RANDOM_RUNS = 200;

/** Runs the tester on the scenario being edited: every path, seeded random walks, and the example replies against the scorer. */
export function TestPanel({ scenario, text, onCoverage, onJump }: { scenario: Scenario; text: string; onCoverage(c: Coverage): void; onJump(line: number): void }) {
  const [report, setReport] = useState<{ text: string; report: ScenarioTestReport }>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();

  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const scorer = await loadScorer();
      const result = testScenario(scenario, { runs: RANDOM_RUNS, seed: 1, scorer });
      setReport({ text, report: result });
      onCoverage({ text, covered: new Set(result.exhaustive.covered) });
    } catch (e) {
      setError(`The tester could not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(false);
    }
  };

  const r = report?.report;
  return (
    <div className="test-panel">
      <p>
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? 'Testing…' : r ? 'Run the tests again' : 'Run the tests'}
        </button>{' '}
        {report && report.text !== text && <span className="meta">The file changed since this run.</span>}
      </p>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {r && (
        <div role="status" aria-label="Test results">
          <p className={r.failures.length ? 'notice' : 'success'}>
            {r.failures.length ? `${r.failures.length} ${r.failures.length === 1 ? 'problem' : 'problems'}` : 'Every node and ending can be reached; no run gets stuck.'}
          </p>
          {r.failures.length > 0 && (
            <ul>
              {r.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
          <h3>Coverage</h3>
          <p>
            {Math.round(r.exhaustive.coverage * 100)}% of {r.exhaustive.nodes} nodes reached by some path ({r.exhaustive.statesExplored} states explored); the map marks the rest.
          </p>
          <h3>Endings</h3>
          <ul>
            {r.exhaustive.endings.map((e) => (
              <li key={e.node}>
                {scenario.nodes[e.node]?.title ?? e.node} ({e.outcome}): shortest path {e.path.length} {e.path.length === 1 ? 'move' : 'moves'}, reached by {r.random.outcomes[e.outcome] ?? 0} of {r.random.runs} random runs
              </li>
            ))}
          </ul>
          <p className="meta">
            Random runs: {r.random.runs} (seed {r.random.seed}), moves per run {r.random.pathLength.min}-{r.random.pathLength.max} (median {r.random.pathLength.median}); stuck {r.random.stuck}, endless {r.random.endless}.
          </p>
          <h3>Example replies</h3>
          {r.examples && r.examples.disagreements.length === 0 ? (
            <p className="success">All {r.examples.checked} example replies score the levels you gave them.</p>
          ) : (
            <ul aria-label="Example replies the scorer rates differently">
              {r.examples?.disagreements.map((d, i) => (
                <li key={i}>
                  <button type="button" className="problem problem-warning" onClick={() => onJump(d.at.line)}>
                    <span className="problem-where">line {d.at.line}</span> {LABELS[d.rubric]}: you wrote {d.expected}, the scorer gives {d.scored}: “{d.text.length > 90 ? `${d.text.slice(0, 90)}…` : d.text}”
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
