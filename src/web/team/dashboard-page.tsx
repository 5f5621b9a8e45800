import { Link } from 'react-router';
import { RequireAccount } from '../account/require-account.tsx';
import type { Dashboard } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay, formatPercent } from '../shell/date-format.ts';
import { levelsText } from '../shell/levels-text.ts';
import { TeamNav } from './team-nav.tsx';

const REPORTS = [
  { report: 'attempts', label: 'Attempts (CSV)', what: 'one row per certification attempt' },
  { report: 'practice', label: 'Practice (CSV)', what: 'one row per synced practice run' },
  { report: 'assignments', label: 'Assignments (CSV)', what: 'one row per assignment and rep' },
] as const;

/** `/team/dashboard`: pass rates, each rep's results and practice, what is overdue, and the CSV export. */
export function DashboardPage() {
  return (
    <RequireAccount role="manager" what="The team dashboard">
      {(user) => (
        <section className="page dashboard">
          <h1>Dashboard{user.team ? `: ${user.team.name}` : ''}</h1>
          <TeamNav />
          {user.team ? <DashboardBody /> : <p>Create your team first, on the team page.</p>}
        </section>
      )}
    </RequireAccount>
  );
}

function DashboardBody() {
  const dashboard = useApi<Dashboard>('/api/team/dashboard');
  return (
    <ApiStateView state={dashboard} what="the dashboard" retry={() => void dashboard.reload()}>
      {(data) => {
        const titles = new Map(data.certifications.map((c) => [c.quizId, c.title]));
        return (
          <>
            <section aria-labelledby="certifications-heading">
              <h2 id="certifications-heading">Certifications</h2>
              <table className="data-table">
                <caption>
                  Pass rate: reps holding a valid certificate, out of the {data.reps.length} {data.reps.length === 1 ? 'rep' : 'reps'} in the team
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Certification</th>
                    <th scope="col">Certified</th>
                    <th scope="col">Pass rate</th>
                    <th scope="col">Reps who tried</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Average best score</th>
                  </tr>
                </thead>
                <tbody>
                  {data.certifications.map((c) => (
                    <tr key={c.quizId}>
                      <th scope="row">{c.title}</th>
                      <td>
                        {c.certified} of {c.reps}
                      </td>
                      <td>{formatPercent(c.passRate)}</td>
                      <td>{c.attempted}</td>
                      <td>{c.attempts}</td>
                      <td>{formatPercent(c.averageBestPercent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section aria-labelledby="reps-heading">
              <h2 id="reps-heading">Reps</h2>
              {data.reps.length === 0 ? (
                <p>
                  No reps yet. <Link to={paths.team.to()}>Invite some</Link>.
                </p>
              ) : (
                <table className="data-table">
                  <caption>Each rep's certification attempts, practice and overdue work</caption>
                  <thead>
                    <tr>
                      <th scope="col">Rep</th>
                      <th scope="col">Certification results</th>
                      <th scope="col">Practice</th>
                      <th scope="col">Overdue</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.reps.map((rep) => (
                      <tr key={rep.id}>
                        <th scope="row">
                          <Link to={paths.rep.to(rep.id)}>{rep.name}</Link>
                          <div className="meta">{rep.email}</div>
                        </th>
                        <td>
                          {rep.quizzes.length === 0 ? (
                            'No attempts yet'
                          ) : (
                            <ul className="plain-list">
                              {rep.quizzes.map((q) => (
                                <li key={q.quizId}>
                                  {titles.get(q.quizId) ?? q.quizId}: best {formatPercent(q.bestPercent)} in {q.attempts} {q.attempts === 1 ? 'attempt' : 'attempts'}
                                  {q.certificateId ? (
                                    <span className="badge done"> Certified until {formatDay(q.certificateExpiresAt)}</span>
                                  ) : q.passed ? (
                                    <span className="badge"> Passed, certificate no longer valid</span>
                                  ) : (
                                    <span className="badge"> Not passed</span>
                                  )}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>
                          {rep.practice.runs === 0 ? (
                            'No synced practice'
                          ) : (
                            <>
                              {rep.practice.runs} {rep.practice.runs === 1 ? 'run' : 'runs'}, last {formatDay(rep.practice.lastFinishedAt)}
                              <div className="meta">{levelsText(rep.practice.levels)}</div>
                            </>
                          )}
                        </td>
                        <td>{rep.overdue > 0 ? <span className="badge status-overdue">{rep.overdue} overdue</span> : 'None'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section aria-labelledby="overdue-heading">
              <h2 id="overdue-heading">Overdue</h2>
              {data.overdue.length === 0 ? (
                <p>Nothing is overdue.</p>
              ) : (
                <ul className="plain-list">
                  {data.overdue.map((o) => (
                    <li key={`${o.assignmentId}/${o.userId}`}>
                      <Link to={paths.rep.to(o.userId)}>{o.name}</Link>: {o.title} ({o.kind === 'quiz' ? 'quiz' : 'scenario'}), due {formatDay(o.dueAt)}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section aria-labelledby="export-heading">
              <h2 id="export-heading">Export</h2>
              <ul className="plain-list">
                {REPORTS.map((r) => (
                  <li key={r.report}>
                    {/* A plain link: the browser sends the session cookie and saves the server's attachment. */}
                    <a className="button-link" href={`/api/team/export.csv?report=${r.report}`} download>
                      {r.label}
                    </a>{' '}
                    <span className="meta">{r.what}</span>
                  </li>
                ))}
              </ul>
            </section>
          </>
        );
      }}
    </ApiStateView>
  );
}
