import { useEffect, useRef } from 'react';
import { useSession } from '../account/session-store.ts';
import type { PracticeRunSummary } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';
import { usePracticeSync } from '../progress/practice-sync.ts';
import { levelsText } from '../shell/levels-text.ts';

/**
 * For a signed-in rep: whether this run reached the team server, and, when
 * their manager re-rated replies in it, the levels that count now (the
 * human levels win over the scorer's, here as everywhere).
 */
export function SharedRunNote({ runId }: { runId: string }) {
  const user = useSession((s) => s.user);
  if (user?.role !== 'rep') return null;
  return <Note runId={runId} />;
}

function Note({ runId }: { runId: string }) {
  const synced = useApi<{ runs: PracticeRunSummary[] }>('/api/practice/runs');
  // A run finished a moment ago is usually still on its way: look again once the sync has sent something.
  const lastSentAt = usePracticeSync((s) => s.lastSentAt);
  const first = useRef(lastSentAt);
  const { reload } = synced;
  useEffect(() => {
    if (lastSentAt !== first.current) void reload();
  }, [lastSentAt, reload]);
  if (synced.status !== 'ready') return null;
  const mine = synced.data.runs.find((r) => r.runId === runId);
  if (!mine) return <p className="meta">This run will be shared with your team once it reaches the team server.</p>;
  if (mine.overridden === 0) return <p className="meta">Shared with your team.</p>;
  return (
    <p className="notice reviewed-note">
      Your manager re-rated {mine.overridden} {mine.overridden === 1 ? 'reply' : 'replies'} in this run. The levels that count now: {levelsText(mine.levels)}. The
      replies below show the scorer's levels as you played.
    </p>
  );
}
