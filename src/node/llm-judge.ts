import type { Rubric } from '../core/content/rubric.ts';
import type { RubricId } from '../core/content/vocabulary.ts';
import { buildJudgeMessages, parseJudgeAnswer } from '../core/scoring/judge-prompt.ts';
import type { ReplyContext, ReplyScorer, RubricResult } from '../core/scoring/reply-scorer.ts';

/** Where the judge's model is served: any OpenAI-compatible chat completions endpoint. */
export interface JudgeConfig {
  /** e.g. http://127.0.0.1:11434/v1/chat/completions (Ollama) or a hosted endpoint. */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

/** A judged reply: the results, and whether they came from the model or the fallback. */
export interface JudgedReply {
  results: RubricResult[];
  source: 'llm' | 'deterministic';
  /** Why the model's answer was not used, when it was not. */
  fallbackReason?: string;
  version: string;
}

/** The judge's configuration from PARLEY_LLM_URL, PARLEY_LLM_MODEL and PARLEY_LLM_KEY, or undefined when it is off. */
export function judgeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): JudgeConfig | undefined {
  if (!env.PARLEY_LLM_URL || !env.PARLEY_LLM_MODEL) return undefined;
  const timeout = Number(env.PARLEY_LLM_TIMEOUT_MS);
  return { url: env.PARLEY_LLM_URL, model: env.PARLEY_LLM_MODEL, apiKey: env.PARLEY_LLM_KEY || undefined, timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined };
}

/**
 * Asks a language model to rate a reply, with the rubric files as its
 * instructions. On a timeout, an HTTP error or an answer that fails
 * validation, it returns the deterministic scorer's results instead and says
 * why. The model's evidence is merged with the deterministic evidence.
 */
export async function judgeReply(
  reply: string,
  context: ReplyContext,
  rubrics: readonly Rubric[],
  config: JudgeConfig,
  fallback: ReplyScorer,
): Promise<JudgedReply> {
  const ids = rubrics.map((r) => r.id as RubricId);
  const deterministic = fallback.score(reply, context, ids);
  const fallBack = (reason: string): JudgedReply => ({ results: deterministic, source: 'deterministic', fallbackReason: reason, version: fallback.version });
  let content: string;
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body: JSON.stringify({ model: config.model, messages: buildJudgeMessages(reply, context, rubrics), temperature: 0, response_format: { type: 'json_object' } }),
      signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
    });
    if (!response.ok) return fallBack(`the model server answered HTTP ${response.status}`);
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const text = body.choices?.[0]?.message?.content;
    if (typeof text !== 'string') return fallBack('the model server sent no message content');
    content = text;
  } catch (error) {
    const name = (error as Error).name;
    return fallBack(name === 'TimeoutError' || name === 'AbortError' ? `the model did not answer within ${config.timeoutMs ?? 15_000} ms` : `the model server could not be reached (${(error as Error).message})`);
  }
  const parsed = parseJudgeAnswer(content, reply, rubrics);
  if (!parsed.ok) return fallBack(parsed.reason);
  const merged = parsed.results.map((result) => {
    const own = deterministic.find((d) => d.rubric === result.rubric);
    const extra = (own?.evidence ?? []).filter((e) => !result.evidence.some((x) => x.start === e.start && x.end === e.end));
    return { ...result, evidence: [...result.evidence, ...extra] };
  });
  return { results: merged, source: 'llm', version: `llm:${config.model}` };
}
