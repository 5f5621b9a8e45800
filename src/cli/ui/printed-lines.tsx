import { Box, Static, Text } from 'ink';
import { wrapHanging } from '../wrap-text.ts';

/** A block of terminal lines printed once, above the live part of a screen. */
export interface Printed {
  key: string;
  lines: string[];
}

/**
 * What a screen has already said (the conversation so far, answered
 * questions), printed once through ink's `Static` so it scrolls up like
 * ordinary output, each line wrapped with a hanging indent.
 */
export function PrintedLines({ items, width }: { items: Printed[]; width: number }) {
  return (
    <Static items={items}>
      {(item) => (
        <Box key={item.key} flexDirection="column">
          {item.lines.map((line, i) => (
            <Text key={i}>{wrapHanging(line, width)}</Text>
          ))}
        </Box>
      )}
    </Static>
  );
}
