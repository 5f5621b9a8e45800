import { Box, Text, useInput } from 'ink';
import { useReducer } from 'react';
import type { PaperOption } from '../../core/quiz/paper.ts';
import { toggleOption } from './answer-edit.ts';
import { useColor } from './color-context.ts';

interface MultiSelectProps {
  options: readonly PaperOption[];
  initial: readonly string[];
  onSubmit(ticked: string[]): void;
}

type State = { cursor: number; ticked: string[] };
type Action = { type: 'move'; delta: -1 | 1 } | { type: 'tick'; index?: number };

/** Tick any number of options: ↑↓ move, Space or the option's number ticks, Enter confirms. */
export function MultiSelect({ options, initial, onSubmit }: MultiSelectProps) {
  const color = useColor();
  const order = options.map((o) => o.id);
  // One reducer for cursor and ticks: keys that arrive together (a fast typist, a paste) apply in order.
  const [{ cursor, ticked }, dispatch] = useReducer(
    (state: State, action: Action): State => {
      if (action.type === 'move') return { ...state, cursor: (state.cursor + options.length + action.delta) % options.length };
      const index = action.index ?? state.cursor;
      return { cursor: index, ticked: toggleOption(state.ticked, options[index]!.id, order) };
    },
    { cursor: 0, ticked: [...initial] },
  );
  useInput((input, key) => {
    if (key.upArrow || input === 'k') dispatch({ type: 'move', delta: -1 });
    else if (key.downArrow || input === 'j') dispatch({ type: 'move', delta: 1 });
    else if (input === ' ') dispatch({ type: 'tick' });
    else if (/^[1-9]$/.test(input) && Number(input) <= options.length) dispatch({ type: 'tick', index: Number(input) - 1 });
    else if (key.return) onSubmit(ticked);
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
