import { useState, type FormEvent } from 'react';
import { useSession } from '../account/session-store.ts';
import { callApi } from '../api/api-client.ts';
import type { Team } from '../api/api-types.ts';
import { Field, FormAlert, formErrorOf, useFormError } from '../shell/form-field.tsx';

/** A manager's first step: name the team. */
export function CreateTeamForm() {
  const { form, error, show } = useFormError();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    show(undefined);
    const result = await callApi<{ team: Team }>('POST', '/api/teams', { name: name.trim() });
    if (result.ok) {
      // The account now has a team: ask the server for it, so the shell and every page agree.
      await useSession.getState().load();
      return;
    }
    setBusy(false);
    show(formErrorOf(result.problem, { conflict: 'name' }));
  };

  return (
    <section className="page narrow">
      <h1>Create your team</h1>
      <p className="lead">Name your team, then invite reps with a code, assign quizzes and scenarios, and follow their results.</p>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Team name" name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} error={error} placeholder="West sales" />
        <FormAlert error={error} fields={['name']} />
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create team'}
          </button>
        </p>
      </form>
    </section>
  );
}
