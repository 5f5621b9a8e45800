import { Link } from 'react-router';
import { practiceQuizzes } from 'virtual:parley-content';
import { useSession } from '../account/session-store.ts';
import type { QuizSummary } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay, formatPercent } from '../shell/date-format.ts';

/** `/quizzes`: certification quizzes (on the team server, signed in) and practice quizzes (in the browser, always). */
export function QuizListPage() {
  const status = useSession((s) => s.status);
  return (
    <section className="page">
      <h1>Quizzes</h1>
      <p className="lead">Certification quizzes are timed and graded on your team's server, and a pass earns a certificate. Practice quizzes run here in your browser, as often as you like.</p>
      <section aria-labelledby="certification-heading">
        <h2 id="certification-heading">Certification</h2>
        {status === 'checking' && <p role="status">Checking your account…</p>}
        {status === 'no-server' && <p>There is no team server here, so certification is not available. Practice below works without one.</p>}
        {status === 'signed-out' && (
          <p>
            <Link to={paths.signIn.to(paths.quizzes.to())}>Sign in</Link> to take certification quizzes.
          </p>
        )}
        {status === 'signed-in' && <CertificationList />}
      </section>
      <section aria-labelledby="practice-heading">
        <h2 id="practice-heading">Practice</h2>
        {practiceQuizzes.length === 0 ? (
          <p>No practice quizzes are in this build.</p>
        ) : (
          <ul className="lesson-list" aria-label="Practice quizzes">
            {practiceQuizzes.map((q) => (
              <li key={q.id} className="lesson-card">
                <h3>
                  <Link to={paths.practiceQuiz.to(q.id)}>{q.title}: practice</Link>
                </h3>
                <p>{q.summary}</p>
                <p className="meta">
                  {q.questionCount} questions · graded in your browser · practice, not a certification
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** Where the rep stands on a certification, in a few words. */
export function standingText(q: QuizSummary): string {
  const { mine } = q;
  if (mine.certificate) return `Certified until ${formatDay(mine.certificate.expiresAt)}`;
  if (mine.inProgress) return 'Attempt in progress';
  if (mine.used === 0) return `${q.attempts} ${q.attempts === 1 ? 'attempt' : 'attempts'} allowed`;
  const best = mine.bestPercent === null ? '' : `best ${formatPercent(mine.bestPercent)}, `;
  return `${best}${mine.remaining} of ${q.attempts} attempts left`;
}

function CertificationList() {
  const quizzes = useApi<{ quizzes: QuizSummary[] }>('/api/quizzes');
  return (
    <ApiStateView state={quizzes} what="certification quizzes" retry={() => void quizzes.reload()}>
      {({ quizzes: list }) =>
        list.length === 0 ? (
          <p>The team server offers no certification quizzes yet.</p>
        ) : (
          <ul className="lesson-list" aria-label="Certification quizzes">
            {list.map((q) => (
              <li key={q.id} className="lesson-card">
                <h3>
                  <Link to={paths.quiz.to(q.id)}>{q.title}</Link>
                </h3>
                <p>{q.summary}</p>
                <p className="meta">
                  {q.questionCount} questions · {q.timeLimitMinutes} minutes · pass mark {q.passMark}%
                </p>
                <p className={q.mine.certificate ? 'success' : 'meta'}>{standingText(q)}</p>
              </li>
            ))}
          </ul>
        )
      }
    </ApiStateView>
  );
}
