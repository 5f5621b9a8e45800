import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A request the server refuses, with a stable code and a reason for people.
 * Route code throws it; the app's error handler turns it into
 * `{ error, reason, ...extra }` with its status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly reason: string,
    /** More fields for the body, e.g. the attempt as it now stands on a 409. */
    readonly extra: Record<string, unknown> = {},
    /** Response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
    this.name = 'ApiError';
  }
}

export const badRequest = (reason: string) => new ApiError(400, 'bad_request', reason);
export const notSignedIn = () => new ApiError(401, 'not_signed_in', 'sign in first');
export const forbidden = (reason: string) => new ApiError(403, 'forbidden', reason);
export const notFound = (reason: string) => new ApiError(404, 'not_found', reason);
export const conflict = (reason: string, extra?: Record<string, unknown>) => new ApiError(409, 'conflict', reason, extra);

/** The JSON body of a refused request. */
export function errorBody(error: ApiError): Record<string, unknown> {
  return { error: error.code, reason: error.reason, ...error.extra };
}

/** Answers an ApiError as JSON with its status and headers. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(errorBody(error), error.status, error.headers);
}
