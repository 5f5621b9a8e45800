import { useMemo } from 'react';
import type { Skill } from '../../core/content/vocabulary.ts';
import { withReviewedLevels, type CompletedRun } from '../../core/progress/progress.ts';
import { useSession } from '../account/session-store.ts';
import type { PracticeRunSummary } from '../api/api-types.ts';
import { useApi } from '../api/use-api.ts';

/**
 * A signed-in rep's runs with their manager's re-ratings applied: the team
 * server knows which synced runs a manager reviewed and the levels that count
 * now. Signed out, or before the server answers, the runs are as played.
 */
export function useReviewedRuns(runs: readonly CompletedRun[]): { runs: readonly CompletedRun[]; reviewed: number } {
  const rep = useSession((s) => s.user?.role === 'rep');
  const synced = useApi<{ runs: PracticeRunSummary[] }>(rep ? '/api/practice/runs' : undefined);
  const data = synced.status === 'ready' ? synced.data : undefined;
  return useMemo(() => {
    if (!data) return { runs, reviewed: 0 };
    const reviewed = new Map<string, Partial<Record<Skill, number>>>();
    for (const r of data.runs) if (r.overridden > 0) reviewed.set(r.runId, r.levels);
    const mine = runs.filter((r) => reviewed.has(r.id)).length;
    return { runs: mine ? withReviewedLevels(runs, reviewed) : runs, reviewed: mine };
  }, [runs, data]);
}
