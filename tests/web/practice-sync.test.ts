import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompletedRun } from '../../src/core/progress/progress.ts';
import type { User } from '../../src/web/api/api-types.ts';
import { apiError, fakeApi, type FakeAnswer } from './fake-api.ts';

const rep: User = { id: 'u_sam', email: 'sam@example.com', name: 'Sam Reyes', role: 'rep', team: { id: 't_1', name: 'West sales' } };
const manager: User = { ...rep, id: 'u_morgan', role: 'manager' };

/** A finished run as the progress store holds it (the sync sends it as it is; the fake server does not look inside). */
const run = (id: string, minute: number): CompletedRun => ({ id, scenarioId: 'price-premium', scenarioTitle: `Run ${id}`, finishedAt: `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z` }) as CompletedRun;

/** The sync and the stores it follows, fresh for each test (module state and an empty IndexedDB). */
async function freshSync(posts: FakeAnswer | FakeAnswer[]) {
  const api = fakeApi({ 'POST /api/practice/runs': posts });
  vi.resetModules();
  const sync = await import('../../src/web/progress/practice-sync.ts');
  const { useSession } = await import('../../src/web/account/session-store.ts');
  const { useProgress } = await import('../../src/web/progress/progress-store.ts');
  const sent = () => api.callsTo('POST /api/practice/runs').map((c) => (c.body as { runs: CompletedRun[] }).runs.map((r) => r.id));
  return { api, sync, useSession, useProgress, sent };
}

const ok = (added: number): FakeAnswer => ({ status: 200, body: { added, alreadyThere: 0 } });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('practice sync', () => {
  it('sends the runs finished in this browser when a rep signs in, oldest first, and never twice', async () => {
    const { sync, useSession, useProgress, sent } = await freshSync(ok(2));
    useProgress.setState({ status: 'ready', runs: [run('b', 5), run('a', 1)] });
    useSession.setState({ status: 'signed-out' });
    sync.startPracticeSync();
    expect(sent()).toEqual([]);

    useSession.setState({ status: 'signed-in', user: rep });
    await waitFor(() => expect(sent()).toEqual([['a', 'b']]));
    await waitFor(() => expect(sync.usePracticeSync.getState()).toMatchObject({ status: 'idle', unsent: 0 }));
    await sync.syncPractice();
    expect(sent()).toEqual([['a', 'b']]);
  });

  it('sends a run as soon as it is finished', async () => {
    const { sync, useSession, useProgress, sent } = await freshSync(ok(1));
    useSession.setState({ status: 'signed-in', user: rep });
    useProgress.setState({ status: 'ready', runs: [] });
    sync.startPracticeSync();
    await waitFor(() => expect(sync.usePracticeSync.getState().status).toBe('idle'));

    useProgress.setState({ runs: [run('new', 1)] });
    await waitFor(() => expect(sent()).toEqual([['new']]));
  });

  it('keeps the runs when a send fails, and sends them on a later try', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { sync, useSession, useProgress, sent } = await freshSync(['network-error', ok(1)]);
    useSession.setState({ status: 'signed-in', user: rep });
    useProgress.setState({ status: 'ready', runs: [run('a', 1)] });
    sync.startPracticeSync();
    await waitFor(() => expect(sync.usePracticeSync.getState()).toMatchObject({ status: 'waiting', unsent: 1, problem: 'The team server could not be reached. Check your connection and try again.' }));
    expect(useProgress.getState().runs.map((r) => r.id)).toEqual(['a']);

    await vi.advanceTimersByTimeAsync(16_000);
    await waitFor(() => expect(sync.usePracticeSync.getState()).toMatchObject({ status: 'idle', unsent: 0 }));
    expect(sent()).toEqual([['a'], ['a']]);
  });

  it('sets aside a run the server refuses, with its reason, and still sends the others', async () => {
    const { sync, useSession, useProgress, sent } = await freshSync([apiError(400, 'bad_request', 'runs[1].score: must be a number'), ok(1), apiError(400, 'bad_request', 'runs[0].score: must be a number')]);
    useSession.setState({ status: 'signed-in', user: rep });
    useProgress.setState({ status: 'ready', runs: [run('good', 1), run('bad', 2)] });
    sync.startPracticeSync();
    await waitFor(() => expect(sync.usePracticeSync.getState()).toMatchObject({ status: 'idle', unsent: 0, refused: [{ runId: 'bad', scenarioTitle: 'Run bad', reason: 'runs[0].score: must be a number' }] }));
    expect(sent()).toEqual([['good', 'bad'], ['good'], ['bad']]);
    expect(useProgress.getState().runs.map((r) => r.id)).toEqual(['good', 'bad']);
    await sync.syncPractice();
    expect(sent()).toHaveLength(3);
  });

  it("does not send a manager's practice", async () => {
    const { sync, useSession, useProgress, sent } = await freshSync(ok(1));
    useSession.setState({ status: 'signed-in', user: manager });
    useProgress.setState({ status: 'ready', runs: [run('a', 1)] });
    sync.startPracticeSync();
    await sync.syncPractice();
    expect(sent()).toEqual([]);
  });
});
