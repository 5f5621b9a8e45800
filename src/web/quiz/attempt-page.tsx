import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { RequireAccount } from '../account/require-account.tsx';
import type { Attempt, QuizSummary, User } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatMoment } from '../shell/date-format.ts';
import { QuizResults } from './quiz-results.tsx';
import { TakeAttempt, type ClosingNote } from './take-attempt.tsx';

/** `/attempts/:attemptId`: take a certification attempt in progress, or see how it came out. */
export function AttemptPage() {
  const { attemptId = '' } = useParams();
  return <RequireAccount what="A certification attempt">{(user) => <AttemptView key={attemptId} attemptId={attemptId} user={user} />}</RequireAccount>;
}

function AttemptView({ attemptId, user }: { attemptId: string; user: User }) {
  const state = useApi<{ attempt: Attempt }>(`/api/attempts/${encodeURIComponent(attemptId)}`);
  const location = useLocation();
  const resumed = (location.state as { resumed?: boolean } | null)?.resumed === true;
  const [note, setNote] = useState<ClosingNote>();
  return (
    <article className="page narrow attempt-page">
      <ApiStateView state={state} what="the attempt" retry={() => void state.reload()}>
        {({ attempt }) =>
          attempt.status === 'in_progress' && attempt.userId === user.id ? (
            <TakeAttempt
              attempt={attempt}
              resumed={resumed}
              onClosed={(closed, why) => {
                setNote(why);
                state.replace({ attempt: closed });
              }}
            />
          ) : (
            <AttemptOutcome attempt={attempt} note={note} mine={attempt.userId === user.id} manager={user.role === 'manager'} />
          )
        }
      </ApiStateView>
    </article>
  );
}

function AttemptOutcome({ attempt, note, mine, manager }: { attempt: Attempt; note?: ClosingNote; mine: boolean; manager: boolean }) {
  return (
    <>
      <p className="breadcrumb">{mine ? <Link to={paths.quiz.to(attempt.quizId)}>{attempt.quizTitle}</Link> : <Link to={paths.rep.to(attempt.userId)}>Back to the rep</Link>}</p>
      <h1>
        {attempt.quizTitle}: attempt {attempt.number}
      </h1>
      {note &&
        (note.warning ? (
          <p className="notice" role="alert">
            {note.text}
          </p>
        ) : (
          <p className="success" role="status">
            {note.text}
          </p>
        ))}
      {attempt.status === 'in_progress' && <p>This attempt is still in progress (until {formatMoment(attempt.deadline)}).</p>}
      {attempt.status === 'expired' && (
        <p className="outcome outcome-lost">
          Time ran out before this attempt was submitted, and this quiz refuses late submissions, so it has no score. It used one of the attempts allowed.
        </p>
      )}
      {attempt.status === 'submitted' && attempt.result && (
        <QuizResults paper={attempt.paper} result={attempt.result} heading="Certification result">
          <p className="meta">
            {attempt.submittedBy === 'timeout' ? 'Submitted automatically when time ran out' : 'Submitted'} {formatMoment(attempt.submittedAt)}
            {attempt.result.reviewed ? '; a reviewer changed a reply’s level, and the score counts it.' : '.'}
          </p>
          {attempt.certificate && (
            <p>
              <strong>Certificate earned:</strong> <Link to={paths.certificate.to(attempt.certificate.id)}>{attempt.certificate.certificate}</Link>{' '}
              {attempt.certificate.status !== 'valid' && <span className="badge">{attempt.certificate.status}</span>}
            </p>
          )}
          {mine && <AttemptsLeft quizId={attempt.quizId} />}
          {manager && !mine && <ReviewLinks attempt={attempt} />}
        </QuizResults>
      )}
      {attempt.status === 'expired' && mine && <AttemptsLeft quizId={attempt.quizId} />}
    </>
  );
}

function AttemptsLeft({ quizId }: { quizId: string }) {
  const quiz = useApi<{ quiz: QuizSummary }>(`/api/quizzes/${encodeURIComponent(quizId)}`);
  if (quiz.status !== 'ready') return null;
  const { mine, attempts } = quiz.data.quiz;
  return (
    <p>
      {mine.remaining === 0 ? `You have used all ${attempts} attempts.` : `${mine.remaining} of ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} left.`}{' '}
      <Link to={paths.quiz.to(quizId)}>Back to the quiz</Link>
    </p>
  );
}

function ReviewLinks({ attempt }: { attempt: Attempt }) {
  const replies = (attempt.result?.questions ?? []).filter((q) => q.type === 'reply' && q.rubricResults?.length);
  if (replies.length === 0) return null;
  return (
    <p>
      Review:{' '}
      {replies.map((q, i) => (
        <span key={q.id}>
          {i > 0 && ', '}
          <Link to={paths.quizReply.to(attempt.id, q.id)}>{attempt.paper.questions.find((p) => p.id === q.id)?.title ?? q.id}</Link>
        </span>
      ))}
    </p>
  );
}
