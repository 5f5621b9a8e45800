import { useId, useState, type FormEvent } from 'react';
import { scenarios } from 'virtual:parley-content';
import { RequireAccount } from '../account/require-account.tsx';
import { callApi, problemText } from '../api/api-client.ts';
import type { AssignmentKind, Member, QuizSummary, Team, TeamAssignment } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { formatDay } from '../shell/date-format.ts';
import { Field, FormAlert, formErrorOf, useFormError } from '../shell/form-field.tsx';
import { AssignmentStatusBadge } from './assignment-status.tsx';
import { TeamNav } from './team-nav.tsx';

/** The end of a chosen day where the manager is, as the API's ISO time. */
export function dueAtOf(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

/** `/team/assignments`: ask the team or one rep to pass a quiz or practise a scenario by a date. */
export function AssignmentsPage() {
  return (
    <RequireAccount role="manager" what="Assigning quizzes and scenarios">
      {(user) => (
        <section className="page">
          <h1>Assignments{user.team ? `: ${user.team.name}` : ''}</h1>
          <TeamNav />
          {user.team ? <Assignments /> : <p>Create your team first, on the team page.</p>}
        </section>
      )}
    </RequireAccount>
  );
}

function Assignments() {
  const list = useApi<{ assignments: TeamAssignment[] }>('/api/team/assignments');
  const team = useApi<{ team: Team; members: Member[] }>('/api/team');
  const quizzes = useApi<{ quizzes: QuizSummary[] }>('/api/quizzes');
  const [message, setMessage] = useState<string>();
  const reps = team.status === 'ready' ? team.data.members.filter((m) => m.role === 'rep') : [];

  const remove = async (a: TeamAssignment) => {
    setMessage(undefined);
    const result = await callApi<undefined>('DELETE', `/api/team/assignments/${encodeURIComponent(a.id)}`);
    if (!result.ok) setMessage(`Could not delete “${a.title}”: ${problemText(result.problem)}`);
    await list.reload();
  };

  return (
    <>
      <AssignmentForm quizzes={quizzes.status === 'ready' ? quizzes.data.quizzes : []} reps={reps} onCreated={() => void list.reload()} />
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assigned</h2>
        {message && (
          <p className="notice" role="alert">
            {message}
          </p>
        )}
        <ApiStateView state={list} what="assignments" retry={() => void list.reload()}>
          {({ assignments }) =>
            assignments.length === 0 ? (
              <p>Nothing assigned yet.</p>
            ) : (
              <ul className="assignment-list">
                {assignments.map((a) => (
                  <li key={a.id} className="panel">
                    <h3>{a.title}</h3>
                    <p className="meta">
                      {a.kind === 'quiz' ? 'Certification quiz' : 'Practice scenario'} · due {formatDay(a.dueAt)} · {a.userId ? `for ${a.reps[0]?.name ?? 'one rep'}` : 'for everyone in the team'}
                    </p>
                    {a.reps.length > 0 ? (
                      <ul className="plain-list" aria-label={`How each rep stands on ${a.title}`}>
                        {a.reps.map((r) => (
                          <li key={r.userId}>
                            {r.name}: <AssignmentStatusBadge status={r.status} completedAt={r.completedAt} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="meta">No reps in the team yet.</p>
                    )}
                    <button type="button" className="danger small" aria-label={`Delete the assignment ${a.title}`} onClick={() => void remove(a)}>
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </ApiStateView>
      </section>
    </>
  );
}

function AssignmentForm({ quizzes, reps, onCreated }: { quizzes: readonly QuizSummary[]; reps: readonly Member[]; onCreated(): void }) {
  const { form, error, show } = useFormError();
  const id = useId();
  const [kind, setKind] = useState<AssignmentKind>('quiz');
  const [contentId, setContentId] = useState('');
  const [userId, setUserId] = useState('');
  const [due, setDue] = useState('');
  const [done, setDone] = useState<string>();
  const options = kind === 'quiz' ? quizzes.map((q) => ({ id: q.id, title: q.title })) : scenarios.map((s) => ({ id: s.id, title: s.title }));
  const chosen = options.some((o) => o.id === contentId) ? contentId : (options[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    if (!due) {
      show({ field: 'dueAt', message: 'Choose the day it is due.' });
      return;
    }
    show(undefined);
    const result = await callApi<{ assignment: { title: string } }>('POST', '/api/team/assignments', {
      kind,
      contentId: chosen,
      dueAt: dueAtOf(due),
      ...(userId ? { userId } : {}),
    });
    if (!result.ok) {
      show(formErrorOf(result.problem));
      return;
    }
    setDone(`Assigned “${result.data.assignment.title}”, due ${formatDay(dueAtOf(due))}.`);
    onCreated();
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New assignment</h2>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="role-choice">
          <legend>Assign</legend>
          <label>
            <input type="radio" name="kind" checked={kind === 'quiz'} onChange={() => setKind('quiz')} /> A certification quiz
          </label>
          <label>
            <input type="radio" name="kind" checked={kind === 'scenario'} onChange={() => setKind('scenario')} /> A practice scenario
          </label>
        </fieldset>
        <div className={`field${error?.field === 'contentId' ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-content`}>{kind === 'quiz' ? 'Quiz' : 'Scenario'}</label>
          <select id={`${id}-content`} name="contentId" value={chosen} onChange={(e) => setContentId(e.target.value)} aria-describedby={error?.field === 'contentId' ? `${id}-content-error` : undefined}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
          {error?.field === 'contentId' && (
            <p id={`${id}-content-error`} className="field-error" role="alert">
              {error.message}
            </p>
          )}
        </div>
        <div className={`field${error?.field === 'userId' ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-who`}>For</label>
          <select id={`${id}-who`} name="userId" value={userId} onChange={(e) => setUserId(e.target.value)} aria-describedby={error?.field === 'userId' ? `${id}-who-error` : undefined}>
            <option value="">Everyone in the team (reps who join later too)</option>
            {reps.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {error?.field === 'userId' && (
            <p id={`${id}-who-error`} className="field-error" role="alert">
              {error.message}
            </p>
          )}
        </div>
        <Field label="Due" name="dueAt" type="date" required value={due} onChange={(e) => setDue(e.target.value)} error={error} />
        <FormAlert error={error} fields={['contentId', 'userId', 'dueAt']} />
        <p>
          <button type="submit" disabled={!chosen}>
            Assign
          </button>
        </p>
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}
