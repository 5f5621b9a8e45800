import { Link } from 'react-router';
import type { User } from '../api/api-types.ts';
import { paths } from '../paths.ts';

/** What the sign-in and sign-up pages say to someone already signed in. */
export function SignedInAlready({ user }: { user: User }) {
  return (
    <section className="page narrow">
      <h1>You are signed in</h1>
      <p>
        You are signed in as {user.name} ({user.email}). <Link to={paths.team.to()}>Go to your team page</Link>, or sign out first (top right) to use
        another account.
      </p>
    </section>
  );
}
