import { useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { paths } from '../paths.ts';
import { useSession } from './session-store.ts';

/** The team links of the main navigation: shown once someone is signed in. */
export function TeamLinks() {
  const user = useSession((s) => s.user);
  if (!user) return null;
  return user.role === 'manager' ? (
    <>
      <NavLink to={paths.team.to()} end>
        Team
      </NavLink>
      <NavLink to={paths.dashboard.to()}>Dashboard</NavLink>
    </>
  ) : (
    <NavLink to={paths.team.to()} end>
      My team
    </NavLink>
  );
}

/** Who is signed in, and the way in or out. Nothing when there is no team server (practice only). */
export function AccountMenu() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();

  if (status === 'checking' || status === 'no-server') return null;
  if (!user) {
    const here = location.pathname + location.search;
    const onAccountPage = location.pathname === paths.signIn.pattern || location.pathname === paths.signUp.pattern;
    return (
      <div className="account-menu">
        <Link to={paths.signIn.to(onAccountPage ? undefined : here)}>Sign in</Link>
        <Link to={paths.signUp.to()}>Sign up</Link>
      </div>
    );
  }

  const signOut = async () => {
    setError(undefined);
    const problem = await useSession.getState().signOut();
    if (problem) setError(`Could not sign out: ${problem.reason}`);
    else void navigate(paths.home.to());
  };

  return (
    <div className="account-menu">
      <span className="who">
        {user.name} <span className="meta">({user.role === 'manager' ? 'Manager' : 'Rep'}{user.team ? `, ${user.team.name}` : ''})</span>
      </span>
      <button type="button" className="secondary small" onClick={() => void signOut()}>
        Sign out
      </button>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
