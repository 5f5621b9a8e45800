import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { PaperOption } from '../../core/quiz/paper.ts';
import { moveItem } from './answer-edit.ts';
import { useColor } from './color-context.ts';

interface OrderListProps {
  options: readonly PaperOption[];
  /** A saved order to start from (option ids); otherwise the paper's order. */
  initial?: readonly string[];
  onSubmit(order: string[]): void;
}

/**
 * Put items in order: ↑↓ move the cursor; Space picks the item up and puts it
 * down, and while it is held ↑↓ carry it; Enter confirms the order.
 */
export function OrderList({ options, initial, onSubmit }: OrderListProps) {
  const color = useColor();
  const [items, setItems] = useState<PaperOption[]>(() => (initial ? initial.map((id) => options.find((o) => o.id === id)!).filter(Boolean) : [...options]));
  const [cursor, setCursor] = useState(0);
  const [holding, setHolding] = useState(false);
  useInput((input, key) => {
    const delta = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : 0;
    if (delta) {
      const to = Math.min(items.length - 1, Math.max(0, cursor + delta));
      if (holding) setItems((list) => moveItem(list, cursor, delta));
      setCursor(to);
    } else if (input === ' ') setHolding((h) => !h);
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
