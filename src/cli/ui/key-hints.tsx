import { Text } from 'ink';
import { useColor } from './color-context.ts';

/** The keys that work right now, as one dim line under the screen. */
export function KeyHints({ hints }: { hints: readonly string[] }) {
  const color = useColor();
  return <Text>{color.dim(hints.join(' · '))}</Text>;
}
