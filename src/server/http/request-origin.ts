import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError, errorResponse } from './api-error.ts';

/** How much the server trusts what a proxy in front of it says. */
export interface ProxyTrust {
  /** Believe `X-Forwarded-For` and `X-Forwarded-Proto` (set `PARLEY_TRUST_PROXY=1` only behind a proxy that sets them). */
  trustProxy: boolean;
}

/** The client's address: the socket's peer, or the proxy's first `X-Forwarded-For` entry when trusted. */
export function clientAddress(c: Context, trust: ProxyTrust): string {
  if (trust.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return 'local';
  }
}

/** Whether the request reached the server over https (directly, or via a trusted proxy). */
export function isHttps(c: Context, trust: ProxyTrust): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trust.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request whose `Origin` names another host than
 * the one it was sent to (or one of `allowedOrigins`). Browsers always send
 * `Origin` on cross-site POST/PUT/DELETE, so with the SameSite session cookie
 * and JSON-only bodies this closes cross-site request forgery. Requests
 * without `Origin` (curl, server-to-server) carry no ambient browser
 * credentials worth forging and pass.
 */
export function sameOriginGuard(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    let host: string | undefined;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      host = undefined;
    }
    const requestHost = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if ((host && host === requestHost) || allowed.has(origin.toLowerCase())) return next();
    return errorResponse(c, new ApiError(403, 'cross_origin', `requests from ${origin} are not accepted here`));
  };
}
