import { useId } from 'react';
import { LABELS } from '../../core/content/vocabulary.ts';
import { MAX_REPLY_CHARS, type Answer } from '../../core/quiz/grade.ts';
import type { PaperQuestion } from '../../core/quiz/paper.ts';
import { MarkdownBlock } from './markdown-block.tsx';

export interface QuestionFieldProps {
  question: PaperQuestion;
  /** 1-based position on the paper. */
  number: number;
  total: number;
  answer: Answer | undefined;
  /** null clears the answer. */
  onAnswer(answer: Answer | null): void;
  disabled?: boolean;
  /** Why the server refused this answer. */
  problem?: string;
}

const TYPE_HINT: Record<PaperQuestion['type'], string> = {
  single: 'Choose one.',
  'true-false': 'True or false?',
  multiple: 'Choose every answer that applies; wrong choices take points off.',
  order: 'Put the items in order, first to last, with the move buttons.',
  reply: 'Write your reply.',
};

/** Whether a question counts as answered (an order question once the rep has set or confirmed an order). */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  if ('reply' in answer) return answer.reply.trim() !== '';
  return true;
}

/** One question of a paper as a form control: radio buttons, checkboxes, an ordered list with move buttons, or a reply box. */
export function QuestionField(props: QuestionFieldProps) {
  const { question, number, total } = props;
  const id = useId();
  const heading = `Question ${number} of ${total}: ${question.title}`;
  const points = `${question.points} ${question.points === 1 ? 'point' : 'points'}`;
  return (
    <section className="quiz-question" aria-labelledby={`${id}-title`} id={`question-${question.id}`}>
      <h2 id={`${id}-title`} className="question-title">
        {heading} <span className="meta">({points})</span>
      </h2>
      <MarkdownBlock markdown={question.promptMarkdown} className="markdown question-prompt" />
      {question.type === 'reply' ? <ReplyInput {...props} labelId={`${id}-title`} /> : question.type === 'order' ? <OrderInput {...props} heading={heading} /> : <ChoiceInput {...props} heading={heading} />}
      {props.problem && (
        <p className="field-error" role="alert">
          {props.problem}
        </p>
      )}
    </section>
  );
}

function ChoiceInput({ question, answer, onAnswer, disabled, heading }: QuestionFieldProps & { heading: string }) {
  const multiple = question.type === 'multiple';
  const chosen = answer && 'optionIds' in answer ? answer.optionIds : answer && 'optionId' in answer ? [answer.optionId] : [];
  const name = `answer-${question.id}`;
  const toggle = (optionId: string, on: boolean) => {
    if (!multiple) return onAnswer({ optionId });
    const next = (question.options ?? []).map((o) => o.id).filter((oid) => (oid === optionId ? on : chosen.includes(oid)));
    onAnswer({ optionIds: next });
  };
  return (
    <fieldset className="choices-field" disabled={disabled}>
      <legend className="visually-hidden">{heading}</legend>
      <p className="meta">{TYPE_HINT[question.type]}</p>
      {(question.options ?? []).map((o) => (
        <label key={o.id} className="choice-option">
          <input type={multiple ? 'checkbox' : 'radio'} name={name} value={o.id} checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} /> {o.text}
        </label>
      ))}
    </fieldset>
  );
}

function OrderInput({ question, answer, onAnswer, disabled, heading }: QuestionFieldProps & { heading: string }) {
  const options = question.options ?? [];
  const order = answer && 'order' in answer ? answer.order : options.map((o) => o.id);
  const text = (oid: string) => options.find((o) => o.id === oid)?.text ?? oid;
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onAnswer({ order: next });
  };
  return (
    <div className="order-field" role="group" aria-label={heading}>
      <p className="meta">{TYPE_HINT.order}</p>
      <ol className="order-list">
        {order.map((oid, i) => (
          <li key={oid}>
            <span className="order-text">{text(oid)}</span>
            <span className="order-moves">
              <button type="button" className="secondary small" disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label={`Move “${text(oid)}” up`}>
                ↑
              </button>
              <button type="button" className="secondary small" disabled={disabled || i === order.length - 1} onClick={() => move(i, 1)} aria-label={`Move “${text(oid)}” down`}>
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      {!answer && (
        <p>
          <button type="button" className="secondary small" disabled={disabled} onClick={() => onAnswer({ order })}>
            Keep this order as my answer
          </button>
        </p>
      )}
    </div>
  );
}

function ReplyInput({ question, answer, onAnswer, disabled, labelId }: QuestionFieldProps & { labelId: string }) {
  const id = useId();
  const text = answer && 'reply' in answer ? answer.reply : '';
  const length = [...text].length;
  return (
    <div className="reply-field">
      {question.buyer && (
        <blockquote className="buyer-line">
          <strong>Buyer:</strong> {question.buyer}
        </blockquote>
      )}
      {question.known && question.known.length > 0 && (
        <div className="known">
          <p className="meta">What you know:</p>
          <ul>
            {question.known.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </div>
      )}
      <label htmlFor={id} id={`${id}-own`} className="reply-label">
        Your reply
      </label>
      <textarea
        id={id}
        rows={6}
        value={text}
        disabled={disabled}
        maxLength={MAX_REPLY_CHARS}
        aria-describedby={`${id}-scored ${id}-count`}
        aria-labelledby={`${labelId} ${id}-own`}
        onChange={(e) => onAnswer(e.target.value === '' ? null : { reply: e.target.value })}
      />
      <p className="meta reply-footer">
        <span id={`${id}-scored`}>Scored on {(question.rubrics ?? []).map((r) => LABELS[r].toLowerCase()).join(', ')}.</span>
        <span id={`${id}-count`}>
          {length.toLocaleString()} of {MAX_REPLY_CHARS.toLocaleString()} characters
        </span>
      </p>
    </div>
  );
}
