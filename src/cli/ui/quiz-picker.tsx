import { Box, Text, useApp, useInput } from 'ink';
import type { Quiz } from '../../core/quiz/quiz.ts';
import { useColor } from './color-context.ts';
import { KeyHints } from './key-hints.tsx';
import { SelectList } from './select-list.tsx';

interface QuizPickerProps {
  quizzes: readonly Quiz[];
  onPick(quiz: Quiz | undefined): void;
}

/** The quizzes that can be practised here, to pick one. */
export function QuizPicker({ quizzes, onPick }: QuizPickerProps) {
  const color = useColor();
  const { exit } = useApp();
  const pick = (quiz: Quiz | undefined) => {
    onPick(quiz);
    exit();
  };
  useInput((input, key) => {
    if (key.escape || input === 'q') pick(undefined);
  });
  return (
    <Box flexDirection="column">
      <Text>{color.bold('Pick a quiz to practise')}</Text>
      <SelectList
        items={quizzes.map((q) => ({ value: q.id, label: q.title, note: `· ${q.timeLimitMinutes} min · pass mark ${q.passMark}% · ${q.id}` }))}
        onSelect={(id) => pick(quizzes.find((q) => q.id === id))}
      />
      <KeyHints hints={['↑↓ or a number to choose', 'Enter to start', 'q or Esc to quit']} />
    </Box>
  );
}
