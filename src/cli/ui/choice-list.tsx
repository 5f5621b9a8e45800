import { Box, Text } from 'ink';
import type { OfferedChoice } from '../../core/engine/engine.ts';
import { useColor } from './color-context.ts';
import { SelectList } from './select-list.tsx';

interface ChoiceListProps {
  choices: readonly OfferedChoice[];
  onChoose(index: number): void;
  isFocused?: boolean;
}

/**
 * The replies on offer: the available ones to pick (arrows and Enter, or
 * their number), and under them any the author held back, with the reason.
 */
export function ChoiceList({ choices, onChoose, isFocused = true }: ChoiceListProps) {
  const color = useColor();
  const enabled = choices.filter((c) => c.enabled);
  const held = choices.filter((c) => !c.enabled);
  return (
    <Box flexDirection="column">
      <Text>{color.bold('Your reply:')}</Text>
      <SelectList items={enabled.map((c) => ({ value: String(c.index), label: c.text }))} onSelect={(value) => onChoose(Number(value))} isFocused={isFocused} />
      {held.map((c) => (
        <Text key={c.index}>{color.dim(`   – ${c.text} (not available: ${c.reason ?? 'not now'})`)}</Text>
      ))}
    </Box>
  );
}
