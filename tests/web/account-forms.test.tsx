import 'fake-indexeddb/auto';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSession } from '../../src/web/account/session-store.ts';
import type { User } from '../../src/web/api/api-types.ts';
import { routes } from '../../src/web/router.tsx';
import { apiError, fakeApi } from './fake-api.ts';

const sam: User = { id: 'u_sam', email: 'sam@example.com', name: 'Sam Reyes', role: 'rep', team: null };

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

beforeEach(() => {
  useSession.setState({ status: 'signed-out', user: undefined, problem: undefined });
});

describe('signing in', () => {
  it('shows the reason next to the field it names, focuses it, and keeps what was typed', async () => {
    fakeApi({ 'POST /api/auth/signin': apiError(400, 'bad_request', 'email: must be an email address') });
    renderAt('/signin');
    await userEvent.type(await screen.findByLabelText('Email'), 'sam at example');
    await userEvent.type(screen.getByLabelText('Password'), 'my password 1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByRole('textbox', { name: 'Email' });
    expect((await screen.findByRole('alert')).textContent).toBe('Must be an email address.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(document.activeElement).toBe(email);
    expect((email as HTMLInputElement).value).toBe('sam at example');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('my password 1');
  });

  it('says a wrong email or password for the whole form, keeping both', async () => {
    fakeApi({ 'POST /api/auth/signin': apiError(401, 'invalid_credentials', 'the email or password is wrong') });
    renderAt('/signin');
    await userEvent.type(await screen.findByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'not my password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The email or password is wrong.');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('sam@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('not my password');
  });

  it('signs in, goes back to the page that asked, and the shell shows who is signed in', async () => {
    const api = fakeApi({
      'POST /api/auth/signin': { status: 200, body: { user: sam } },
      'GET /api/quizzes': { status: 200, body: { quizzes: [] } },
    });
    const router = renderAt('/signin?next=%2Fquizzes');
    await userEvent.type(await screen.findByLabelText('Email'), ' Sam@Example.com ');
    await userEvent.type(screen.getByLabelText('Password'), 'my password 1');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Quizzes' });
    expect(router.state.location.pathname).toBe('/quizzes');
    expect(api.callsTo('POST /api/auth/signin')[0]!.body).toEqual({ email: 'Sam@Example.com', password: 'my password 1' });
    expect(screen.getByText('Sam Reyes')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('tells the user plainly when there is no team server', async () => {
    useSession.setState({ status: 'no-server' });
    renderAt('/signin');
    expect(await screen.findByRole('heading', { name: 'No team server here' })).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});

describe('signing up', () => {
  it('puts a taken email on the email field and keeps everything typed', async () => {
    fakeApi({ 'POST /api/auth/signup': apiError(409, 'conflict', 'an account with this email already exists; sign in instead') });
    renderAt('/signup');
    await userEvent.type(await screen.findByLabelText('Name'), 'Morgan Lee');
    await userEvent.type(screen.getByLabelText('Email'), 'morgan@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('An account with this email already exists; sign in instead.');
    expect(screen.getByLabelText('Email').getAttribute('aria-describedby')).toContain(alert.id);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Morgan Lee');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('a long password');
  });

  it("shows the password rule's reason under the password", async () => {
    fakeApi({ 'POST /api/auth/signup': apiError(400, 'bad_request', 'password: must be at least 10 characters') });
    renderAt('/signup');
    await userEvent.type(await screen.findByLabelText('Name'), 'Morgan Lee');
    await userEvent.type(screen.getByLabelText('Email'), 'morgan@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Must be at least 10 characters.');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('signs a rep up with the code from an invite link, and a bad code is shown at the code', async () => {
    const api = fakeApi({ 'POST /api/auth/signup': apiError(400, 'invite_invalid', 'this invite code has expired') });
    renderAt('/signup?invite=K7QD-3M9X-PW2A');
    expect((await screen.findByRole('radio', { name: /A rep/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Invite code (optional)') as HTMLInputElement).value).toBe('K7QD-3M9X-PW2A');
    await userEvent.type(screen.getByLabelText('Name'), 'Sam Reyes');
    await userEvent.type(screen.getByLabelText('Email'), 'sam@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This invite code has expired.');
    expect(screen.getByLabelText('Invite code (optional)').getAttribute('aria-describedby')).toContain(alert.id);
    expect(api.callsTo('POST /api/auth/signup')[0]!.body).toEqual({ name: 'Sam Reyes', email: 'sam@example.com', password: 'a long password', role: 'rep', inviteCode: 'K7QD-3M9X-PW2A' });
  });
});

describe('a rep without a team', () => {
  it('joins with a code, and then sees the team', async () => {
    useSession.setState({ status: 'signed-in', user: sam });
    fakeApi({
      'GET /api/me/certificates': { status: 200, body: { certificates: [] } },
      'POST /api/team/join': [apiError(400, 'invite_invalid', 'there is no such invite code'), { status: 200, body: { user: { ...sam, team: { id: 't_1', name: 'West sales' } } } }],
      'GET /api/team': { status: 200, body: { team: { id: 't_1', name: 'West sales', createdAt: '' }, members: [{ id: 'u_m', name: 'Morgan Lee', role: 'manager' }] } },
      'GET /api/me/assignments': { status: 200, body: { assignments: [] } },
    });
    renderAt('/team');
    const form = await screen.findByRole('form', { name: 'Join a team' });
    await userEvent.type(within(form).getByLabelText('Invite code'), 'nope-nope');
    await userEvent.click(within(form).getByRole('button', { name: 'Join team' }));
    expect((await screen.findByRole('alert')).textContent).toBe('There is no such invite code.');
    const code = within(form).getByLabelText('Invite code') as HTMLInputElement;
    expect(code.value).toBe('nope-nope');
    await userEvent.clear(code);
    await userEvent.type(code, 'k7qd3m9xpw2a');
    await userEvent.click(within(form).getByRole('button', { name: 'Join team' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'West sales' })).toBeTruthy();
    expect(screen.getByText(/Managed by Morgan Lee/)).toBeTruthy();
  });
});
