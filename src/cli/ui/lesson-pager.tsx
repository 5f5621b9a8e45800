import { Box, Text, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useColor } from './color-context.ts';
import { pagerAction, pagerPosition, scrollTo } from './pager.ts';

interface LessonPagerProps {
  title: string;
  /** Lays the text out for a width, as lines no wider than it. */
  render(width: number): string[];
  onQuit(): void;
  /** Rows and columns when the output is not a real terminal (tests). */
  fallbackSize?: { rows: number; columns: number };
}

/** Terminal size now and after every resize. */
function useTerminalSize(fallback: { rows: number; columns: number }) {
  const { stdout } = useStdout();
  const read = () => ({ rows: stdout.rows || fallback.rows, columns: stdout.columns || fallback.columns });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once per stream
  }, [stdout]);
  return size;
}

/**
 * A page of a long text at a time, with a status line. Keys as in `less`
 * (see `pagerAction`); the text is laid out again when the terminal resizes.
 */
export function LessonPager({ title, render, onQuit, fallbackSize = { rows: 24, columns: 80 } }: LessonPagerProps) {
  const color = useColor();
  const { rows, columns } = useTerminalSize(fallbackSize);
  // Lines longer than about 100 columns are hard to read, however wide the window.
  const width = Math.min(columns - 1, 100);
  const lines = useMemo(() => render(width), [render, width]);
  const height = Math.max(3, rows - 2);
  const [top, setTop] = useState(0);
  const last = Math.max(0, lines.length - height);
  const shownTop = Math.min(top, last);

  useInput((input, key) => {
    const action = pagerAction(input, key);
    if (action === 'quit') return onQuit();
    // From the state, not this render: keys that arrive together (a held key) each scroll.
    if (action) setTop((t) => scrollTo(Math.min(t, last), action, height, lines.length));
  });

  return (
    <Box flexDirection="column">
      {lines.slice(shownTop, shownTop + height).map((line, i) => (
        <Text key={shownTop + i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      <Text wrap="truncate-end">
        {color.inverse(` ${title}: ${pagerPosition(shownTop, height, lines.length)} `)} {color.dim('space/b page · ↑↓ line · g/G ends · q quit')}
      </Text>
    </Box>
  );
}
