import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../src/web/account/session-store.ts';
import type { Invite, Override, ScoredReply, User } from '../../src/web/api/api-types.ts';
import { routes } from '../../src/web/router.tsx';
import { apiError, fakeApi } from './fake-api.ts';

const morgan: User = { id: 'u_m', email: 'morgan@example.com', name: 'Morgan Lee', role: 'manager', team: { id: 't_1', name: 'West sales' } };
const team = {
  team: { id: 't_1', name: 'West sales', createdAt: '2026-03-01T09:00:00.000Z' },
  members: [
    { id: 'u_m', name: 'Morgan Lee', email: 'morgan@example.com', role: 'manager', joinedAt: '2026-03-01T09:00:00.000Z' },
    { id: 'u_sam', name: 'Sam Reyes', email: 'sam@example.com', role: 'rep', joinedAt: '2026-03-02T09:00:00.000Z' },
  ],
};
const invite = (code: string, status: Invite['status'] = 'active'): Invite => ({ code, createdAt: '2026-03-01T09:00:00.000Z', expiresAt: '2026-03-08T09:00:00.000Z', maxUses: 1, uses: 0, revokedAt: null, status });

function renderAt(path: string) {
  render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />);
}

beforeEach(() => {
  useSession.setState({ status: 'signed-in', user: morgan });
});

describe('invite codes', () => {
  it('creates a code with the chosen lifetime and uses, shows it to copy, and lists it', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = fakeApi({
      'GET /api/team': { status: 200, body: team },
      'GET /api/team/invites': [{ status: 200, body: { invites: [] } }, { status: 200, body: { invites: [invite('K7QD-3M9X-PW2A')] } }],
      'POST /api/team/invites': { status: 201, body: { invite: { ...invite('K7QD-3M9X-PW2A'), maxUses: 5 } } },
    });
    renderAt('/team');
    const form = await screen.findByRole('form', { name: 'New invite code' });
    await userEvent.clear(within(form).getByLabelText('Reps who may use it'));
    await userEvent.type(within(form).getByLabelText('Reps who may use it'), '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Create invite code' }));
    expect(api.callsTo('POST /api/team/invites')[0]!.body).toEqual({ expiresInDays: 7, maxUses: 5 });
    const created = await screen.findByText(/^New code:/);
    expect(created.textContent).toContain('K7QD-3M9X-PW2A');
    await userEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith('K7QD-3M9X-PW2A');
    expect(await screen.findByText('Copied')).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Invite codes/ });
    expect(within(table).getByRole('row', { name: /K7QD-3M9X-PW2A/ }).textContent).toContain('Active');
  });

  it('puts an out-of-range lifetime next to its field and keeps the values', async () => {
    fakeApi({
      'GET /api/team': { status: 200, body: team },
      'GET /api/team/invites': { status: 200, body: { invites: [] } },
      'POST /api/team/invites': apiError(400, 'bad_request', 'expiresInDays: must be from 1 to 90 days'),
    });
    renderAt('/team');
    const days = await screen.findByLabelText('Valid for (days)');
    await userEvent.clear(days);
    await userEvent.type(days, '120');
    await userEvent.click(screen.getByRole('button', { name: 'Create invite code' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Must be from 1 to 90 days.');
    expect(days.getAttribute('aria-describedby')).toContain(alert.id);
    expect((days as HTMLInputElement).value).toBe('120');
  });

  it('revokes a code', async () => {
    const api = fakeApi({
      'GET /api/team': { status: 200, body: team },
      'GET /api/team/invites': [{ status: 200, body: { invites: [invite('AAAA-BBBB-CCCC')] } }, { status: 200, body: { invites: [invite('AAAA-BBBB-CCCC', 'revoked')] } }],
      'DELETE /api/team/invites/AAAA-BBBB-CCCC': { status: 204 },
    });
    renderAt('/team');
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke AAAA-BBBB-CCCC' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: /Invite codes/ })).getByRole('row', { name: /AAAA-BBBB-CCCC/ }).textContent).toContain('Revoked'));
    expect(api.callsTo('DELETE /api/team/invites/AAAA-BBBB-CCCC')).toHaveLength(1);
  });
});

describe('assignments', () => {
  const routesOf = () => ({
    'GET /api/team': { status: 200, body: team },
    'GET /api/team/assignments': { status: 200, body: { assignments: [] } },
    'GET /api/quizzes': { status: 200, body: { quizzes: [{ id: 'objection-handling', title: 'Objection handling certification' }] } },
    'POST /api/team/assignments': { status: 201, body: { assignment: { title: 'Objection handling certification' } } },
  });

  it('asks for a due date before sending anything', async () => {
    const api = fakeApi(routesOf());
    renderAt('/team/assignments');
    await screen.findByRole('option', { name: 'Objection handling certification' });
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Choose the day it is due.');
    expect(screen.getByLabelText('Due').getAttribute('aria-describedby')).toContain(alert.id);
    expect(api.callsTo('POST /api/team/assignments')).toHaveLength(0);
  });

  it('assigns a quiz to one rep, due at the end of the chosen day', async () => {
    const api = fakeApi(routesOf());
    renderAt('/team/assignments');
    await screen.findByRole('option', { name: 'Objection handling certification' });
    await userEvent.selectOptions(screen.getByLabelText('For'), 'Sam Reyes');
    await userEvent.type(screen.getByLabelText('Due'), '2026-04-01');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText(/^Assigned “Objection handling certification”, due/)).toBeTruthy();
    expect(api.callsTo('POST /api/team/assignments')[0]!.body).toEqual({ kind: 'quiz', contentId: 'objection-handling', userId: 'u_sam', dueAt: new Date('2026-04-01T23:59:59').toISOString() });
  });
});

describe('human review of a scored reply', () => {
  const BASE = '/api/team/attempts/at_1/replies/price-reply';
  const reply = (overrides: Override[] = []): ScoredReply => ({
    source: 'quiz',
    attemptId: 'at_1',
    questionId: 'price-reply',
    quizId: 'objection-handling',
    rep: { id: 'u_sam', name: 'Sam Reyes' },
    at: '2026-03-02T10:00:00.000Z',
    title: 'Objection handling certification',
    buyer: 'Why would I pay more?',
    known: [],
    reply: 'So the gap is support.',
    results: [
      { rubric: 'empathy', level: overrides.length ? 3 : 1, scoredLevel: 1, evidence: [{ rubric: 'empathy', start: 0, end: 17, effect: 'cap', signal: 'argues at once' }], caps: ['no feeling named'], feedback: 'Name the worry.', threshold: 2 },
    ],
    overrides,
  });
  const override: Override = { id: 'ov_1', rubric: 'empathy', oldLevel: 1, newLevel: 3, comment: 'Named the CFO worry.', reviewer: { id: 'u_m', name: 'Morgan Lee' }, at: '2026-03-03T09:00:00.000Z' };

  it('shows the reply with its evidence highlighted and the level against the threshold', async () => {
    fakeApi({ [`GET ${BASE}`]: { status: 200, body: { reply: reply() } } });
    renderAt('/team/review/quiz/at_1/price-reply');
    const empathy = await screen.findByRole('region', { name: 'Empathy: level 1 of 4' });
    const mark = within(empathy).getByText('So the gap is sup');
    expect([mark.tagName, mark.className]).toEqual(['MARK', 'evidence-cap']);
    expect(within(empathy).getByText('The quiz needs 2/4: not met.')).toBeTruthy();
  });

  it("keeps the comment when the server refuses it, with the server's reason at the comment", async () => {
    fakeApi({ [`GET ${BASE}`]: { status: 200, body: { reply: reply() } }, [`POST ${BASE}/overrides`]: apiError(400, 'bad_request', 'comment: at most 2,000 characters') });
    renderAt('/team/review/quiz/at_1/price-reply');
    await userEvent.click(await screen.findByRole('radio', { name: '3' }));
    await userEvent.type(screen.getByLabelText(/^Why/), 'Too long, say');
    await userEvent.click(screen.getByRole('button', { name: 'Save level' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('At most 2,000 characters.');
    expect(screen.getByLabelText(/^Why/).getAttribute('aria-describedby')).toBe(alert.id);
    expect((screen.getByLabelText(/^Why/) as HTMLTextAreaElement).value).toBe('Too long, say');
  });

  it('overrides a level with a comment; the human level shows, with who, when, old and new in the history, and the regraded score', async () => {
    const api = fakeApi({
      [`GET ${BASE}`]: { status: 200, body: { reply: reply() } },
      [`POST ${BASE}/overrides`]: { status: 201, body: { reply: reply([override]), attempt: { result: { percent: 86.6, passed: true, passMark: 80 }, certificate: { status: 'valid' } } } },
    });
    renderAt('/team/review/quiz/at_1/price-reply');
    await userEvent.click(await screen.findByRole('radio', { name: '3' }));
    await userEvent.type(screen.getByLabelText(/^Why/), 'Named the CFO worry.');
    await userEvent.click(screen.getByRole('button', { name: 'Save level' }));
    expect(await screen.findByText(/graded again with your level: 86.6%, passed \(pass mark 80%\)/)).toBeTruthy();
    expect(api.callsTo(`POST ${BASE}/overrides`)[0]!.body).toEqual({ rubric: 'empathy', level: 3, comment: 'Named the CFO worry.' });
    expect(screen.getByRole('region', { name: 'Empathy: level 3 of 4' }).textContent).toContain('set by a reviewer; the scorer gave 1/4');
    const history = screen.getByRole('table', { name: /Human review/ });
    const cells = within(within(history).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(['Morgan Lee', 'Empathy', '1 → 3', 'Named the CFO worry.']);
  });
});
