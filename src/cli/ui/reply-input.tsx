import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useState } from 'react';
import { MAX_REPLY_CHARS } from '../../core/scoring/score-request.ts';
import { useColor } from './color-context.ts';

interface ReplyInputProps {
  prompt: string;
  /** Sends the reply; resolves false when it was not accepted, so the text stays to be fixed. */
  onSubmit(text: string): Promise<boolean> | boolean;
  busy?: string;
  isFocused?: boolean;
  /** Text to start with (a reply saved earlier). */
  initial?: string;
  /** The most characters a reply may have. */
  maxChars?: number;
}

/**
 * The box a typed reply is written in: the author's prompt above it, Enter
 * sends. The text stays in the box until the reply is accepted. The only
 * importer of ink-text-input.
 */
export function ReplyInput({ prompt, onSubmit, busy, isFocused = true, initial = '', maxChars = MAX_REPLY_CHARS }: ReplyInputProps) {
  const color = useColor();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const submit = async (value: string) => {
    if (busy) return;
    if (!value.trim()) return setProblem('Write a reply first.');
    if (value.length > maxChars) return setProblem(`Keep the reply to ${maxChars} characters (it has ${value.length}).`);
    setProblem(undefined);
    if (await onSubmit(value)) setText('');
  };
  return (
    <Box flexDirection="column">
      <Text>{color.bold('Your turn:')} {prompt}</Text>
      <Box>
        <Text>{color.cyan('› ')}</Text>
        <TextInput value={text} onChange={setText} onSubmit={(value) => void submit(value)} focus={isFocused && !busy} />
      </Box>
      {busy && <Text>{color.dim(busy)}</Text>}
      {problem && <Text>{color.yellow(problem)}</Text>}
    </Box>
  );
}
