import { Box, Text } from 'ink';
import type { Answer } from '../../core/quiz/grade.ts';
import { MAX_REPLY_CHARS } from '../../core/quiz/grade.ts';
import type { PaperQuestion } from '../../core/quiz/paper.ts';
import { useColor } from './color-context.ts';
import { KeyHints } from './key-hints.tsx';
import { MultiSelect } from './multi-select.tsx';
import { OrderList } from './order-list.tsx';
import { ReplyInput } from './reply-input.tsx';
import { SelectList } from './select-list.tsx';

interface QuestionViewProps {
  question: PaperQuestion;
  /** The prompt laid out as terminal text. */
  prompt: string;
  answer: Answer | undefined;
  onAnswer(answer: Answer): void;
}

const HINTS: Record<PaperQuestion['type'], string[]> = {
  single: ['↑↓ or a number to choose', 'Enter to confirm'],
  'true-false': ['↑↓ or a number to choose', 'Enter to confirm'],
  multiple: ['↑↓ move', 'Space or a number ticks', 'Enter to confirm'],
  order: ['↑↓ move', 'Space picks up and puts down', 'Enter to confirm the order'],
  reply: ['Enter to send'],
};

/** One quiz question: its prompt and the input its type needs, starting from the answer saved so far. */
export function QuestionView({ question, prompt, answer, onAnswer }: QuestionViewProps) {
  const color = useColor();
  const options = question.options ?? [];
  return (
    <Box flexDirection="column">
      <Text>{color.bold(question.title)}</Text>
      <Text>{prompt}</Text>
      {question.type === 'reply' && (
        <Box flexDirection="column" marginTop={1}>
          <Text>
            {color.bold(color.cyan('Buyer:'))} {question.buyer}
          </Text>
          {(question.known ?? []).map((fact) => (
            <Text key={fact}>{color.dim(`  • You know: ${fact}`)}</Text>
          ))}
        </Box>
      )}
      <Box marginTop={1} flexDirection="column">
        {(question.type === 'single' || question.type === 'true-false') && (
          <SelectList
            items={options.map((o) => ({ value: o.id, label: o.text }))}
            initialValue={answer && 'optionId' in answer ? answer.optionId : undefined}
            onSelect={(optionId) => onAnswer({ optionId })}
          />
        )}
        {question.type === 'multiple' && <MultiSelect options={options} initial={answer && 'optionIds' in answer ? answer.optionIds : []} onSubmit={(optionIds) => onAnswer({ optionIds })} />}
        {question.type === 'order' && <OrderList options={options} initial={answer && 'order' in answer ? answer.order : undefined} onSubmit={(order) => onAnswer({ order })} />}
        {question.type === 'reply' && (
          <ReplyInput
            prompt={`scored on ${(question.rubrics ?? []).join(', ').replaceAll('_', ' ')}`}
            initial={answer && 'reply' in answer ? answer.reply : ''}
            maxChars={MAX_REPLY_CHARS}
            onSubmit={(reply) => {
              onAnswer({ reply });
              return true;
            }}
          />
        )}
      </Box>
      <KeyHints hints={[...HINTS[question.type], 'Esc to review and submit']} />
    </Box>
  );
}
