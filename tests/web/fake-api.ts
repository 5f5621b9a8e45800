import { vi } from 'vitest';

/** What a fake route answers: a status and a JSON body (none for 204), or a thrown network failure. */
export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error';

/** A request the app made, with its JSON body parsed. */
export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
}

type Handler = FakeAnswer | ((call: FakeCall) => FakeAnswer);

/**
 * Replaces `fetch` with a fake team API: routes keyed `"METHOD /path"`
 * (query included when the app sends one). A route given a list answers
 * with its items in turn, repeating the last. Unknown routes answer 404
 * like the server. Every call is recorded.
 */
export function fakeApi(routes: Record<string, Handler | Handler[]>) {
  const calls: FakeCall[] = [];
  const served = new Map<string, number>();
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://parley.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname + url.search;
    const call: FakeCall = { method, path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(call);
    const key = `${method} ${path}`;
    const route = routes[key];
    let handler: Handler | undefined;
    if (Array.isArray(route)) {
      const n = served.get(key) ?? 0;
      served.set(key, n + 1);
      handler = route[Math.min(n, route.length - 1)];
    } else handler = route;
    const answer: FakeAnswer = handler === undefined ? { status: 404, body: { error: 'not_found', reason: `no API route ${key}` } } : typeof handler === 'function' ? handler(call) : handler;
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers } });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch, callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
}

/** An error body as the server sends it. */
export const apiError = (status: number, error: string, reason: string, extra: Record<string, unknown> = {}): FakeAnswer => ({ status, body: { error, reason, ...extra } });
