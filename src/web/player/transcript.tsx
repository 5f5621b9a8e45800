import type { RunState, Turn } from '../../core/engine/run-state.ts';
import { ScoreDetails, ScoreSummary } from '../scoring/reply-score.tsx';

/** The rep's scored reply: a compact score, with the evidence one click away. */
function TurnScore({ turn }: { turn: Turn }) {
  return (
    <div className="turn-score">
      {turn.results && <ScoreSummary results={turn.results} />}
      {turn.violations.map((v) => (
        <p key={v.rule} className="violation">
          Compliance: {v.description} ({v.fails === 'run' ? 'this fails the whole conversation' : 'this turn scores 0'})
        </p>
      ))}
      {turn.results && (
        <details>
          <summary>Show the evidence</summary>
          <ScoreDetails text={turn.text} results={turn.results} />
        </details>
      )}
    </div>
  );
}

/** The conversation so far, as a chat log the screen reader follows. */
export function Transcript({ state }: { state: RunState }) {
  return (
    // The log role sits on a wrapper: on the list itself it would hide the list's items from assistive technology.
    <div role="log" aria-label="Conversation">
      <ol className="transcript">
        {state.transcript.map((entry, i) => {
          if (entry.kind === 'narration') {
            return (
              <li key={i} className="line narration">
                {entry.text}
              </li>
            );
          }
          if (entry.kind === 'buyer') {
            return (
              <li key={i} className="line buyer">
                <span className="speaker">{entry.speaker}</span>
                <p>{entry.text}</p>
              </li>
            );
          }
          const turn = entry.turn === undefined ? undefined : state.turns[entry.turn];
          return (
            <li key={i} className="line rep">
              <span className="speaker">You</span>
              <p>{entry.text}</p>
              {turn?.kind === 'reply' && <TurnScore turn={turn} />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
