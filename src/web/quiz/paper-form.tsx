import type { FormEvent, ReactNode } from 'react';
import type { Answer } from '../../core/quiz/grade.ts';
import type { Paper } from '../../core/quiz/paper.ts';
import { QuestionField } from './question-field.tsx';

/** A paper's questions as one scrolling form; the page adds its own actions below them. */
export function PaperForm({
  paper,
  answers,
  problems = {},
  disabled,
  onAnswer,
  onSubmit,
  children,
}: {
  paper: Paper;
  answers: Record<string, Answer | undefined>;
  problems?: Record<string, string>;
  disabled?: boolean;
  onAnswer(questionId: string, answer: Answer | null): void;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  return (
    <form className="paper-form" onSubmit={onSubmit} noValidate aria-label={`${paper.title}: questions`}>
      {paper.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          question={q}
          number={i + 1}
          total={paper.questions.length}
          answer={answers[q.id]}
          problem={problems[q.id]}
          disabled={disabled}
          onAnswer={(a) => onAnswer(q.id, a)}
        />
      ))}
      {children}
    </form>
  );
}
