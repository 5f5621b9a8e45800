import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../account/session-store.ts';
import { callApi, type ApiProblem } from './api-client.ts';

/** One GET's state: loading, its data, or the problem the server (or the network) answered. */
export type ApiState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; problem: ApiProblem };

/**
 * Reads `path` from the API when it changes (undefined: not yet), with
 * `reload` for after a change. A 401 tells the session store the session
 * ended, so the shell offers to sign in again.
 */
export function useApi<T>(path: string | undefined): ApiState<T> & { reload(): Promise<void>; replace(data: T): void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });

  const fetchIt = useCallback(async (signal: { stale: boolean }) => {
    if (path === undefined) return;
    const result = await callApi<T>('GET', path);
    if (signal.stale) return;
    if (!result.ok && result.problem.status === 401) useSession.getState().sessionEnded();
    setState(result.ok ? { status: 'ready', data: result.data } : { status: 'failed', problem: result.problem });
  }, [path]);

  useEffect(() => {
    const signal = { stale: false };
    setState({ status: 'loading' });
    void fetchIt(signal);
    return () => {
      signal.stale = true;
    };
  }, [fetchIt]);

  const reload = useCallback(() => fetchIt({ stale: false }), [fetchIt]);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { ...state, reload, replace };
}
