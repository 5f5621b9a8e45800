import { Text } from 'ink';
import { formatTimeLeft } from './answer-edit.ts';
import { useColor } from './color-context.ts';

/** Time left on the quiz: yellow in the last minute, red in the last ten seconds. */
export function Countdown({ leftMs }: { leftMs: number }) {
  const color = useColor();
  const text = `⏱ ${formatTimeLeft(leftMs)} left`;
  return <Text>{leftMs <= 10_000 ? color.red(color.bold(text)) : leftMs <= 60_000 ? color.yellow(text) : color.dim(text)}</Text>;
}
