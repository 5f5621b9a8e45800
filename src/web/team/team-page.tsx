import { RequireAccount } from '../account/require-account.tsx';
import { ManagerTeam } from './manager-team.tsx';
import { RepTeam } from './rep-team.tsx';

/** `/team`: a manager's members and invites, or a rep's team, assignments and certificates. */
export function TeamPage() {
  return <RequireAccount what="Your team page">{(user) => (user.role === 'manager' ? <ManagerTeam user={user} /> : <RepTeam user={user} />)}</RequireAccount>;
}
