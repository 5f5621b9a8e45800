import { describe, expect, it, vi } from 'vitest';
import { callApi, fieldOf } from '../../src/web/api/api-client.ts';

describe('the API client', () => {
  it('reads the field a reason names, however deep', () => {
    expect([fieldOf('password: must be at least 10 characters'), fieldOf('answers.q3.optionId: unknown'), fieldOf('runs[0].score: must be a number'), fieldOf('the email or password is wrong')]).toEqual([
      'password',
      'answers',
      'runs',
      undefined,
    ]);
  });

  it("turns the API's error body into a problem with its code, reason, field and Retry-After", async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'rate_limited', reason: 'email: too many sign-in attempts' }), { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '120' } }));
    expect(await callApi('POST', '/api/auth/signin', {})).toEqual({
      ok: false,
      problem: { status: 429, error: 'rate_limited', reason: 'email: too many sign-in attempts', field: 'email', retryAfter: 120, body: { error: 'rate_limited', reason: 'email: too many sign-in attempts' } },
    });
  });

  it('says there is no team server when a static host answers with its page', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html><title>Parley</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const result = await callApi('GET', '/api/auth/me');
    expect(result.ok ? undefined : result.problem.error).toBe('no_server');
  });

  it('says the server could not be reached when the request fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await callApi('GET', '/api/auth/me');
    expect(result.ok ? undefined : [result.problem.status, result.problem.error]).toEqual([0, 'offline']);
  });

  it('sends JSON with the session cookie (same-origin credentials)', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    expect(await callApi('POST', '/api/team/join', { code: 'X' })).toEqual({ ok: true, status: 204, data: undefined });
    expect(fetch).toHaveBeenCalledWith('/api/team/join', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{"code":"X"}' });
  });
});
