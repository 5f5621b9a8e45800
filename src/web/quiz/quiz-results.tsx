import type { ReactNode } from 'react';
import { LABELS, type RubricId } from '../../core/content/vocabulary.ts';
import type { Answer } from '../../core/quiz/grade.ts';
import type { Paper, PaperQuestion } from '../../core/quiz/paper.ts';
import type { Override, QuestionResult } from '../api/api-types.ts';
import { ScoreDetails } from '../scoring/reply-score.tsx';
import { formatMoment, formatPercent } from '../shell/date-format.ts';
import { MarkdownBlock } from './markdown-block.tsx';

/** A graded paper's figures and its questions' results. */
export interface PaperResult {
  earned: number;
  available: number;
  percent: number;
  passed: boolean;
  passMark: number;
  questions: QuestionResult[];
}

const points = (n: number) => `${Math.round(n * 100) / 100} ${n === 1 ? 'point' : 'points'}`;

function verdict(q: QuestionResult): string {
  if (!q.answer) return q.refused ? 'Not accepted' : 'Not answered';
  if (q.correct) return 'Full marks';
  return q.earned > 0 ? 'Partly right' : 'Not right';
}

/** The score, pass or fail, and every question with its feedback: after a certification attempt or a practice run. */
export function QuizResults({ paper, result, heading, children }: { paper: Paper; result: PaperResult; heading: string; children?: ReactNode }) {
  return (
    <section className="quiz-results" aria-labelledby="result-heading">
      <div className={`outcome ${result.passed ? 'outcome-won' : 'outcome-lost'}`}>
        <h2 id="result-heading" className="outcome-label">
          {heading}: {result.passed ? 'Passed' : 'Not passed'}
        </h2>
        <p className="overall-score">
          {formatPercent(result.percent)} ({points(result.earned)} of {result.available}); the pass mark is {result.passMark}%.
        </p>
        {children}
      </div>
      <ol className="result-questions">
        {result.questions.map((q, i) => {
          const shown = paper.questions.find((p) => p.id === q.id);
          return shown ? <QuestionResultItem key={q.id} question={shown} result={q} number={i + 1} /> : null;
        })}
      </ol>
    </section>
  );
}

function QuestionResultItem({ question, result, number }: { question: PaperQuestion; result: QuestionResult; number: number }) {
  return (
    <li className={`result-question ${result.correct ? 'result-correct' : result.earned > 0 ? 'result-partial' : 'result-wrong'}`}>
      <h3>
        {number}. {question.title}
      </h3>
      <p className="result-verdict">
        <strong>{verdict(result)}</strong>: {points(result.earned)} of {result.available}
      </p>
      <MarkdownBlock markdown={question.promptMarkdown} className="markdown question-prompt" />
      {result.refused && <p className="notice">Your answer was not accepted: {result.refused}</p>}
      {question.type === 'reply' ? <ReplyResult question={question} result={result} /> : question.type === 'order' ? <OrderResult question={question} result={result} /> : <ChoiceResult question={question} result={result} />}
      {result.chosenFeedback.map((f) => (
        <div key={f.optionId} className="option-feedback">
          <MarkdownBlock markdown={f.feedback} />
        </div>
      ))}
      {result.feedback && (
        <div className="question-feedback">
          <MarkdownBlock markdown={result.feedback} />
        </div>
      )}
    </li>
  );
}

function ChoiceResult({ question, result }: { question: PaperQuestion; result: QuestionResult }) {
  const answer = result.answer as Answer | undefined;
  const chosen = answer && 'optionIds' in answer ? answer.optionIds : answer && 'optionId' in answer ? [answer.optionId] : [];
  const key = result.key && 'optionIds' in result.key ? result.key.optionIds : [];
  return (
    <ul className="option-results">
      {(question.options ?? []).map((o) => {
        const mine = chosen.includes(o.id);
        const right = key.includes(o.id);
        return (
          <li key={o.id} className={right ? 'option-right' : mine ? 'option-wrong' : undefined}>
            {o.text}
            {(mine || right) && (
              <span className="option-marks">
                {' '}
                ({[mine ? 'your answer' : '', right ? 'correct' : ''].filter(Boolean).join(', ')})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function OrderResult({ question, result }: { question: PaperQuestion; result: QuestionResult }) {
  const text = (id: string) => question.options?.find((o) => o.id === id)?.text ?? id;
  const answer = result.answer as Answer | undefined;
  const mine = answer && 'order' in answer ? answer.order : [];
  const right = result.key && 'order' in result.key ? result.key.order : [];
  return (
    <div className="order-results">
      {mine.length > 0 && (
        <div>
          <h4>Your order</h4>
          <ol>
            {mine.map((id) => (
              <li key={id}>{text(id)}</li>
            ))}
          </ol>
        </div>
      )}
      <div>
        <h4>The right order</h4>
        <ol>
          {right.map((id) => (
            <li key={id}>{text(id)}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function ReplyResult({ question, result }: { question: PaperQuestion; result: QuestionResult }) {
  const answer = result.answer as Answer | undefined;
  const reply = answer && 'reply' in answer ? answer.reply : '';
  const thresholds = result.key && 'thresholds' in result.key ? result.key.thresholds : {};
  const met = result.thresholdsMet ?? [];
  return (
    <div className="reply-result">
      {question.buyer && (
        <blockquote className="buyer-line">
          <strong>Buyer:</strong> {question.buyer}
        </blockquote>
      )}
      <ul className="threshold-list" aria-label="What the reply needed">
        {(Object.entries(thresholds) as [RubricId, number][]).map(([rubric, level]) => {
          const got = result.rubricResults?.find((r) => r.rubric === rubric);
          return (
            <li key={rubric}>
              {LABELS[rubric]}: needed {level}/4, {got ? `got ${got.level}/4` : 'not scored'} — {met.includes(rubric) ? 'met' : 'not met'}
              {got && got.scoredLevel !== undefined && got.scoredLevel !== got.level ? ` (a reviewer set this level; the scorer gave ${got.scoredLevel}/4)` : ''}
            </li>
          );
        })}
      </ul>
      {reply && result.rubricResults ? <ScoreDetails text={reply} results={result.rubricResults} /> : <p className="meta">No reply was given.</p>}
      {result.overrides && result.overrides.length > 0 && <OverrideHistory overrides={result.overrides} />}
      {result.example && (
        <div className="example-reply">
          <h4>The trainer's example</h4>
          <blockquote>{result.example}</blockquote>
        </div>
      )}
    </div>
  );
}

/** Every reviewer's change to a reply's levels, oldest first: who, when, from what to what, and why. */
export function OverrideHistory({ overrides }: { overrides: readonly Override[] }) {
  return (
    <table className="data-table override-history">
      <caption>Human review, oldest first (the newest change to a rubric is the level that counts)</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Reviewer</th>
          <th scope="col">Rubric</th>
          <th scope="col">Level</th>
          <th scope="col">Comment</th>
        </tr>
      </thead>
      <tbody>
        {overrides.map((o) => (
          <tr key={o.id}>
            <td>{formatMoment(o.at)}</td>
            <td>{o.reviewer.name}</td>
            <td>{LABELS[o.rubric]}</td>
            <td>
              {o.oldLevel} → {o.newLevel}
            </td>
            <td>{o.comment}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
