/**
 * Sends a signed-in rep's finished practice runs to the team server
 * (`POST /api/practice/runs`), so their manager sees them. A run is sent
 * after its debrief, and any not sent yet (finished offline or signed out,
 * or a send that failed) on the next sign-in or when the connection comes
 * back; failures are retried with a growing pause. The local run is never
 * touched: the server's copy is extra. Which runs went out is kept in
 * IndexedDB, so each is sent once; the server skips a resent run anyway.
 */
import { create } from 'zustand';
import type { CompletedRun } from '../../core/progress/progress.ts';
import { useSession } from '../account/session-store.ts';
import { callApi, type ApiProblem } from '../api/api-client.ts';
import { readSynced, writeSynced, type SyncRecord } from './progress-db.ts';
import { useProgress } from './progress-store.ts';

/** Runs per request (the API takes 1-50 and 4 MB). */
const BATCH = 10;
const FIRST_RETRY_MS = 15_000;
const LONGEST_RETRY_MS = 10 * 60_000;

export interface PracticeSyncState {
  /** `checking` until the first look at what the server lacks. */
  status: 'checking' | 'idle' | 'sending' | 'waiting';
  /** Finished runs in this browser the server does not have yet. */
  unsent: number;
  /** Runs the server refused, with its reason (kept locally, not sent again). */
  refused: { runId: string; scenarioTitle: string; reason: string }[];
  /** Why the last send failed, while a retry is waiting. */
  problem?: string;
  /** When the next retry is due (ISO). */
  retryAt?: string;
  lastSentAt?: string;
}

/** The state of practice sync, for the progress page. */
export const usePracticeSync = create<PracticeSyncState>()(() => ({ status: 'checking', unsent: 0, refused: [] }));

let running: Promise<void> | undefined;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = FIRST_RETRY_MS;
let started = false;

/** The signed-in rep, if any: only reps share their practice. */
function signedInRep(): string | undefined {
  const { status, user } = useSession.getState();
  return status === 'signed-in' && user?.role === 'rep' ? user.id : undefined;
}

/** Sends what is unsent now; one send at a time, a call during a send runs once more after it. */
export function syncPractice(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await sendUnsent();
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function sendUnsent(): Promise<void> {
  const userId = signedInRep();
  const progress = useProgress.getState();
  if (!userId || progress.status !== 'ready') return;
  let records: SyncRecord[];
  try {
    records = await readSynced();
  } catch {
    // No IndexedDB here: progress itself is in memory only (the progress page says so); send it all, the server skips repeats.
    records = [];
  }
  const done = new Set(records.map((r) => r.runId));
  const refused = records.filter((r) => r.refused).map((r) => ({ runId: r.runId, scenarioTitle: progress.runs.find((x) => x.id === r.runId)?.scenarioTitle ?? r.runId, reason: r.refused! }));
  let unsent = progress.runs.filter((r) => !done.has(r.id)).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  usePracticeSync.setState({ unsent: unsent.length, refused });
  if (unsent.length === 0) {
    usePracticeSync.setState({ status: 'idle', problem: undefined, retryAt: undefined });
    return;
  }
  usePracticeSync.setState({ status: 'sending' });
  let size = BATCH;
  while (unsent.length > 0) {
    const batch = unsent.slice(0, size);
    const outcome = await sendBatch(batch, userId);
    if (outcome === 'sent') {
      unsent = unsent.slice(batch.length);
      usePracticeSync.setState({ unsent: unsent.length, lastSentAt: new Date().toISOString() });
      continue;
    }
    if (outcome === 'too-large') {
      size = Math.max(1, Math.floor(size / 2));
      continue;
    }
    if (outcome === 'stop') {
      usePracticeSync.setState({ status: 'idle' });
      return;
    }
    if (outcome === 'refused-one') {
      // The batch held a run the server will never take: send its runs one by one to find it.
      size = 1;
      continue;
    }
    if ('refused' in outcome) {
      const run = batch[0]!;
      unsent = unsent.slice(1);
      usePracticeSync.setState((s) => ({ unsent: unsent.length, refused: [...s.refused, { runId: run.id, scenarioTitle: run.scenarioTitle, reason: outcome.refused }] }));
      continue;
    }
    scheduleRetry(outcome.problem);
    return;
  }
  retryDelay = FIRST_RETRY_MS;
  usePracticeSync.setState({ status: 'idle', problem: undefined, retryAt: undefined, unsent: 0 });
}

/** `refused`: the server will never take this one run (its reason); `refused-one`: some run of the batch. */
type BatchOutcome = 'sent' | 'too-large' | 'stop' | 'refused-one' | { refused: string } | { problem: ApiProblem };

async function sendBatch(batch: readonly CompletedRun[], userId: string): Promise<BatchOutcome> {
  const result = await callApi<{ added: number; alreadyThere: number }>('POST', '/api/practice/runs', { runs: batch });
  const at = new Date().toISOString();
  if (result.ok) {
    await writeSynced(batch.map((r) => ({ runId: r.id, userId, at }))).catch(() => undefined);
    return 'sent';
  }
  const { problem } = result;
  if (problem.status === 401) {
    useSession.getState().sessionEnded();
    return 'stop';
  }
  if (problem.status === 413 && batch.length > 1) return 'too-large';
  if ((problem.status === 400 && problem.error === 'bad_request') || problem.status === 413) {
    if (batch.length === 1) {
      await writeSynced([{ runId: batch[0]!.id, userId, at, refused: problem.reason }]).catch(() => undefined);
      return { refused: problem.reason };
    }
    return 'refused-one';
  }
  // Anything else (no connection, a server fault, the server gone) is tried again later.
  return { problem };
}

function scheduleRetry(problem: ApiProblem): void {
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  const at = new Date(Date.now() + retryDelay);
  usePracticeSync.setState({ status: 'waiting', problem: problem.reason, retryAt: at.toISOString() });
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void syncPractice();
  }, retryDelay);
  retryDelay = Math.min(LONGEST_RETRY_MS, retryDelay * 2);
}

/**
 * Starts syncing for as long as the app runs: now, whenever a rep signs in,
 * whenever a run is finished, and when the browser comes back online.
 * Calling it again does nothing.
 */
export function startPracticeSync(): void {
  if (started) return;
  started = true;
  let lastUser = signedInRep();
  useSession.subscribe(() => {
    const now = signedInRep();
    if (now !== lastUser) {
      lastUser = now;
      retryDelay = FIRST_RETRY_MS;
      if (now) void syncPractice();
      else usePracticeSync.setState({ status: 'idle', unsent: 0, refused: [], problem: undefined, retryAt: undefined });
    }
  });
  useProgress.subscribe((state, before) => {
    if (state.runs !== before.runs || state.status !== before.status) void syncPractice();
  });
  window.addEventListener('online', () => {
    retryDelay = FIRST_RETRY_MS;
    void syncPractice();
  });
  void syncPractice();
}
