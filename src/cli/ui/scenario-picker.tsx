import { Box, Text } from 'ink';
import { LABELS } from '../../core/content/vocabulary.ts';
import type { RunLog } from '../../core/progress/run-log.ts';
import type { Scenario } from '../../core/scenario/scenario.ts';
import { useColor } from './color-context.ts';
import { KeyHints } from './key-hints.tsx';
import { SelectList } from './select-list.tsx';

interface ScenarioPickerProps {
  scenarios: readonly Scenario[];
  /** Runs in progress, so their scenarios are marked. */
  active: readonly RunLog[];
  onPick(scenario: Scenario): void;
}

/** The practice catalogue: every playable scenario, those with a run in progress marked and listed first. */
export function ScenarioPicker({ scenarios, active, onPick }: ScenarioPickerProps) {
  const color = useColor();
  const inProgress = new Set(active.map((a) => a.scenarioId));
  const ordered = [...scenarios].sort((a, b) => Number(inProgress.has(b.id)) - Number(inProgress.has(a.id)));
  return (
    <Box flexDirection="column">
      <Text>{color.bold('Pick a conversation to practise')}</Text>
      <SelectList
        items={ordered.map((s) => ({
          value: s.id,
          label: inProgress.has(s.id) ? `${s.title} ${color.yellow('(in progress)')}` : s.title,
          note: `· ${LABELS[s.difficulty].toLowerCase()} · ${s.minutes} min · ${s.id}`,
        }))}
        onSelect={(id) => onPick(scenarios.find((s) => s.id === id)!)}
      />
      <KeyHints hints={['↑↓ or a number to choose', 'Enter to start', 'Esc to quit']} />
    </Box>
  );
}
