import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Role, User } from '../api/api-types.ts';
import { paths } from '../paths.ts';
import { NoServer } from './no-server.tsx';
import { useSession } from './session-store.ts';

/**
 * Shows its page only to someone signed in (with the role, when one is
 * named); everyone else is told why and offered the way in.
 */
export function RequireAccount({ role, what, children }: { role?: Role; what: string; children: (user: User) => ReactNode }) {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const location = useLocation();
  if (status === 'checking') return <p className="page narrow" role="status">Checking your account…</p>;
  if (status === 'no-server') return <NoServer what={what} />;
  if (!user) {
    return (
      <section className="page narrow">
        <h1>Sign in to continue</h1>
        <p>{what} needs you to be signed in.</p>
        <p>
          <Link to={paths.signIn.to(location.pathname + location.search)}>Sign in</Link> or <Link to={paths.signUp.to()}>create an account</Link>.
        </p>
      </section>
    );
  }
  if (role && user.role !== role) {
    return (
      <section className="page narrow">
        <h1>{role === 'manager' ? 'For managers' : 'For reps'}</h1>
        <p>
          {what} is for {role === 'manager' ? 'managers' : 'reps'}, and you are signed in as a {user.role}.
        </p>
        <p>
          <Link to={paths.team.to()}>Go to your team page</Link>
        </p>
      </section>
    );
  }
  return <>{children(user)}</>;
}
