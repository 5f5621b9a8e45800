import { z } from 'zod';
import type { Rubric } from '../content/rubric.ts';
import type { RubricId } from '../content/vocabulary.ts';
import type { Evidence, ReplyContext, RubricResult } from './reply-scorer.ts';

/** A chat message in the OpenAI-compatible chat completions format. */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/**
 * The prompt for a language-model judge: the rubric files themselves are the
 * instructions, so the judge and the deterministic scorer rate against the
 * same scales that trainers read.
 */
export function buildJudgeMessages(reply: string, context: ReplyContext, rubrics: readonly Rubric[]): ChatMessage[] {
  const scales = rubrics
    .map((r) =>
      [
        `## ${r.title} (\`${r.id}\`): ${r.question}`,
        ...r.levels.map((l) => `- ${l.level}: ${l.descriptor}`),
        ...(r.notes.length ? ['Notes:', ...r.notes.map((n) => `- ${n}`)] : []),
      ].join('\n'),
    )
    .join('\n\n');
  const system = [
    'You rate a sales rep\'s reply to a buyer, in context, on the rubrics below. Rate each rubric on its own, as an integer level 0-4.',
    'Quote evidence exactly as it appears in the reply (a short phrase), say which signal it stands for, and whether it raised or capped the level.',
    'Answer with JSON only, in this shape:',
    '{"levels": {"<rubric id>": 0-4}, "evidence": [{"rubric": "<rubric id>", "quote": "<exact phrase from the reply>", "signal": "<what it shows>", "effect": "raise" | "cap"}], "rationale": {"<rubric id>": "<one sentence>"}}',
    '',
    scales,
  ].join('\n');
  const user = [
    `Buyer's last line: ${JSON.stringify(context.buyer)}`,
    context.known.length ? `What the rep already knows:\n${context.known.map((k) => `- ${k}`).join('\n')}` : '',
    context.keyPoints.length ? `Points a good reply picks up:\n${context.keyPoints.map((k) => `- ${k}`).join('\n')}` : '',
    `Rep's reply: ${JSON.stringify(reply)}`,
    `Rate: ${rubrics.map((r) => r.id).join(', ')}.`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

const judgeAnswer = z.object({
  levels: z.record(z.string(), z.number().int().min(0).max(4)),
  evidence: z
    .array(z.object({ rubric: z.string(), quote: z.string().min(1), signal: z.string().min(1), effect: z.enum(['raise', 'cap']) }))
    .default([]),
  rationale: z.record(z.string(), z.string()).default({}),
});

/** The judge's answer checked and turned into results, or the reason it was unusable. */
export type JudgeParse = { ok: true; results: RubricResult[] } | { ok: false; reason: string };

/**
 * Validates the model's answer: JSON (a fenced ```json block is accepted), a
 * 0-4 integer level for every requested rubric; evidence quotes are located
 * in the reply and dropped when they are not really in it.
 */
export function parseJudgeAnswer(content: string, reply: string, rubrics: readonly Rubric[]): JudgeParse {
  const text = /```(?:json)?\s*([\s\S]*?)```/.exec(content)?.[1] ?? content;
  let raw: unknown;
  try {
    raw = JSON.parse(text.trim());
  } catch {
    return { ok: false, reason: 'the model did not answer with JSON' };
  }
  const parsed = judgeAnswer.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `the model's answer has the wrong shape (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const answer = parsed.data;
  const missing = rubrics.filter((r) => answer.levels[r.id] === undefined).map((r) => r.id);
  if (missing.length) return { ok: false, reason: `the model gave no level for ${missing.join(', ')}` };
  const lower = reply.toLowerCase();
  const results = rubrics.map((rubric): RubricResult => {
    const level = answer.levels[rubric.id]!;
    const evidence: Evidence[] = [];
    for (const e of answer.evidence) {
      if (e.rubric !== rubric.id) continue;
      const start = lower.indexOf(e.quote.toLowerCase());
      if (start >= 0) evidence.push({ rubric: rubric.id as RubricId, start, end: start + e.quote.length, signal: e.signal, effect: e.effect });
    }
    const coaching = rubric.levels.find((l) => l.level === level)?.coaching ?? '';
    const feedback = [answer.rationale[rubric.id], coaching].filter(Boolean).join(' ');
    return { rubric: rubric.id, level, evidence, caps: evidence.filter((e) => e.effect === 'cap').map((e) => e.signal), feedback };
  });
  return { ok: true, results };
}
