import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Answer } from '../../core/quiz/grade.ts';
import { useSession } from '../account/session-store.ts';
import { callApi, problemText, type ApiProblem } from '../api/api-client.ts';
import type { Attempt } from '../api/api-types.ts';
import { formatMoment } from '../shell/date-format.ts';
import { AnswerSaver, refusedQuestions, type SaveOutcome, type SaverState } from './answer-saver.ts';
import { Countdown } from './countdown.tsx';
import { MarkdownBlock } from './markdown-block.tsx';
import { PaperForm } from './paper-form.tsx';
import { isAnswered } from './question-field.tsx';

/** Send what is unsaved this long before the deadline, whatever the debounce says. */
const FINAL_FLUSH_MS = 4000;
/** After the deadline, ask the server how it settled the attempt (it settles it on read). */
const SETTLE_POLL_MS = 1500;

/** What the page says once the attempt is closed: a warning when time ran out or the server refused, else a confirmation. */
export interface ClosingNote {
  text: string;
  warning: boolean;
}

const worthRetrying = (problem: ApiProblem) => problem.status === 0 || problem.status >= 500 || problem.status === 429;

/** The sentence the server gave for a closed attempt (a 409's reason), or one for the attempt's state. */
function closedNote(attempt: Attempt, reason?: string): string {
  if (reason) return reason.charAt(0).toUpperCase() + reason.slice(1) + (reason.endsWith('.') ? '' : '.');
  if (attempt.status === 'expired') return 'Time is up: this quiz refuses late submissions, so the attempt expired without a score.';
  if (attempt.submittedBy === 'timeout') return 'Time is up: the answers saved before the deadline were submitted at the deadline.';
  return 'This attempt is already submitted.';
}

function saveText(state: SaverState): string {
  switch (state.status) {
    case 'saved':
      return state.savedAt ? `All answers saved (${formatMoment(state.savedAt)})` : 'No answers yet';
    case 'pending':
      return 'Changes not saved yet…';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return state.retrying ? `Not saved yet: ${problemText(state.problem)} Trying again shortly; your answers are kept here.` : `Not saved: ${problemText(state.problem)}`;
  }
}

/**
 * A certification attempt in progress: the server's deadline as a
 * countdown, the questions as one scrolling form, every change saved to the
 * server shortly after it is made, and a submission. When time runs out, the
 * page shows what the server did with the attempt (submitted at the
 * deadline, or refused as the quiz says).
 */
export function TakeAttempt({ attempt, resumed, onClosed }: { attempt: Attempt; resumed: boolean; onClosed(attempt: Attempt, note: ClosingNote): void }) {
  const path = `/api/attempts/${encodeURIComponent(attempt.id)}`;
  const [answers, setAnswers] = useState<Record<string, Answer>>(attempt.answers);
  const [saver, setSaverState] = useState<SaverState>({ status: 'saved', savedAt: attempt.answersSavedAt });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<'answering' | 'confirming' | 'submitting' | 'settling'>('answering');
  const [error, setError] = useState<string>();
  // The server's clock minus this browser's, so the countdown follows the server.
  const [offsetMs] = useState(() => new Date(attempt.serverTime).getTime() - Date.now());
  const closed = useRef(false);
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;

  const close = (next: Attempt, note: ClosingNote) => {
    if (closed.current) return;
    closed.current = true;
    saverRef.current.stop();
    onClosedRef.current(next, note);
  };

  /** A 409 carries the attempt as it now stands; show it with the server's reason. */
  const handleProblem = (problem: ApiProblem): boolean => {
    if (problem.status === 401) useSession.getState().sessionEnded();
    const now = problem.body.attempt as Attempt | undefined;
    if (problem.status === 409 && now && now.status !== 'in_progress') {
      close(now, { text: closedNote(now, problem.reason), warning: true });
      return true;
    }
    return false;
  };

  const saverRef = useRef<AnswerSaver>(null as unknown as AnswerSaver);
  if (!saverRef.current) {
    saverRef.current = new AnswerSaver({
      async send(changed): Promise<SaveOutcome> {
        const result = await callApi<{ answersSavedAt: string }>('PUT', `${path}/answers`, { answers: changed });
        if (result.ok) return { ok: true, savedAt: result.data.answersSavedAt };
        if (!handleProblem(result.problem) && result.problem.error === 'bad_answers') {
          const reasons = (result.problem.body.problems as { questionId?: string; reason: string }[] | undefined) ?? [];
          setProblems((p) => ({ ...p, ...Object.fromEntries(reasons.filter((r) => r.questionId).map((r) => [r.questionId!, r.reason])) }));
        }
        return { ok: false, retry: worthRetrying(result.problem), problem: result.problem };
      },
      onState: setSaverState,
    });
  }

  useEffect(() => {
    const saverNow = saverRef.current;
    const warn = (event: BeforeUnloadEvent) => {
      if (saverNow.hasUnsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the page inside the app: send what is pending now rather than drop it (a failed send keeps retrying).
      void saverNow.flush();
    };
  }, []);

  const answer = (questionId: string, next: Answer | null) => {
    setAnswers((current) => {
      const copy = { ...current };
      if (next) copy[questionId] = next;
      else delete copy[questionId];
      return copy;
    });
    setProblems(({ [questionId]: _gone, ...rest }) => rest);
    saverRef.current.set(questionId, next);
  };

  /** At zero, ask the server until it has settled the attempt; it holds the clock. */
  const settle = async () => {
    setPhase('settling');
    for (let tries = 0; tries < 20 && !closed.current; tries++) {
      await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
      const result = await callApi<{ attempt: Attempt }>('GET', path);
      if (result.ok && result.data.attempt.status !== 'in_progress') {
        close(result.data.attempt, { text: closedNote(result.data.attempt), warning: true });
        return;
      }
    }
    if (!closed.current) setError('The time is up, but the server has not answered how it settled this attempt. Reload the page to see it.');
  };

  const unanswered = attempt.paper.questions.filter((q) => !isAnswered(answers[q.id])).length;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (phase === 'answering' && unanswered > 0) {
      setPhase('confirming');
      return;
    }
    setPhase('submitting');
    setError(undefined);
    await saverRef.current.flush();
    if (closed.current) return;
    const result = await callApi<{ attempt: Attempt }>('POST', `${path}/submit`, { answers: saverRef.current.unsaved() });
    if (result.ok) {
      close(result.data.attempt, { text: 'Submitted. Your answers were graded on the server.', warning: false });
      return;
    }
    if (handleProblem(result.problem)) return;
    if (result.problem.error === 'bad_answers') {
      const refused = refusedQuestions(result.problem);
      const reasons = (result.problem.body.problems as { questionId?: string; reason: string }[] | undefined) ?? [];
      setProblems((p) => ({ ...p, ...Object.fromEntries(reasons.filter((r) => r.questionId).map((r) => [r.questionId!, r.reason])) }));
      setError(`Not submitted: ${refused.length} ${refused.length === 1 ? 'answer was' : 'answers were'} not accepted; see the questions marked below.`);
    } else {
      setError(`Not submitted: ${problemText(result.problem)} Your answers are kept; try again.`);
    }
    setPhase('answering');
  };

  const { paper } = attempt;
  const busy = phase === 'submitting' || phase === 'settling';
  return (
    <>
      <h1>{paper.title}</h1>
      <div className="attempt-bar" aria-label="Attempt status" role="region">
        {phase === 'settling' ? (
          <p className="countdown countdown-low" role="status">
            Time is up. Asking the server how it settled your attempt…
          </p>
        ) : (
          <Countdown
            deadline={attempt.deadline}
            offsetMs={offsetMs}
            onTick={(left) => {
              if (left <= FINAL_FLUSH_MS && left > 0 && saverRef.current.hasUnsaved()) void saverRef.current.flush();
            }}
            onExpire={() => void settle()}
          />
        )}
        <span>
          Attempt {attempt.number} · {paper.questions.length - unanswered} of {paper.questions.length} answered
        </span>
        <span className={`save-status save-${saver.status}`}>{saveText(saver)}</span>
      </div>
      {saver.status === 'failed' && (
        <p className="visually-hidden" role="alert">
          {saveText(saver)}
        </p>
      )}
      {resumed && <p className="notice">You already had this attempt in progress, so it carries on where you left it; the clock kept running.</p>}
      <p className="meta">
        Graded on the server. Pass mark {paper.passMark}%. {paper.onTimeout === 'submit' ? 'When time runs out, the answers saved by then are submitted.' : 'When time runs out, this quiz refuses the attempt: submit before the end.'}
      </p>
      <MarkdownBlock markdown={paper.introMarkdown} />
      <PaperForm paper={paper} answers={answers} problems={problems} disabled={busy} onAnswer={answer} onSubmit={(e) => void submit(e)}>
        {phase === 'confirming' && (
          <div className="confirm" role="alertdialog" aria-labelledby="confirm-submit">
            <p id="confirm-submit">
              {unanswered} {unanswered === 1 ? 'question is' : 'questions are'} not answered and will earn nothing. Submit anyway?
            </p>
            {/* Focus moves here so the question is the next thing a keyboard or screen reader meets. */}
            <button type="button" autoFocus onClick={() => void submit()}>
              Submit anyway
            </button>
            <button type="button" className="secondary" onClick={() => setPhase('answering')}>
              Keep answering
            </button>
          </div>
        )}
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}
        <p>
          <button type="submit" disabled={busy || phase === 'confirming'}>
            {phase === 'submitting' ? 'Submitting…' : 'Submit answers'}
          </button>
        </p>
      </PaperForm>
    </>
  );
}
