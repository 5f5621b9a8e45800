import { useState, type FormEvent } from 'react';
import { callApi, problemText } from '../api/api-client.ts';
import type { Invite, InviteStatus } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { CopyButton } from '../shell/copy-button.tsx';
import { formatDay } from '../shell/date-format.ts';
import { Field, FormAlert, formErrorOf, useFormError } from '../shell/form-field.tsx';

const STATUS: Record<InviteStatus, string> = { active: 'Active', expired: 'Expired', used_up: 'Used up', revoked: 'Revoked' };

/** The sign-up address that fills in the code for the rep. */
const joinLink = (code: string) => new URL(paths.signUp.to(code), window.location.origin).href;

/** Invite codes: create one (how long it lasts, how many reps may use it), copy it, revoke it. */
export function InvitePanel() {
  const invites = useApi<{ invites: Invite[] }>('/api/team/invites');
  const { form, error, show } = useFormError();
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState('1');
  const [created, setCreated] = useState<Invite>();
  const [message, setMessage] = useState<string>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    show(undefined);
    setMessage(undefined);
    const result = await callApi<{ invite: Invite }>('POST', '/api/team/invites', { expiresInDays: Number(days), maxUses: Number(uses) });
    if (!result.ok) {
      show(formErrorOf(result.problem));
      return;
    }
    setCreated(result.data.invite);
    await invites.reload();
  };

  const revoke = async (code: string) => {
    setMessage(undefined);
    const result = await callApi<undefined>('DELETE', `/api/team/invites/${encodeURIComponent(code)}`);
    if (!result.ok) {
      setMessage(`Could not revoke ${code}: ${problemText(result.problem)}`);
      return;
    }
    if (created?.code === code) setCreated(undefined);
    await invites.reload();
  };

  return (
    <section aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invite reps</h2>
      <p>A rep joins with a code when they sign up, or later from their team page. Send the code or the sign-up link.</p>
      <form ref={form} className="form inline-form" onSubmit={(e) => void create(e)} noValidate aria-label="New invite code">
        <Field label="Valid for (days)" name="expiresInDays" type="number" min={1} max={90} required value={days} onChange={(e) => setDays(e.target.value)} error={error} />
        <Field label="Reps who may use it" name="maxUses" type="number" min={1} max={500} required value={uses} onChange={(e) => setUses(e.target.value)} error={error} />
        <p>
          <button type="submit">Create invite code</button>
        </p>
        <FormAlert error={error} fields={['expiresInDays', 'maxUses']} />
      </form>
      {created && (
        <div className="panel new-invite" role="status">
          <p>
            New code: <strong className="invite-code">{created.code}</strong> (valid until {formatDay(created.expiresAt)}, {created.maxUses === 1 ? 'one rep' : `${created.maxUses} reps`})
          </p>
          <p>
            <CopyButton text={created.code} label="Copy code" /> <CopyButton text={joinLink(created.code)} label="Copy sign-up link" />
          </p>
        </div>
      )}
      {message && (
        <p className="notice" role="alert">
          {message}
        </p>
      )}
      <ApiStateView state={invites} what="invite codes" retry={() => void invites.reload()}>
        {({ invites: list }) =>
          list.length === 0 ? (
            <p className="meta">No invite codes yet.</p>
          ) : (
            <table className="data-table">
              <caption>Invite codes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Status</th>
                  <th scope="col">Used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((invite) => (
                  <tr key={invite.code}>
                    <td>
                      <code className="invite-code">{invite.code}</code>
                    </td>
                    <td>{STATUS[invite.status]}</td>
                    <td>
                      {invite.uses} of {invite.maxUses}
                    </td>
                    <td>{formatDay(invite.expiresAt)}</td>
                    <td className="actions">
                      {invite.status === 'active' && (
                        <>
                          <CopyButton text={invite.code} label={`Copy ${invite.code}`} />{' '}
                          <button type="button" className="danger small" aria-label={`Revoke ${invite.code}`} onClick={() => void revoke(invite.code)}>
                            Revoke
                          </button>
                        </>
                      )}
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
