import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { practiceQuizzes } from 'virtual:parley-content';
import { useSession } from '../account/session-store.ts';
import { callApi, problemText } from '../api/api-client.ts';
import type { Attempt, AttemptSummary, QuizSummary } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay, formatMoment } from '../shell/date-format.ts';
import { attemptOutcome } from '../team/attempt-outcome.ts';
import { MarkdownBlock } from './markdown-block.tsx';
import { standingText } from './quiz-list-page.tsx';

/** `/quizzes/:quizId`: a certification's rules, the rep's attempts and certificate, and the way to start (or practise). */
export function QuizPage() {
  const { quizId = '' } = useParams();
  const status = useSession((s) => s.status);
  const practice = practiceQuizzes.find((q) => q.id === quizId);
  if (status === 'signed-in') return <CertificationQuiz key={quizId} quizId={quizId} />;
  return (
    <section className="page narrow">
      <p className="breadcrumb">
        <Link to={paths.quizzes.to()}>Quizzes</Link>
      </p>
      <h1>{practice?.title ?? 'Certification quiz'}</h1>
      {status === 'checking' && <p role="status">Checking your account…</p>}
      {status === 'signed-out' && (
        <p>
          Certification attempts are taken signed in, on your team's server. <Link to={paths.signIn.to(paths.quiz.to(quizId))}>Sign in</Link> to start one.
        </p>
      )}
      {status === 'no-server' && <p>There is no team server here, so this quiz cannot be taken for certification.</p>}
      {practice && (
        <p>
          <Link to={paths.practiceQuiz.to(quizId)}>Practise it in your browser</Link> ({practice.questionCount} questions; practice, not a certification).
        </p>
      )}
    </section>
  );
}

function CertificationQuiz({ quizId }: { quizId: string }) {
  const quiz = useApi<{ quiz: QuizSummary }>(`/api/quizzes/${encodeURIComponent(quizId)}`);
  const attempts = useApi<{ attempts: AttemptSummary[] }>(`/api/attempts?quizId=${encodeURIComponent(quizId)}`);
  const role = useSession((s) => s.user?.role);
  const practice = practiceQuizzes.find((q) => q.id === quizId);
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();

  const start = async () => {
    setStarting(true);
    setError(undefined);
    const result = await callApi<{ attempt: Attempt; resumed?: boolean }>('POST', `/api/quizzes/${encodeURIComponent(quizId)}/attempts`);
    setStarting(false);
    if (!result.ok) {
      setError(`Could not start an attempt: ${problemText(result.problem)}`);
      await quiz.reload();
      return;
    }
    void navigate(paths.attempt.to(result.data.attempt.id), { state: { resumed: result.data.resumed === true } });
  };

  return (
    <section className="page narrow">
      <p className="breadcrumb">
        <Link to={paths.quizzes.to()}>Quizzes</Link>
      </p>
      <ApiStateView state={quiz} what="the quiz" retry={() => void quiz.reload()}>
        {({ quiz: q }) => (
          <>
            <h1>{q.title}</h1>
            <p className="lead">{q.summary}</p>
            <dl className="stats">
              <div>
                <dt>Questions</dt>
                <dd>{q.questionCount}</dd>
              </div>
              <div>
                <dt>Time limit</dt>
                <dd>{q.timeLimitMinutes} min</dd>
              </div>
              <div>
                <dt>Pass mark</dt>
                <dd>{q.passMark}%</dd>
              </div>
              <div>
                <dt>Attempts left</dt>
                <dd>
                  {q.mine.remaining} of {q.attempts}
                </dd>
              </div>
            </dl>
            <p className="meta">
              A pass earns <strong>{q.certificate.name}</strong>, valid for {q.certificate.validDays} days.{' '}
              {q.onTimeout === 'submit' ? 'When time runs out, the answers saved by then are submitted.' : 'When time runs out, the attempt is refused: submit before the end.'}
            </p>
            <MarkdownBlock markdown={q.introMarkdown} />
            {q.mine.certificate && (
              <p className="success">
                You hold this certificate until {formatDay(q.mine.certificate.expiresAt)}: <Link to={paths.certificate.to(q.mine.certificate.id)}>see and print it</Link>.
              </p>
            )}
            {role === 'rep' || q.mine.inProgress ? (
              <p>
                {q.mine.inProgress ? (
                  <Link className="button-link" to={paths.attempt.to(q.mine.inProgress)}>
                    Continue your attempt
                  </Link>
                ) : q.mine.remaining > 0 ? (
                  <button type="button" onClick={() => void start()} disabled={starting}>
                    {starting ? 'Starting…' : `Start attempt ${q.mine.used + 1} of ${q.attempts}`}
                  </button>
                ) : (
                  <span>You have used all {q.attempts} attempts.</span>
                )}{' '}
                <span className="meta">{standingText(q)}</span>
              </p>
            ) : (
              <p className="meta">Managers see their reps' attempts on the dashboard.</p>
            )}
            {q.mine.remaining > 0 && !q.mine.inProgress && role === 'rep' && <p className="meta">The clock starts as soon as you start; it runs on the server, so closing the page does not stop it.</p>}
            {error && (
              <p className="notice" role="alert">
                {error}
              </p>
            )}
            {practice && (
              <p>
                Warm up first: <Link to={paths.practiceQuiz.to(q.id)}>practise in your browser</Link> (practice, not a certification).
              </p>
            )}
          </>
        )}
      </ApiStateView>
      <ApiStateView state={attempts} what="your attempts">
        {({ attempts: list }) =>
          list.length > 0 && (
            <section aria-labelledby="attempts-heading">
              <h2 id="attempts-heading">Your attempts</h2>
              <ul className="plain-list">
                {list.map((a) => (
                  <li key={a.id}>
                    <Link to={paths.attempt.to(a.id)}>Attempt {a.number}</Link>, started {formatMoment(a.startedAt)}: {attemptOutcome(a)}
                  </li>
                ))}
              </ul>
            </section>
          )
        }
      </ApiStateView>
    </section>
  );
}
