import { Box, Text, useApp, useInput } from 'ink';
import { useColor } from './color-context.ts';
import { KeyHints } from './key-hints.tsx';
import { SelectList } from './select-list.tsx';

/** What the menu leads to: one of the commands, or nothing. */
export type MenuChoice = 'practice' | 'lesson' | 'quiz' | 'help';

interface MainMenuProps {
  onChoose(choice: MenuChoice | undefined): void;
}

/** `parley` in a terminal: the way into practice, lessons and quizzes. */
export function MainMenu({ onChoose }: MainMenuProps) {
  const color = useColor();
  const { exit } = useApp();
  const choose = (choice: MenuChoice | undefined) => {
    onChoose(choice);
    exit();
  };
  useInput((input, key) => {
    if (key.escape || input === 'q') choose(undefined);
  });
  return (
    <Box flexDirection="column">
      <Text>{color.bold('Parley')} {color.dim('practise sales conversations and get scored, explainable coaching')}</Text>
      <SelectList<MenuChoice | 'quit'>
        items={[
          { value: 'practice', label: 'Practise a conversation', note: '· parley practice' },
          { value: 'lesson', label: 'Read a lesson', note: '· parley lesson' },
          { value: 'quiz', label: 'Take a practice quiz', note: '· parley quiz' },
          { value: 'help', label: 'Help: every command', note: '· parley --help' },
          { value: 'quit', label: 'Quit' },
        ]}
        onSelect={(value) => choose(value === 'quit' ? undefined : value)}
      />
      <KeyHints hints={['↑↓ or a number to choose', 'Enter to open', 'q or Esc to quit']} />
    </Box>
  );
}
