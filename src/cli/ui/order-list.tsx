import { Box, Text, useInput } from 'ink';
import { useReducer } from 'react';
import type { PaperOption } from '../../core/quiz/paper.ts';
import { moveItem } from './answer-edit.ts';
import { useColor } from './color-context.ts';

interface OrderListProps {
  options: readonly PaperOption[];
  /** A saved order to start from (option ids); otherwise the paper's order. */
  initial?: readonly string[];
  onSubmit(order: string[]): void;
}

type State = { items: PaperOption[]; cursor: number; holding: boolean };
type Action = { type: 'move'; delta: -1 | 1 } | { type: 'hold' };

function reduce(state: State, action: Action): State {
  if (action.type === 'hold') return { ...state, holding: !state.holding };
  const cursor = Math.min(state.items.length - 1, Math.max(0, state.cursor + action.delta));
  return { ...state, cursor, items: state.holding ? moveItem(state.items, state.cursor, action.delta) : state.items };
}

/**
 * Put items in order: ↑↓ move the cursor; Space picks the item up and puts it
 * down, and while it is held ↑↓ carry it; Enter confirms the order.
 */
export function OrderList({ options, initial, onSubmit }: OrderListProps) {
  const color = useColor();
  // One reducer for the list, the cursor and the held item: keys that arrive together apply in order.
  const [{ items, cursor, holding }, dispatch] = useReducer(reduce, undefined, () => ({
    items: initial ? initial.flatMap((id) => options.filter((o) => o.id === id)) : [...options],
    cursor: 0,
    holding: false,
  }));
  useInput((input, key) => {
    if (key.upArrow || input === 'k') dispatch({ type: 'move', delta: -1 });
    else if (key.downArrow || input === 'j') dispatch({ type: 'move', delta: 1 });
    else if (input === ' ') dispatch({ type: 'hold' });
    else if (key.return) onSubmit(items.map((o) => o.id));
  });
  return (
    <Box flexDirection="column">
      {items.map((o, i) => (
        <Box key={o.id}>
          <Box width={2} flexShrink={0}>
            <Text>{i === cursor ? color.cyan(holding ? '↕' : '❯') : ' '}</Text>
          </Box>
          <Text>
            {i + 1}. {i === cursor ? color.bold(o.text) : o.text}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
