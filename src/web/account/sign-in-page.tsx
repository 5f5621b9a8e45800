import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../paths.ts';
import { Field, FormAlert, formErrorOf, useFormError } from '../shell/form-field.tsx';
import { NoServer } from './no-server.tsx';
import { SignedInAlready } from './signed-in-already.tsx';
import { useSession } from './session-store.ts';

const FIELDS = ['email', 'password'] as const;

/** The page to go to after signing in: `?next=` when it is an app path, else the team page. */
export function afterSignIn(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.team.to();
}

/** Sign in with email and password; the server sets the session cookie. */
export function SignInPage() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { form, error, show } = useFormError();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  if (status === 'no-server') return <NoServer what="Signing in" />;
  // Once the form itself signed someone in, the page is on its way elsewhere; otherwise say who is signed in.
  if (user && !busy) return <SignedInAlready user={user} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    show(undefined);
    const problem = await useSession.getState().signIn(email.trim(), password);
    if (!problem) {
      void navigate(afterSignIn(params.get('next')));
      return;
    }
    setBusy(false);
    show(formErrorOf(problem));
  };

  return (
    <section className="page narrow account-page">
      <h1>Sign in</h1>
      <p className="lead">Sign in to take certification quizzes and share your practice with your team.</p>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={error} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={error} />
        <FormAlert error={error} fields={FIELDS} />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
      </form>
      <p>
        New here? <Link to={paths.signUp.to()}>Create an account</Link>
      </p>
    </section>
  );
}
