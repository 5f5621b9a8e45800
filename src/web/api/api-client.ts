/**
 * The one way the web app talks to the team server: JSON over fetch with the
 * session cookie (same-origin credentials; the cookie is HttpOnly, so the
 * app never sees it). Every outcome is a value: the data, or a problem the
 * page can show next to the field it names.
 */

/** An error the API answered (`{ error, reason }`), or one the app met on the way. */
export interface ApiProblem {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /**
   * The API's stable code (`bad_request`, `conflict`...), or the app's own:
   * `offline` (no answer) and `no_server` (something answered that is not the
   * team API, e.g. a static host).
   */
  error: string;
  /** A sentence for people. */
  reason: string;
  /** The request field the reason names (`password: must be...` names `password`). */
  field?: string;
  /** Seconds to wait, from `Retry-After` (429). */
  retryAfter?: number;
  /** The whole error body: a 409 on an attempt carries `attempt`, a 400 on answers `problems`. */
  body: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; problem: ApiProblem };

const OFFLINE = 'The team server could not be reached. Check your connection and try again.';
const NO_SERVER = 'There is no team server here: this copy of Parley runs on its own, for practice.';

/** The field a reason like `answers.q3.optionId: must be...` or `runs[0].score: ...` is about (its first segment). */
export function fieldOf(reason: string): string | undefined {
  const match = /^([A-Za-z_][\w]*)(?:[.[][^:\s]*)?: /.exec(reason);
  return match?.[1];
}

const isJson = (response: Response) => /^application\/json\b/i.test(response.headers.get('content-type') ?? '');

/**
 * Calls the API. A 204 resolves with `undefined` data. Never throws: a
 * network failure is `offline`, an answer that is not the API's JSON (a
 * static host's index.html, a proxy's error page) is `no_server`.
 */
export async function callApi<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, problem: { status: 0, error: 'offline', reason: OFFLINE, body: {} } };
  }
  if (response.status === 204) return { ok: true, status: 204, data: undefined as T };
  if (!isJson(response)) {
    const gateway = response.status === 502 || response.status === 503 || response.status === 504;
    return { ok: false, problem: { status: response.status, error: gateway ? 'offline' : 'no_server', reason: gateway ? OFFLINE : NO_SERVER, body: {} } };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, problem: { status: response.status, error: 'no_server', reason: NO_SERVER, body: {} } };
  }
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const reason = typeof record.reason === 'string' ? record.reason : `the server answered ${response.status}`;
  const retry = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    problem: {
      status: response.status,
      error: typeof record.error === 'string' ? record.error : 'unknown',
      reason,
      field: fieldOf(reason),
      ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
      body: record,
    },
  };
}

/** A reason as a sentence: capitalised, with the field prefix left out when the page shows it next to that field. */
export function problemText(problem: ApiProblem, withoutField = false): string {
  let text = problem.reason;
  if (withoutField && problem.field) text = text.replace(/^[^:\s]+: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
