import type { ReactNode } from 'react';
import { problemText } from './api-client.ts';
import type { ApiState } from './use-api.ts';

/**
 * Renders a GET's state: a status line while loading, the problem with a way
 * to try again when it failed, the page once the data is here.
 */
export function ApiStateView<T>({ state, what, retry, children }: { state: ApiState<T>; what: string; retry?: () => void; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <p role="status">Loading {what}…</p>;
  if (state.status === 'failed') {
    return (
      <div className="notice" role="alert">
        <p>
          Could not load {what}: {problemText(state.problem)}
        </p>
        {retry && state.problem.status !== 403 && state.problem.status !== 404 && (
          <button type="button" className="secondary small" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
