import 'fake-indexeddb/auto';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CompletedRun } from '../../src/core/progress/progress.ts';
import { useSession } from '../../src/web/account/session-store.ts';
import type { PracticeRunSummary, User } from '../../src/web/api/api-types.ts';
import { paths } from '../../src/web/paths.ts';
import { useProgress } from '../../src/web/progress/progress-store.ts';
import { routes } from '../../src/web/router.tsx';
import { fakeApi } from './fake-api.ts';

const sam: User = { id: 'u_sam', email: 'sam@example.com', name: 'Sam Reyes', role: 'rep', team: { id: 't_1', name: 'West sales' } };
const run: CompletedRun = {
  id: 'run-1',
  scenarioId: 'price-premium',
  scenarioTitle: 'Thirty percent over the other bid',
  finishedAt: '2026-03-02T10:00:00.000Z',
  day: '2026-03-02',
  outcome: 'won',
  kind: 'won',
  score: 70,
  levels: { empathy: 1 },
} as CompletedRun;
const summary = (overridden: number, empathy: number): PracticeRunSummary =>
  ({ id: 'pr_1', runId: 'run-1', scenarioId: run.scenarioId, scenarioTitle: run.scenarioTitle, finishedAt: run.finishedAt, syncedAt: run.finishedAt, outcome: 'won', kind: 'won', score: 70, levels: { empathy }, replies: 1, overridden }) as PracticeRunSummary;

/** The empathy level in the current-level table (its row: skill, level, runs). */
async function empathyLevel(): Promise<string> {
  const table = await screen.findByRole('table', { name: /Current level per skill/ });
  return within(within(table).getByRole('rowheader', { name: 'Empathy' }).closest('tr')!).getAllByRole('cell')[0]!.textContent ?? '';
}

beforeEach(() => {
  useSession.setState({ status: 'signed-in', user: sam });
  useProgress.setState({ status: 'ready', runs: [run], active: [] });
});

describe('progress with a manager\'s re-ratings', () => {
  it('counts the level the manager set, and says so', async () => {
    fakeApi({ 'GET /api/practice/runs': { status: 200, body: { runs: [summary(1, 3)] } } });
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [paths.progress.to()] })} />);
    expect(await screen.findByText(/Your manager re-rated replies in 1 run/)).toBeTruthy();
    expect(await empathyLevel()).toBe('3');
  });

  it('shows the levels as played when nothing was re-rated', async () => {
    fakeApi({ 'GET /api/practice/runs': { status: 200, body: { runs: [summary(0, 1)] } } });
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [paths.progress.to()] })} />);
    expect(await empathyLevel()).toBe('1');
    expect(screen.queryByText(/re-rated/)).toBeNull();
  });
});
