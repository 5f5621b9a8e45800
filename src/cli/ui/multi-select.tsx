import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { PaperOption } from '../../core/quiz/paper.ts';
import { toggleOption } from './answer-edit.ts';
import { useColor } from './color-context.ts';

interface MultiSelectProps {
  options: readonly PaperOption[];
  initial: readonly string[];
  onSubmit(ticked: string[]): void;
}

/** Tick any number of options: ↑↓ move, Space or the option's number ticks, Enter confirms. */
export function MultiSelect({ options, initial, onSubmit }: MultiSelectProps) {
  const color = useColor();
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<string[]>([...initial]);
  const order = options.map((o) => o.id);
  useInput((input, key) => {
    if (key.upArrow || input === 'k') setCursor((c) => (c + options.length - 1) % options.length);
    else if (key.downArrow || input === 'j') setCursor((c) => (c + 1) % options.length);
    else if (input === ' ') setTicked((t) => toggleOption(t, options[cursor]!.id, order));
    else if (/^[1-9]$/.test(input) && Number(input) <= options.length) {
      setCursor(Number(input) - 1);
      setTicked((t) => toggleOption(t, options[Number(input) - 1]!.id, order));
    } else if (key.return) onSubmit(ticked);
  });
  return (
    <Box flexDirection="column">
      {options.map((o, i) => (
        <Box key={o.id}>
          <Box width={2} flexShrink={0}>
            <Text>{i === cursor ? color.cyan('❯') : ' '}</Text>
          </Box>
          <Text>
            {ticked.includes(o.id) ? color.green('[x]') : '[ ]'} {i + 1}. {i === cursor ? color.bold(o.text) : o.text}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
