import { Link } from 'react-router';
import type { Certificate, Member, MyAssignment, Team, User } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay } from '../shell/date-format.ts';
import { AssignmentStatusBadge } from './assignment-status.tsx';
import { JoinTeamForm } from './join-team-form.tsx';

/** Where an assignment is done: the quiz's page or the scenario's player. */
export const assignmentLink = (a: { kind: 'quiz' | 'scenario'; contentId: string }) => (a.kind === 'quiz' ? paths.quiz.to(a.contentId) : paths.play.to(a.contentId));

/** A rep's team page: join a team, then see what is assigned and the certificates earned. */
export function RepTeam({ user }: { user: User }) {
  if (!user.team) {
    return (
      <section className="page narrow">
        <h1>Join your team</h1>
        <p className="lead">Enter the invite code your manager sent you. Your manager will then see your certification results and the practice you finish while signed in.</p>
        <JoinTeamForm />
        <MyCertificates />
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{user.team.name}</h1>
      <Managers />
      <MyAssignments />
      <MyCertificates />
    </section>
  );
}

function Managers() {
  const team = useApi<{ team: Team; members: Member[] }>('/api/team');
  return (
    <ApiStateView state={team} what="your team">
      {({ members }) => <p className="meta">Managed by {members.map((m) => m.name).join(', ') || 'nobody yet'}. Practice you finish while signed in is shared with them.</p>}
    </ApiStateView>
  );
}

function MyAssignments() {
  const assignments = useApi<{ assignments: MyAssignment[] }>('/api/me/assignments');
  return (
    <section aria-labelledby="my-assignments-heading">
      <h2 id="my-assignments-heading">My assignments</h2>
      <ApiStateView state={assignments} what="your assignments" retry={() => void assignments.reload()}>
        {({ assignments: list }) =>
          list.length === 0 ? (
            <p>Nothing is assigned to you right now.</p>
          ) : (
            <table className="data-table">
              <caption>What your manager asked you to do, soonest due first</caption>
              <thead>
                <tr>
                  <th scope="col">Assignment</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {[...list]
                  .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
                  .map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={assignmentLink(a)}>{a.title}</Link>
                      </td>
                      <td>{a.kind === 'quiz' ? 'Certification quiz' : 'Practice scenario'}</td>
                      <td>{formatDay(a.dueAt)}</td>
                      <td>
                        <AssignmentStatusBadge status={a.status} completedAt={a.completedAt} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )
        }
      </ApiStateView>
    </section>
  );
}

function MyCertificates() {
  const certificates = useApi<{ certificates: Certificate[] }>('/api/me/certificates');
  return (
    <section aria-labelledby="my-certificates-heading">
      <h2 id="my-certificates-heading">My certificates</h2>
      <ApiStateView state={certificates} what="your certificates" retry={() => void certificates.reload()}>
        {({ certificates: list }) =>
          list.length === 0 ? (
            <p>
              None yet. Pass a <Link to={paths.quizzes.to()}>certification quiz</Link> to earn one.
            </p>
          ) : (
            <ul className="plain-list">
              {list.map((c) => (
                <li key={c.id}>
                  <Link to={paths.certificate.to(c.id)}>{c.certificate}</Link>{' '}
                  <span className="meta">
                    {c.status === 'valid' ? `valid until ${formatDay(c.expiresAt)}` : c.status === 'expired' ? `expired ${formatDay(c.expiresAt)}` : 'revoked after review'}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </ApiStateView>
    </section>
  );
}
