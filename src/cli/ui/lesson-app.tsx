import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useState } from 'react';
import { LABELS } from '../../core/content/vocabulary.ts';
import type { Lesson } from '../../core/content/lesson.ts';
import { useColor } from './color-context.ts';
import { KeyHints } from './key-hints.tsx';
import { LessonPager } from './lesson-pager.tsx';
import { SelectList } from './select-list.tsx';

interface LessonAppProps {
  lessons: readonly Lesson[];
  /** The lesson named on the command line; without one the list opens. */
  initial?: Lesson;
  /** The lesson laid out as terminal lines for a width. */
  renderLesson(lesson: Lesson, width: number): string[];
  fallbackSize?: { rows: number; columns: number };
}

/** `parley lesson`: the lesson list, and a lesson in the pager (q goes back to the list it came from). */
export function LessonApp({ lessons, initial, renderLesson, fallbackSize }: LessonAppProps) {
  const color = useColor();
  const { exit } = useApp();
  const [reading, setReading] = useState<Lesson | undefined>(initial);
  const render = useCallback((width: number) => (reading ? renderLesson(reading, width) : []), [reading, renderLesson]);

  useInput(
    (input, key) => {
      if (key.escape || input === 'q') exit();
    },
    { isActive: !reading },
  );

  if (reading) return <LessonPager title={reading.title} render={render} onQuit={() => (initial ? exit() : setReading(undefined))} fallbackSize={fallbackSize} />;
  return (
    <Box flexDirection="column">
      <Text>{color.bold('Lessons')}</Text>
      <SelectList
        items={lessons.map((l) => ({ value: l.id, label: l.title, note: `· ${LABELS[l.methodology]} · ${LABELS[l.level].toLowerCase()} · ${l.minutes} min · ${l.id}` }))}
        onSelect={(id) => setReading(lessons.find((l) => l.id === id))}
      />
      <KeyHints hints={['↑↓ or a number to choose', 'Enter to read', 'q or Esc to quit']} />
    </Box>
  );
}
