import { useEffect, useRef, useState } from 'react';
import { data, Link, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { lessons, scenarioData } from 'virtual:parley-content';
import { LABELS } from '../../core/content/vocabulary.ts';
import { offeredChoices, start, step } from '../../core/engine/engine.ts';
import type { RunInput, RunState } from '../../core/engine/run-state.ts';
import { completeRun, localDay } from '../../core/progress/progress.ts';
import { summarizeScenario, type Scenario } from '../../core/scenario/scenario.ts';
import { RULES_SCORER_VERSION } from '../../core/scoring/scorer-version.ts';
import { paths } from '../paths.ts';
import { useProgress } from '../progress/progress-store.ts';
import { loadScorer, SCORER_UNAVAILABLE, scorerFor } from '../scoring/load-scorer.ts';
import { ChoiceList } from './choice-list.tsx';
import { ReplyBox } from './reply-box.tsx';
import { Transcript } from './transcript.tsx';

/** Loads a scenario's chunk; an unknown id is a 404. */
export async function scenarioLoader({ params }: LoaderFunctionArgs): Promise<Scenario> {
  const load = scenarioData[params.scenarioId ?? ''];
  const scenario = load ? (await load()).default : undefined;
  if (!scenario) throw data('Scenario not found', { status: 404 });
  return scenario;
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

/** Starts a fresh run, or picks up the saved one for this scenario when it was made with the same version of it. */
function initialRun(scenario: Scenario, saved: RunState | undefined): { state: RunState; notice?: string } {
  if (saved && saved.contentHash === scenario.contentHash) return { state: saved };
  const state = start(scenario, { seed: randomSeed(), scorer: { version: RULES_SCORER_VERSION } });
  if (!saved) return { state };
  return { state, notice: 'This scenario was changed by its author since you last played it, so your saved run starts again from the beginning.' };
}

/** Plays a scenario as a chat: the buyer's lines in turn, choices as buttons, free-text replies scored on the rubrics. */
export function PlayerPage() {
  const scenario = useLoaderData<Scenario>();
  const navigate = useNavigate();
  const status = useProgress((s) => s.status);
  const problem = useProgress((s) => s.problem);
  const [run, setRun] = useState<{ state: RunState; notice?: string }>();
  const [busy, setBusy] = useState<'scoring' | 'loading-scorer' | undefined>();
  const [error, setError] = useState<string>();
  const actions = useRef<HTMLDivElement>(null);
  const summary = summarizeScenario(scenario);

  // Wait for saved progress, then resume or start; the start is saved at once so a reload finds it.
  useEffect(() => {
    if (status === 'loading' || run) return;
    const saved = useProgress.getState().active.find((a) => a.scenarioId === scenario.id)?.state;
    const next = initialRun(scenario, saved);
    setRun(next);
    if (next.state !== saved) void useProgress.getState().saveActive(summary, next.state);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per scenario when progress is ready
  }, [status, scenario.id]);

  // The scorer is its own chunk: fetch it in the background as soon as a typed reply is due.
  useEffect(() => {
    if (run?.state.status === 'awaiting-reply') void loadScorer().catch(() => undefined);
  }, [run?.state.status]);

  // After each turn, put the keyboard on the next thing to do.
  const turns = run?.state.inputs.length ?? 0;
  useEffect(() => {
    if (turns === 0) return;
    actions.current?.querySelector<HTMLElement>('button:not([disabled]), textarea')?.focus();
  }, [turns]);

  if (!run) return <p className="page narrow" role="status">Loading your conversation…</p>;
  const { state } = run;

  const apply = async (input: RunInput) => {
    setError(undefined);
    if (input.type === 'reply') setBusy('loading-scorer');
    const scorer = await scorerFor(input, state.scorerVersion).catch(() => undefined);
    if (!scorer) {
      setBusy(undefined);
      setError(SCORER_UNAVAILABLE);
      return false;
    }
    setBusy('scoring');
    const next = step(scenario, state, input, scorer);
    setBusy(undefined);
    if (next.error) {
      setError(next.error);
      return false;
    }
    if (next.status === 'ended' || next.status === 'stuck') {
      const now = new Date();
      const record = completeRun(next, summary, { id: crypto.randomUUID(), iso: now.toISOString(), day: localDay(now) });
      await useProgress.getState().finish(record);
      void navigate(paths.debrief.to(record.id));
      return true;
    }
    setRun({ state: next });
    await useProgress.getState().saveActive(summary, next);
    return true;
  };

  const startOver = async () => {
    const fresh = start(scenario, { seed: randomSeed(), scorer: { version: RULES_SCORER_VERSION } });
    setRun({ state: fresh });
    await useProgress.getState().saveActive(summary, fresh);
  };

  const exit = scenario.nodes[state.node]?.exit;
  const choices = offeredChoices(scenario, state);
  const related = scenario.lessons.map((id) => lessons.find((l) => l.id === id)).filter((l) => l !== undefined);

  return (
    <article className="page narrow player">
      <p className="breadcrumb">
        <Link to={paths.practice.to()}>Practice</Link>
      </p>
      <h1>{scenario.title}</h1>
      <p className="meta">
        {scenario.persona.name}, {scenario.persona.role}, {scenario.persona.company} · {LABELS[scenario.difficulty]} · about {scenario.minutes} min
      </p>
      {related.length > 0 && (
        <p className="meta">
          Lessons: {related.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ', '}
              <Link to={paths.lesson.to(l.id)}>{l.title}</Link>
            </span>
          ))}
        </p>
      )}
      {run.notice && <p className="notice">{run.notice}</p>}
      {problem && <p className="notice" role="alert">{problem}</p>}

      <Transcript state={state} />

      <div ref={actions} className="player-actions">
        {state.status === 'awaiting-choice' && exit?.kind === 'choices' && (
          <ChoiceList legend="Your reply" choices={choices} disabled={busy !== undefined} onChoose={(index) => void apply({ type: 'choose', index })} />
        )}
        {state.status === 'awaiting-reply' && exit?.kind === 'ask' && (
          <ReplyBox key={state.inputs.length} prompt={exit.ask.prompt} busy={busy} onSubmit={(text) => apply({ type: 'reply', text })} />
        )}
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}
      </div>
      <p>
        <button type="button" className="secondary" onClick={() => void startOver()}>
          Start over
        </button>
      </p>
    </article>
  );
}
