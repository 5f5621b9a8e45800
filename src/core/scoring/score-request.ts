/**
 * A request to score one reply, as it arrives from outside: a line of a JSONL
 * file (the labeled sets' shape) or, later, a request body. Validated here so
 * every face rejects the same inputs with the same reasons.
 */
import { z } from 'zod';
import type { ReplyContext } from './reply-scorer.ts';

/** One reply to score, with the moment it answers. */
export interface ScoreRequest {
  id: string | null;
  reply: string;
  context: ReplyContext;
}

/** The largest reply accepted; longer ones are almost certainly pasted by mistake. */
export const MAX_REPLY_CHARS = 20_000;

/** An error message that says "missing" when the field is absent and `wrong` otherwise. */
const says = (field: string, wrong: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field} is missing` : `${field} ${wrong}`) });

const requestSchema = z.looseObject({
  id: z.union([z.string(), z.number()], says('id', 'must be a string or a number')).optional(),
  context: z.looseObject(
    {
      buyer: z.string(says('context.buyer', "must be a string: the buyer's last line")),
      known: z.array(z.string(says('context.known', 'must be a list of strings')), says('context.known', 'must be a list of strings')).optional(),
      keyPoints: z.array(z.string(says('context.keyPoints', 'must be a list of strings')), says('context.keyPoints', 'must be a list of strings')).optional(),
    },
    says('context', 'must be an object with "buyer" (and optionally "known")'),
  ),
  response: z.string(says('response', "must be a string: the rep's reply")).max(MAX_REPLY_CHARS, { error: `response is longer than ${MAX_REPLY_CHARS} characters` }),
});

/** Either a valid request or the reason it is not one. */
export type ParsedScoreRequest = { ok: true; request: ScoreRequest } | { ok: false; id: string | null; error: string };

/** Validates an already-parsed JSON value as a score request. Extra fields (e.g. `labels`) are ignored. */
export function parseScoreRequest(value: unknown): ParsedScoreRequest {
  const parsed = requestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const id = typeof value === 'object' && value !== null && 'id' in value && (typeof value.id === 'string' || typeof value.id === 'number') ? String(value.id) : null;
    // Nested issues (e.g. one entry of `known`) carry the schema's message with a deeper path.
    const where = issue.path.join('.');
    return { ok: false, id, error: where && !issue.message.startsWith(where.split('.')[0]!) ? `${where}: ${issue.message}` : issue.message };
  }
  const { id, context, response } = parsed.data;
  return {
    ok: true,
    request: { id: id === undefined ? null : String(id), reply: response, context: { buyer: context.buyer, known: context.known ?? [], keyPoints: context.keyPoints ?? [] } },
  };
}

/** Parses one JSONL line: JSON syntax first, then the request shape. */
export function parseScoreLine(line: string): ParsedScoreRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, id: null, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, id: null, error: 'each line must be a JSON object' };
  return parseScoreRequest(value);
}
