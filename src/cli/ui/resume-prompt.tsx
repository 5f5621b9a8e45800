import { Box, Text } from 'ink';
import type { RunLog } from '../../core/progress/run-log.ts';
import { useColor } from './color-context.ts';
import { SelectList } from './select-list.tsx';

interface ResumePromptProps {
  log: RunLog;
  onAnswer(answer: 'resume' | 'restart'): void;
}

/** Asks whether to pick up a saved run or start the scenario over. */
export function ResumePrompt({ log, onAnswer }: ResumePromptProps) {
  const color = useColor();
  const moves = log.inputs.length;
  const when = new Date(log.updatedAt).toLocaleString();
  return (
    <Box flexDirection="column">
      <Text>
        {color.bold(`You have an unfinished run of "${log.scenarioTitle}"`)} {color.dim(`(${moves} move${moves === 1 ? '' : 's'}, last played ${when})`)}
      </Text>
      <SelectList
        items={[
          { value: 'resume', label: 'Resume where you left off' },
          { value: 'restart', label: 'Start over', note: '(the saved run is discarded)' },
        ]}
        onSelect={onAnswer}
      />
    </Box>
  );
}
