import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Role } from '../api/api-types.ts';
import { paths } from '../paths.ts';
import { Field, FormAlert, formErrorOf, useFormError } from '../shell/form-field.tsx';
import { NoServer } from './no-server.tsx';
import { SignedInAlready } from './signed-in-already.tsx';
import { useSession } from './session-store.ts';


/** Create an account as a manager (who then creates a team) or a rep (who can join one with a code at once). */
export function SignUpPage() {
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { form, error, show } = useFormError();
  const invite = params.get('invite') ?? '';
  const [values, setValues] = useState({ name: '', email: '', password: '', inviteCode: invite });
  const [role, setRole] = useState<Role>(invite ? 'rep' : 'manager');
  const [busy, setBusy] = useState(false);

  if (status === 'no-server') return <NoServer what="Creating an account" />;
  // Once the form itself signed someone in, the page is on its way elsewhere; otherwise say who is signed in.
  if (user && !busy) return <SignedInAlready user={user} />;

  const change = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    show(undefined);
    const code = values.inviteCode.trim();
    const problem = await useSession.getState().signUp({
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
      role,
      ...(role === 'rep' && code ? { inviteCode: code } : {}),
    });
    if (!problem) {
      void navigate(paths.team.to());
      return;
    }
    setBusy(false);
    // A taken email is the email's problem; a bad code is the code's.
    show(formErrorOf(problem, { conflict: 'email', invite_invalid: 'inviteCode' }));
  };

  return (
    <section className="page narrow account-page">
      <h1>Create an account</h1>
      <p className="lead">Managers create a team and invite reps; reps join with the code their manager gives them.</p>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="role-choice">
          <legend>I am</legend>
          <label>
            <input type="radio" name="role" value="manager" checked={role === 'manager'} onChange={() => setRole('manager')} /> A manager: I run a team
          </label>
          <label>
            <input type="radio" name="role" value="rep" checked={role === 'rep'} onChange={() => setRole('rep')} /> A rep: I practise and certify
          </label>
        </fieldset>
        <Field label="Name" name="name" autoComplete="name" required maxLength={100} value={values.name} onChange={change('name')} error={error} />
        <Field label="Email" name="email" type="email" autoComplete="email" required value={values.email} onChange={change('email')} error={error} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={values.password}
          onChange={change('password')}
          error={error}
          hint="At least 10 characters."
        />
        {role === 'rep' && (
          <Field
            label="Invite code (optional)"
            name="inviteCode"
            autoComplete="off"
            value={values.inviteCode}
            onChange={change('inviteCode')}
            error={error}
            hint="From your manager, like K7QD-3M9X-PW2A. You can also join a team later."
          />
        )}
        <FormAlert error={error} fields={role === 'rep' ? ['name', 'email', 'password', 'inviteCode'] : ['name', 'email', 'password']} />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </p>
      </form>
      <p>
        Already have an account? <Link to={paths.signIn.to()}>Sign in</Link>
      </p>
    </section>
  );
}
