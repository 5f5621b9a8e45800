import { useId, useState } from 'react';
import { offeredChoices, start, step } from '../../core/engine/engine.ts';
import type { RunInput, RunState } from '../../core/engine/run-state.ts';
import type { Scenario, Value } from '../../core/scenario/scenario.ts';
import { RULES_SCORER_VERSION } from '../../core/scoring/scorer-version.ts';
import { ChoiceList } from '../player/choice-list.tsx';
import { ReplyBox } from '../player/reply-box.tsx';
import { Transcript } from '../player/transcript.tsx';
import { SCORER_UNAVAILABLE, scorerFor } from '../scoring/load-scorer.ts';

/** Reads a variable's input back into its type; a number field left empty keeps the declared value. */
function parseValue(type: 'number' | 'boolean' | 'string', raw: string, fallback: Value): Value {
  if (type === 'boolean') return raw === 'true';
  if (type === 'number') return raw.trim() === '' || Number.isNaN(Number(raw)) ? fallback : Number(raw);
  return raw;
}

/** Plays the scenario being edited, from its start or any node, with variables set by hand; nothing is saved. */
export function PlayTest({ scenario }: { scenario: Scenario }) {
  const [from, setFrom] = useState(scenario.start);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(scenario.variables.map((v) => [v.name, String(v.initial)])));
  const [state, setState] = useState<RunState>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'scoring' | 'loading-scorer'>();
  const ids = { from: useId() };

  const begin = () => {
    const variables = Object.fromEntries(scenario.variables.map((v) => [v.name, parseValue(v.type, values[v.name] ?? '', v.initial)]));
    setError(undefined);
    setState(start(scenario, { seed: 1, scorer: { version: RULES_SCORER_VERSION }, at: scenario.nodes[from] ? from : scenario.start, variables }));
  };

  const apply = async (input: RunInput): Promise<boolean> => {
    if (!state) return false;
    if (input.type === 'reply') setBusy('loading-scorer');
    const scorer = await scorerFor(input, state.scorerVersion).catch(() => undefined);
    if (!scorer) {
      setBusy(undefined);
      setError(SCORER_UNAVAILABLE);
      return false;
    }
    const next = step(scenario, state, input, scorer);
    setBusy(undefined);
    if (next.error) {
      setError(next.error);
      return false;
    }
    setError(undefined);
    setState(next);
    return true;
  };

  const exit = state ? scenario.nodes[state.node]?.exit : undefined;
  return (
    <div className="play-test">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          begin();
        }}
        aria-label="Play-test setup"
      >
        <label htmlFor={ids.from}>Start at</label>
        <select id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)}>
          {scenario.order.map((id) => (
            <option key={id} value={id}>
              {scenario.nodes[id]!.title}
            </option>
          ))}
        </select>
        {scenario.variables.map((v) => (
          <VariableField key={v.name} name={v.name} type={v.type} min={v.min} max={v.max} value={values[v.name] ?? ''} onChange={(raw) => setValues((all) => ({ ...all, [v.name]: raw }))} />
        ))}
        <span />
        <button type="submit">{state ? 'Restart' : 'Play'}</button>
      </form>
      {state && (
        <>
          <dl className="variables" aria-label="Variables now">
            {Object.entries(state.variables).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
          </dl>
          <Transcript state={state} />
          {state.status === 'awaiting-choice' && exit?.kind === 'choices' && (
            <ChoiceList legend="Choose" choices={offeredChoices(scenario, state)} disabled={busy !== undefined} onChoose={(index) => void apply({ type: 'choose', index })} />
          )}
          {state.status === 'awaiting-reply' && exit?.kind === 'ask' && <ReplyBox key={state.inputs.length} prompt={exit.ask.prompt} busy={busy} onSubmit={(text) => apply({ type: 'reply', text })} />}
          {(state.status === 'ended' || state.status === 'stuck') && (
            <p className="outcome-label" role="status">
              {state.status === 'stuck' ? `Stuck: ${state.stuckReason}` : `Ended: ${state.outcome?.outcome}${state.score !== null ? `, score ${state.score}%` : ''}`}
            </p>
          )}
          {error && (
            <p className="notice" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function VariableField(props: { name: string; type: 'number' | 'boolean' | 'string'; min?: number; max?: number; value: string; onChange(raw: string): void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.name}</label>
      {props.type === 'boolean' ? (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input id={id} type={props.type === 'number' ? 'number' : 'text'} min={props.min} max={props.max} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </>
  );
}
