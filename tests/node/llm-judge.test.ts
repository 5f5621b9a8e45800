import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRubric, type Rubric } from '../../src/core/content/rubric.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';
import { judgeConfigFromEnv, judgeReply } from '../../src/node/llm-judge.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const rubric = (file: string) => compileRubric(readFileSync(`${ROOT}/content/rubrics/${file}`, 'utf8'), file).value as Rubric;
const RUBRICS = [rubric('empathy.md'), rubric('value-framing.md')];
const CONTEXT = { buyer: 'Your price is too high.', known: ['Budget frozen until April'], keyPoints: [] };
const REPLY = 'With the budget frozen until April, that makes sense. Would a phased start help?';
const FALLBACK = forcedScorer({ empathy: 1, value_framing: 1 }, 'rules-test');

/** What the fake model server does with the next request. */
let behave: () => { status: number; body: string; delayMs?: number };
let lastRequest: { headers: IncomingMessage['headers']; body: Record<string, unknown> } | undefined;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      lastRequest = { headers: req.headers, body: JSON.parse(body) as Record<string, unknown> };
      const answer = behave();
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const chat = (content: string) => ({ status: 200, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }) });
const config = () => ({ url, model: 'fake-model', timeoutMs: 500 });

describe('the language-model judge', () => {
  it('is off unless both PARLEY_LLM_URL and PARLEY_LLM_MODEL are set', () => {
    expect(judgeConfigFromEnv({})).toBeUndefined();
    expect(judgeConfigFromEnv({ PARLEY_LLM_URL: 'http://127.0.0.1:1/v1/chat/completions' })).toBeUndefined();
    expect(judgeConfigFromEnv({ PARLEY_LLM_URL: 'http://x/v1', PARLEY_LLM_MODEL: 'm', PARLEY_LLM_KEY: 'k' })).toEqual({ url: 'http://x/v1', model: 'm', apiKey: 'k', timeoutMs: undefined });
  });

  it('uses valid levels from the model, with its evidence located in the reply', async () => {
    behave = () =>
      chat(JSON.stringify({ levels: { empathy: 3, value_framing: 2 }, evidence: [{ rubric: 'empathy', quote: 'that makes sense', signal: 'validates the freeze', effect: 'raise' }], rationale: { empathy: 'Names the freeze.' } }));
    const judged = await judgeReply(REPLY, CONTEXT, RUBRICS, config(), FALLBACK);
    expect(judged.source).toBe('llm');
    expect(judged.results.map((r) => [r.rubric, r.level])).toEqual([['empathy', 3], ['value_framing', 2]]);
    const start = REPLY.indexOf('that makes sense');
    expect(judged.results[0]!.evidence[0]).toEqual({ rubric: 'empathy', start, end: start + 16, signal: 'validates the freeze', effect: 'raise' });
    expect(judged.results[0]!.feedback).toMatch(/^Names the freeze\. /);
  });

  it('sends the rubric files as instructions, the reply in context, and the key as a bearer token', async () => {
    behave = () => chat('{"levels": {"empathy": 2, "value_framing": 1}}');
    await judgeReply(REPLY, CONTEXT, RUBRICS, { ...config(), apiKey: 'secret' }, FALLBACK);
    const messages = lastRequest!.body.messages as { role: string; content: string }[];
    expect(lastRequest!.headers.authorization).toBe('Bearer secret');
    expect(lastRequest!.body.model).toBe('fake-model');
    expect(messages[0]!.content).toContain(RUBRICS[0]!.levels[4]!.descriptor);
    expect(messages[1]!.content).toContain('Budget frozen until April');
    expect(messages[1]!.content).toContain(JSON.stringify(REPLY));
  });

  it('drops evidence the model quotes but the reply does not contain', async () => {
    behave = () => chat(JSON.stringify({ levels: { empathy: 2, value_framing: 1 }, evidence: [{ rubric: 'empathy', quote: 'words never said', signal: 'x', effect: 'raise' }] }));
    const judged = await judgeReply(REPLY, CONTEXT, RUBRICS, config(), FALLBACK);
    expect(judged.results[0]!.evidence).toEqual([]);
  });

  it.each([
    ['answer is not JSON', () => chat('I would rate this a 3.'), 'the model did not answer with JSON'],
    ['level is out of range', () => chat('{"levels": {"empathy": 7, "value_framing": 1}}'), "the model's answer has the wrong shape"],
    ['answer misses a rubric', () => chat('{"levels": {"empathy": 2}}'), 'the model gave no level for value_framing'],
    ['server fails', () => ({ status: 500, body: '{"error":"boom"}' }), 'the model server answered HTTP 500'],
    ['answer has no message', () => ({ status: 200, body: '{"choices": []}' }), 'the model server sent no message content'],
    ['model is too slow', () => ({ ...chat('{"levels": {"empathy": 2, "value_framing": 2}}'), delayMs: 1500 }), 'the model did not answer within 500 ms'],
  ])('falls back to the deterministic scorer when the %s, and says why', async (_name, answer, reason) => {
    behave = answer;
    const judged = await judgeReply(REPLY, CONTEXT, RUBRICS, config(), FALLBACK);
    expect(judged.source).toBe('deterministic');
    expect(judged.fallbackReason).toContain(reason);
    expect(judged.results.map((r) => r.level)).toEqual([1, 1]);
    expect(judged.version).toBe('rules-test');
  });

  it('falls back when the server cannot be reached', async () => {
    const judged = await judgeReply(REPLY, CONTEXT, RUBRICS, { url: 'http://127.0.0.1:9/v1/chat/completions', model: 'm', timeoutMs: 500 }, FALLBACK);
    expect(judged.source).toBe('deterministic');
    expect(judged.fallbackReason).toMatch(/could not be reached/);
  });
});
