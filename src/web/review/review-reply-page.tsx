import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { LABELS, type RubricId } from '../../core/content/vocabulary.ts';
import { RequireAccount } from '../account/require-account.tsx';
import { callApi } from '../api/api-client.ts';
import type { Attempt, ScoredReply } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { OverrideHistory } from '../quiz/quiz-results.tsx';
import { RubricEvidence } from '../scoring/reply-score.tsx';
import { formatMoment, formatPercent } from '../shell/date-format.ts';
import { FormAlert, formErrorOf, type FormError } from '../shell/form-field.tsx';
import { TeamNav } from '../team/team-nav.tsx';

/** `/team/review/quiz/:attemptId/:questionId`: a certification reply to review. */
export function QuizReplyPage() {
  const { attemptId = '', questionId = '' } = useParams();
  const base = `/api/team/attempts/${encodeURIComponent(attemptId)}/replies/${encodeURIComponent(questionId)}`;
  return <ReviewPage key={base} base={base} />;
}

/** `/team/review/practice/:runId/:turn`: a synced practice reply to review. */
export function PracticeReplyPage() {
  const { runId = '', turn = '' } = useParams();
  const base = `/api/team/practice-runs/${encodeURIComponent(runId)}/turns/${encodeURIComponent(turn)}`;
  return <ReviewPage key={base} base={base} />;
}

function ReviewPage({ base }: { base: string }) {
  return (
    <RequireAccount role="manager" what="Reviewing a scored reply">
      {() => (
        <article className="page narrow review-page">
          <p className="breadcrumb">
            <Link to={paths.review.to()}>All scored replies</Link>
          </p>
          <ReviewBody base={base} />
        </article>
      )}
    </RequireAccount>
  );
}

function ReviewBody({ base }: { base: string }) {
  const state = useApi<{ reply: ScoredReply }>(base);
  const [regraded, setRegraded] = useState<Attempt>();
  return (
    <ApiStateView state={state} what="the reply" retry={() => void state.reload()}>
      {({ reply }) => (
        <>
          <h1>Review: {reply.title}</h1>
          <TeamNav />
          <p className="meta">
            {reply.rep.name}'s {reply.source === 'quiz' ? 'certification reply' : 'practice reply'}, {formatMoment(reply.at)}
            {reply.source === 'quiz' && reply.attemptId && (
              <>
                {' '}
                · <Link to={paths.attempt.to(reply.attemptId)}>the whole attempt</Link>
              </>
            )}
          </p>
          {reply.buyer && (
            <blockquote className="buyer-line">
              <strong>Buyer:</strong> {reply.buyer}
            </blockquote>
          )}
          {reply.known.length > 0 && (
            <ul className="meta" aria-label="What the rep knew">
              {reply.known.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          )}
          <h2>The reply, rubric by rubric</h2>
          {reply.results.map((r) => (
            <section key={r.rubric} className="rubric-result" aria-label={`${LABELS[r.rubric]}: level ${r.level} of 4`}>
              <h3>
                {LABELS[r.rubric]}: {r.level}/4
                {r.scoredLevel !== undefined && r.scoredLevel !== r.level && <span className="meta"> (set by a reviewer; the scorer gave {r.scoredLevel}/4)</span>}
              </h3>
              {r.threshold !== undefined && r.threshold !== null && (
                <p className="meta">
                  The quiz needs {r.threshold}/4: {r.level >= r.threshold ? 'met' : 'not met'}.
                </p>
              )}
              <RubricEvidence text={reply.reply} result={r} />
            </section>
          ))}
          <OverrideForm
            reply={reply}
            base={base}
            onSaved={(next, attempt) => {
              state.replace({ reply: next });
              setRegraded(attempt);
            }}
          />
          {regraded?.result && (
            <p className="success" role="status">
              The attempt was graded again with your level: {formatPercent(regraded.result.percent)}, {regraded.result.passed ? 'passed' : 'not passed'} (pass mark {regraded.result.passMark}%).
              {regraded.certificate ? ` Certificate: ${regraded.certificate.status}.` : ''}
            </p>
          )}
          <h2>History</h2>
          {reply.overrides.length === 0 ? <p>No reviewer has changed this reply's levels.</p> : <OverrideHistory overrides={reply.overrides} />}
        </>
      )}
    </ApiStateView>
  );
}

function OverrideForm({ reply, base, onSaved }: { reply: ScoredReply; base: string; onSaved(reply: ScoredReply, attempt?: Attempt): void }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const rubrics = reply.results.map((r) => r.rubric);
  const [rubric, setRubric] = useState<RubricId>(rubrics[0]!);
  const current = reply.results.find((r) => r.rubric === rubric);
  const [level, setLevel] = useState<string>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<FormError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    if (level === '') {
      setError({ field: 'level', message: 'Choose the level you give this reply.' });
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await callApi<{ reply: ScoredReply; attempt?: Attempt }>('POST', `${base}/overrides`, { rubric, level: Number(level), comment: comment.trim() });
    setBusy(false);
    if (!result.ok) {
      const next = formErrorOf(result.problem);
      setError(next);
      if (next.field === 'comment') form.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    setDone(`${LABELS[rubric]} set to ${level}/4.`);
    setComment('');
    setLevel('');
    onSaved(result.data.reply, result.data.attempt);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="panel override-form">
      <h2 id={`${id}-heading`}>Set a level by hand</h2>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-rubric`}>Rubric</label>
          <select id={`${id}-rubric`} name="rubric" value={rubric} onChange={(e) => setRubric(e.target.value as RubricId)}>
            {rubrics.map((r) => (
              <option key={r} value={r}>
                {LABELS[r]} (now {reply.results.find((x) => x.rubric === r)?.level}/4)
              </option>
            ))}
          </select>
        </div>
        <fieldset className={`level-choice${error?.field === 'level' ? ' field-invalid' : ''}`} aria-describedby={error?.field === 'level' ? `${id}-level-error` : undefined}>
          <legend>New level for {LABELS[rubric].toLowerCase()}</legend>
          {[0, 1, 2, 3, 4].map((n) => (
            <label key={n}>
              <input type="radio" name="level" value={n} checked={level === String(n)} onChange={() => setLevel(String(n))} /> {n}
              {current?.level === n ? ' (current)' : ''}
            </label>
          ))}
          {error?.field === 'level' && (
            <p id={`${id}-level-error`} className="field-error" role="alert">
              {error.message}
            </p>
          )}
        </fieldset>
        <div className={`field${error?.field === 'comment' ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-comment`}>Why (kept in the review history with your name)</label>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={error?.field === 'comment' ? true : undefined}
            aria-describedby={error?.field === 'comment' ? `${id}-comment-error` : undefined}
          />
          {error?.field === 'comment' && (
            <p id={`${id}-comment-error`} className="field-error" role="alert">
              {error.message}
            </p>
          )}
        </div>
        <FormAlert error={error} fields={['level', 'comment']} />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save level'}
          </button>
        </p>
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}
