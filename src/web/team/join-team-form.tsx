import { useState, type FormEvent } from 'react';
import { useSession } from '../account/session-store.ts';
import { callApi } from '../api/api-client.ts';
import type { User } from '../api/api-types.ts';
import { Field, FormAlert, formErrorOf, useFormError } from '../shell/form-field.tsx';

/** A rep joins a team with the code their manager gave them (case and dashes do not matter). */
export function JoinTeamForm() {
  const { form, error, show } = useFormError();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    show(undefined);
    const result = await callApi<{ user: User }>('POST', '/api/team/join', { code: code.trim() });
    setBusy(false);
    if (result.ok) {
      useSession.getState().setUser(result.data.user);
      return;
    }
    show(formErrorOf(result.problem, { invite_invalid: 'code', bad_request: 'code' }));
  };

  return (
    <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Join a team">
      <Field label="Invite code" name="code" required autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} error={error} hint="Like K7QD-3M9X-PW2A; ask your manager for one." />
      <FormAlert error={error} fields={['code']} />
      <p>
        <button type="submit" disabled={busy}>
          {busy ? 'Joining…' : 'Join team'}
        </button>
      </p>
    </form>
  );
}
