import { useSession } from '../account/session-store.ts';
import { formatMoment } from '../shell/date-format.ts';
import { syncPractice, usePracticeSync } from './practice-sync.ts';

/** On the progress page, for a signed-in rep: whether finished runs have reached the team server. */
export function SyncStatus() {
  const user = useSession((s) => s.user);
  const sync = usePracticeSync();
  if (user?.role !== 'rep') return null;
  const runs = (n: number) => `${n} finished ${n === 1 ? 'run' : 'runs'}`;
  return (
    <section className="panel sync-status" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Shared with your team</h2>
      <p role="status">
        {sync.status === 'checking'
          ? 'Checking which of your runs the team server has…'
          : sync.status === 'sending'
          ? `Sending ${runs(sync.unsent)} to the team server…`
          : sync.status === 'waiting'
            ? `${runs(sync.unsent)} not sent yet: ${sync.problem ?? 'the server did not take them'}. Trying again at ${formatMoment(sync.retryAt)}; they stay in this browser meanwhile.`
            : sync.unsent > 0
              ? `${runs(sync.unsent)} waiting to be sent.`
              : `Every run you finish while signed in${user.team ? ` is shared with ${user.team.name}` : ' is kept on the team server for when you join a team'}.`}
      </p>
      {sync.status === 'waiting' && (
        <button type="button" className="secondary small" onClick={() => void syncPractice()}>
          Send now
        </button>
      )}
      {sync.refused.length > 0 && (
        <>
          <p>The server refused these runs, so they stay in this browser only:</p>
          <ul>
            {sync.refused.map((r) => (
              <li key={r.runId}>
                {r.scenarioTitle}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {sync.lastSentAt && <p className="meta">Last sent {formatMoment(sync.lastSentAt)}.</p>}
    </section>
  );
}
