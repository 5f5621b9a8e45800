import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { PrintedLines, type Printed } from './printed-lines.tsx';
import { useEffect, useRef, useState } from 'react';
import type { Rubric } from '../../core/content/rubric.ts';
import { offeredChoices, start, step } from '../../core/engine/engine.ts';
import type { RunInput, RunState } from '../../core/engine/run-state.ts';
import { completeRun, localDay, type CompletedRun } from '../../core/progress/progress.ts';
import { logNeedsScorer, resumeRun, runLogOf, type RunLog } from '../../core/progress/run-log.ts';
import { summarizeScenario, type Scenario } from '../../core/scenario/scenario.ts';
import { noScorer, type ReplyScorer } from '../../core/scoring/reply-scorer.ts';
import { RULES_SCORER_VERSION } from '../../core/scoring/scorer-version.ts';
import type { ProgressStore } from '../../node/progress-store.ts';
import { formatDebrief, type LessonRef } from '../debrief-report.ts';
import { formatScenarioHeader, formatTranscriptEntry } from '../transcript-report.ts';
import { ChoiceList } from './choice-list.tsx';
import { useColor } from './color-context.ts';
import { KeyHints } from './key-hints.tsx';
import { ReplyInput } from './reply-input.tsx';
import { ResumePrompt } from './resume-prompt.tsx';
import { ScenarioPicker } from './scenario-picker.tsx';
import { SelectList } from './select-list.tsx';

export interface PracticeAppProps {
  /** The playable scenarios, for the picker. */
  scenarios: readonly Scenario[];
  /** The scenario named on the command line; without one the picker opens. */
  initial?: Scenario;
  lessons: readonly LessonRef[];
  rubrics: readonly Rubric[];
  store: ProgressStore;
  /** The rubric scorer, loaded on first need (it carries the NLP model). */
  loadScorer(): Promise<ReplyScorer>;
  newSeed(): number;
  now?(): Date;
  newId?(): string;
  /** Told the closing line to print once the screen is gone. */
  onExit(message?: string): void;
}

type Phase =
  | { kind: 'pick'; active: RunLog[] | undefined }
  | { kind: 'wait'; message: string }
  | { kind: 'ask-resume'; scenario: Scenario; log: RunLog }
  | { kind: 'play'; scenario: Scenario; state: RunState }
  | { kind: 'debrief'; scenario: Scenario; run: CompletedRun };

/** Lines already shown: written once above the live part of the screen and never redrawn. */
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `parley practice`: pick a scenario (or resume one), talk it through on the
 * core engine, see each typed reply scored at once, and read the debrief.
 * The run is saved as its input log after every turn.
 */
export function PracticeApp(props: PracticeAppProps) {
  const { scenarios, initial, lessons, rubrics, store, loadScorer, newSeed, onExit } = props;
  const now = props.now ?? (() => new Date());
  const newId = props.newId ?? (() => crypto.randomUUID());
  const color = useColor();
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [phase, setPhase] = useState<Phase>(initial ? { kind: 'wait', message: 'Opening…' } : { kind: 'pick', active: undefined });
  const [printed, setPrinted] = useState<Printed[]>([]);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const runCount = useRef(0);
  // One input at a time: a second Enter while a turn is being played must not play the same turn twice.
  const stepping = useRef(false);

  const print = (key: string, lines: string[]) => setPrinted((p) => [...p, { key: `${runCount.current}:${key}`, lines }]);
  const printEntries = (state: RunState, from: number) => {
    state.transcript.slice(from).forEach((entry, i) => print(`t${from + i}`, formatTranscriptEntry(entry, state, rubrics, color)));
  };
  const quit = (message?: string) => {
    onExit(message);
    exit();
  };
  const save = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      setNotice(`Your progress could not be saved in ${store.dir}: ${describe(error)}`);
    }
  };

  /** Records a run that reached an ending (or got stuck), then shows the rest of it and the debrief. */
  const finish = async (scenario: Scenario, state: RunState, shownUpTo: number) => {
    const at = now();
    const run = completeRun(state, summarizeScenario(scenario), { id: newId(), iso: at.toISOString(), day: localDay(at) });
    await save(async () => {
      const { notice: kept } = await store.finish(run);
      if (kept) setNotice(kept);
    });
    printEntries(state, shownUpTo);
    print('debrief', formatDebrief(run, scenario, lessons, rubrics, color));
    setPhase({ kind: 'debrief', scenario, run });
  };

  const begin = (scenario: Scenario, state: RunState) => {
    runCount.current++;
    print('header', ['', ...formatScenarioHeader(scenario, color), '']);
    // A scenario can end or stick before the rep acts (its opening jumps straight to an ending).
    if (state.status === 'ended' || state.status === 'stuck') return void finish(scenario, state, 0);
    printEntries(state, 0);
    setPhase({ kind: 'play', scenario, state });
  };

  const beginFresh = (scenario: Scenario) => begin(scenario, start(scenario, { seed: newSeed(), scorer: { version: RULES_SCORER_VERSION } }));

  const open = async (scenario: Scenario) => {
    setPhase({ kind: 'wait', message: 'Opening…' });
    const saved = await store.readActive(scenario.id).catch((error: unknown) => ({ value: undefined, notice: `Your saved run could not be read: ${describe(error)}` }));
    if (saved.notice) setNotice(saved.notice);
    const log = saved.value;
    if (!log) return beginFresh(scenario);
    if (log.contentHash !== scenario.contentHash) {
      await save(() => store.discardActive(scenario.id));
      setNotice('This scenario was changed by its author since you last played it, so your saved run starts again from the beginning.');
      return beginFresh(scenario);
    }
    setPhase({ kind: 'ask-resume', scenario, log });
  };

  const resume = async (scenario: Scenario, log: RunLog) => {
    let scorer = noScorer(log.scorerVersion);
    if (logNeedsScorer(log)) {
      setPhase({ kind: 'wait', message: 'Loading the scorer to replay your replies…' });
      try {
        scorer = await loadScorer();
      } catch (error) {
        setNotice(`The scorer could not be loaded (${describe(error)}), so the saved run cannot be replayed. It is still saved; try again later.`);
        return quit();
      }
    }
    const resumed = resumeRun(scenario, log, scorer);
    if (resumed.ok) return begin(scenario, resumed.state);
    await save(() => store.discardActive(scenario.id));
    setNotice('Your saved run could not be replayed on this version of Parley, so the scenario starts again from the beginning.');
    beginFresh(scenario);
  };

  useEffect(() => {
    if (initial) void open(initial);
    else void store.listActive().then(
      (active) => setPhase((p) => (p.kind === 'pick' ? { kind: 'pick', active } : p)),
      () => setPhase((p) => (p.kind === 'pick' ? { kind: 'pick', active: [] } : p)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  // Fetch the scorer in the background as soon as a typed reply is due.
  const awaitingReply = phase.kind === 'play' && phase.state.status === 'awaiting-reply';
  useEffect(() => {
    if (awaitingReply) void loadScorer().catch(() => undefined);
  }, [awaitingReply, loadScorer]);

  /** Plays one input; resolves false when it was not accepted (the reply stays in the box). */
  const apply = async (scenario: Scenario, state: RunState, input: RunInput): Promise<boolean> => {
    if (stepping.current) return false;
    stepping.current = true;
    try {
      return await play(scenario, state, input);
    } finally {
      stepping.current = false;
    }
  };

  const play = async (scenario: Scenario, state: RunState, input: RunInput): Promise<boolean> => {
    setNotice(undefined);
    let scorer = noScorer(state.scorerVersion);
    if (input.type === 'reply') {
      setBusy('Scoring your reply…');
      try {
        scorer = await loadScorer();
      } catch (error) {
        setBusy(undefined);
        setNotice(`The scorer could not be loaded (${describe(error)}). Your reply is still in the box; send it again.`);
        return false;
      }
    }
    const next = step(scenario, state, input, scorer);
    setBusy(undefined);
    if (next.error) {
      setNotice(next.error);
      return false;
    }
    // Saved before it is shown: whatever the rep has seen survives a crash or a closed terminal.
    if (next.status === 'ended' || next.status === 'stuck') {
      await finish(scenario, next, state.transcript.length);
      return true;
    }
    await save(() => store.saveActive(runLogOf(next, scenario, now().toISOString())));
    printEntries(next, state.transcript.length);
    setPhase({ kind: 'play', scenario, state: next });
    return true;
  };

  useInput((_input, key) => {
    if (!key.escape) return;
    if (phase.kind === 'play') quit(`Your run is saved. Pick it up with: parley practice ${phase.scenario.id}`);
    else quit();
  });

  return (
    <Box flexDirection="column">
      <PrintedLines items={printed} width={(stdout.columns || 80) - 1} />
      {phase.kind === 'pick' && (phase.active ? <ScenarioPicker scenarios={scenarios} active={phase.active} onPick={(s) => void open(s)} /> : <Text>{color.dim('Loading…')}</Text>)}
      {phase.kind === 'wait' && <Text>{color.dim(phase.message)}</Text>}
      {phase.kind === 'ask-resume' && (
        <ResumePrompt
          log={phase.log}
          onAnswer={(answer) => {
            if (answer === 'resume') return void resume(phase.scenario, phase.log);
            void save(() => store.discardActive(phase.scenario.id)).then(() => beginFresh(phase.scenario));
          }}
        />
      )}
      {phase.kind === 'play' && <PlayControls phase={phase} busy={busy} apply={apply} />}
      {phase.kind === 'debrief' && (
        <Box flexDirection="column" marginTop={1}>
          <Text>{color.bold('What next?')}</Text>
          <SelectList
            items={[
              { value: 'again', label: 'Try this scenario again' },
              { value: 'other', label: 'Practise another scenario' },
              { value: 'quit', label: 'Quit' },
            ]}
            onSelect={(value) => {
              if (value === 'again') return beginFresh(phase.scenario);
              if (value === 'other') return void store.listActive().then((active) => setPhase({ kind: 'pick', active }), () => setPhase({ kind: 'pick', active: [] }));
              quit();
            }}
          />
        </Box>
      )}
      {notice && <Text>{color.yellow(notice)}</Text>}
    </Box>
  );
}

interface PlayControlsProps {
  phase: Extract<Phase, { kind: 'play' }>;
  busy: string | undefined;
  apply(scenario: Scenario, state: RunState, input: RunInput): Promise<boolean>;
}

/** What the rep can do at this turn: pick a reply or type one. */
function PlayControls({ phase, busy, apply }: PlayControlsProps) {
  const { scenario, state } = phase;
  const exit = scenario.nodes[state.node]?.exit;
  if (state.status === 'awaiting-choice' && exit?.kind === 'choices') {
    return (
      <Box flexDirection="column" marginTop={1}>
        <ChoiceList key={state.inputs.length} choices={offeredChoices(scenario, state)} onChoose={(index) => void apply(scenario, state, { type: 'choose', index })} isFocused={!busy} />
        <KeyHints hints={['↑↓ or a number to choose', 'Enter to confirm', 'Esc to save and quit']} />
      </Box>
    );
  }
  if (state.status === 'awaiting-reply' && exit?.kind === 'ask') {
    return (
      <Box flexDirection="column" marginTop={1}>
        <ReplyInput key={state.inputs.length} prompt={exit.ask.prompt} busy={busy} onSubmit={(text) => apply(scenario, state, { type: 'reply', text })} />
        <KeyHints hints={['Enter to send', 'Esc to save and quit']} />
      </Box>
    );
  }
  return null;
}
