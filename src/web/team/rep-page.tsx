import { Link, useParams } from 'react-router';
import { RequireAccount } from '../account/require-account.tsx';
import type { RepDetail } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay, formatMoment, formatPercent } from '../shell/date-format.ts';
import { levelsText } from '../shell/levels-text.ts';
import { AssignmentStatusBadge } from './assignment-status.tsx';
import { attemptOutcome } from './attempt-outcome.ts';
import { TeamNav } from './team-nav.tsx';

/** `/team/reps/:userId`: one rep in full, for their manager. */
export function RepPage() {
  const { userId = '' } = useParams();
  return (
    <RequireAccount role="manager" what="A rep's results">
      {() => (
        <section className="page">
          <RepBody userId={userId} />
        </section>
      )}
    </RequireAccount>
  );
}

function RepBody({ userId }: { userId: string }) {
  const detail = useApi<RepDetail>(`/api/team/reps/${encodeURIComponent(userId)}`);
  return (
    <>
      <h1>{detail.status === 'ready' ? detail.data.rep.name : 'Rep'}</h1>
      <TeamNav />
      <ApiStateView state={detail} what="this rep" retry={() => void detail.reload()}>
        {({ rep, attempts, certificates, practiceRuns, assignments }) => (
          <>
            <p className="meta">
              {rep.email} · joined {formatDay(rep.joinedAt)} · <Link to={`${paths.review.to()}?rep=${encodeURIComponent(rep.id)}`}>Review {rep.name}'s scored replies</Link>
            </p>
            <section aria-labelledby="rep-attempts-heading">
              <h2 id="rep-attempts-heading">Certification attempts</h2>
              {attempts.length === 0 ? (
                <p>No attempts yet.</p>
              ) : (
                <table className="data-table">
                  <caption>Newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Quiz</th>
                      <th scope="col">Attempt</th>
                      <th scope="col">Started</th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {attempts.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <Link to={paths.attempt.to(a.id)}>{a.quizTitle}</Link>
                        </td>
                        <td>#{a.number}</td>
                        <td>{formatMoment(a.startedAt)}</td>
                        <td>{attemptOutcome(a)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="rep-certificates-heading">
              <h2 id="rep-certificates-heading">Certificates</h2>
              {certificates.length === 0 ? (
                <p>None yet.</p>
              ) : (
                <ul className="plain-list">
                  {certificates.map((c) => (
                    <li key={c.id}>
                      <Link to={paths.certificate.to(c.id)}>{c.certificate}</Link> <span className="meta">({c.status}, until {formatDay(c.expiresAt)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="rep-practice-heading">
              <h2 id="rep-practice-heading">Practice synced from {rep.name}</h2>
              {practiceRuns.length === 0 ? (
                <p>No practice synced yet. Runs are sent when {rep.name} finishes one while signed in.</p>
              ) : (
                <table className="data-table">
                  <caption>Finished scenarios, newest first; levels count reviewers' overrides</caption>
                  <thead>
                    <tr>
                      <th scope="col">Scenario</th>
                      <th scope="col">Finished</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Score</th>
                      <th scope="col">Levels</th>
                    </tr>
                  </thead>
                  <tbody>
                    {practiceRuns.map((r) => (
                      <tr key={r.id}>
                        <td>{r.scenarioTitle}</td>
                        <td>{formatMoment(r.finishedAt)}</td>
                        <td>{r.outcome}</td>
                        <td>{r.score === null ? 'Not scored' : formatPercent(r.score)}</td>
                        <td>
                          {levelsText(r.levels)}
                          {r.overridden > 0 && <div className="meta">{r.overridden} reviewed</div>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="rep-assignments-heading">
              <h2 id="rep-assignments-heading">Assignments</h2>
              {assignments.length === 0 ? (
                <p>Nothing assigned.</p>
              ) : (
                <ul className="plain-list">
                  {assignments.map((a) => (
                    <li key={a.id}>
                      {a.title}, due {formatDay(a.dueAt)}: <AssignmentStatusBadge status={a.status} completedAt={a.completedAt} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </ApiStateView>
    </>
  );
}
