import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Where a zod issue is, as people read it: `answers.q3.optionId`, `runs[2].score`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** The first problem zod found, as one sentence with its place. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not valid';
  const where = issuePath(issue.path);
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Checks a value against a schema; a mismatch is a 400 that names the field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'bad_request', describeIssues(result.error));
  return result.data;
}

/**
 * Reads a JSON request body and checks it against a schema. A body that is
 * not `application/json` is a 415 (also the CSRF guard: a cross-site form
 * cannot send it without a preflight), malformed JSON a 400 `bad_json`, and
 * a body of the wrong shape a 400 naming the field.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as JSON with "Content-Type: application/json"');
  }
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_json', 'the body is not valid JSON');
  }
  return parseWith(schema, json);
}

/**
 * A required string field whose errors read well: "a name is required" when
 * it is missing, "must be text" when it is a number or an object.
 */
export function text(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `${what} is required` : 'must be text') });
}
