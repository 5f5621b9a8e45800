import { useState } from 'react';
import { Link } from 'react-router';
import { callApi, problemText } from '../api/api-client.ts';
import type { Member, Team, User } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay } from '../shell/date-format.ts';
import { CreateTeamForm } from './create-team-form.tsx';
import { InvitePanel } from './invite-panel.tsx';
import { TeamNav } from './team-nav.tsx';

/** The manager's team: who is in it, and the invite codes that let reps join. */
export function ManagerTeam({ user }: { user: User }) {
  if (!user.team) return <CreateTeamForm />;
  return (
    <section className="page team-page">
      <h1>{user.team.name}</h1>
      <TeamNav />
      <InvitePanel />
      <MemberList />
    </section>
  );
}

function MemberList() {
  const team = useApi<{ team: Team; members: Member[] }>('/api/team');
  const [confirming, setConfirming] = useState<Member>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const remove = async (member: Member) => {
    const result = await callApi<undefined>('DELETE', `/api/team/members/${encodeURIComponent(member.id)}`);
    setConfirming(undefined);
    if (!result.ok) {
      setMessage({ text: `Could not remove ${member.name}: ${problemText(result.problem)}`, error: true });
      return;
    }
    setMessage({ text: `${member.name} left the team. Their results stay theirs; assignments made to them alone were deleted.`, error: false });
    await team.reload();
  };

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {message && (
        <p className={message.error ? 'notice' : 'success'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ApiStateView state={team} what="the team's members" retry={() => void team.reload()}>
        {({ members }) => {
          const reps = members.filter((m) => m.role === 'rep');
          return (
            <>
              {reps.length === 0 && <p>No reps yet. Create an invite code above and send it to them.</p>}
              <table className="data-table">
                <caption>Everyone in the team ({members.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Joined</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr key={m.id}>
                      <td>{m.role === 'rep' ? <Link to={paths.rep.to(m.id)}>{m.name}</Link> : m.name}</td>
                      <td>{m.email}</td>
                      <td>{m.role === 'manager' ? 'Manager' : 'Rep'}</td>
                      <td>{formatDay(m.joinedAt)}</td>
                      <td>
                        {m.role === 'rep' &&
                          (confirming?.id === m.id ? (
                            <span className="confirm-inline">
                              Remove {m.name}?{' '}
                              <button type="button" className="danger small" onClick={() => void remove(m)}>
                                Remove
                              </button>{' '}
                              <button type="button" className="secondary small" onClick={() => setConfirming(undefined)}>
                                Keep
                              </button>
                            </span>
                          ) : (
                            <button type="button" className="secondary small" onClick={() => setConfirming(m)} aria-label={`Remove ${m.name} from the team`}>
                              Remove…
                            </button>
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </ApiStateView>
    </section>
  );
}
