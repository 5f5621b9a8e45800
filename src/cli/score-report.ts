import type { Rubric } from '../core/content/rubric.ts';
import type { RubricId } from '../core/content/vocabulary.ts';
import type { Evidence, RubricResult } from '../core/scoring/reply-scorer.ts';
import type { Terminal } from './terminal.ts';

const TITLES: Record<RubricId, string> = { active_listening: 'Active listening', empathy: 'Empathy', value_framing: 'Value framing' };

/**
 * The reply with its evidence marked: green for spans that raised a level,
 * yellow for spans that capped one. Without colour, spans are bracketed so
 * piped output still shows them.
 */
export function highlightReply(reply: string, evidence: readonly Evidence[], color: Terminal['color']): string {
  const marks = new Array<'raise' | 'cap' | undefined>(reply.length);
  for (const e of evidence) for (let i = e.start; i < e.end && i < reply.length; i++) if (marks[i] !== 'cap') marks[i] = e.effect;
  let out = '';
  let i = 0;
  while (i < reply.length) {
    const mark = marks[i];
    let j = i;
    while (j < reply.length && marks[j] === mark) j++;
    const text = reply.slice(i, j);
    if (!mark) out += text;
    else if (!color.isColorSupported) out += mark === 'raise' ? `[${text}]` : `{${text}}`;
    else out += mark === 'raise' ? color.green(color.underline(text)) : color.yellow(color.underline(text));
    i = j;
  }
  return out;
}

/** One rubric's level, evidence, caps and coaching as terminal lines. */
export function formatRubricResult(reply: string, result: RubricResult, rubric: Rubric | undefined, color: Terminal['color']): string[] {
  const name = rubric?.levels.find((l) => l.level === result.level)?.name;
  const bar = '■'.repeat(result.level) + '□'.repeat(4 - result.level);
  const lines = [`${color.bold(TITLES[result.rubric].padEnd(17))} ${bar} ${result.level}/4${name ? ` ${color.dim(name)}` : ''}`];
  for (const e of result.evidence) {
    const quote = `"${oneLine(reply.slice(e.start, e.end), 70)}"`;
    lines.push(`  ${e.effect === 'raise' ? color.green('+') : color.yellow('−')} ${e.effect === 'raise' ? color.green(quote) : color.yellow(quote)} ${color.dim(e.signal)}`);
  }
  if (result.ladderLevel !== undefined && result.ladderLevel !== result.level) lines.push(`  ${color.dim(`the rubric's ladder alone reads ${result.ladderLevel}; weighing every signal gives ${result.level}`)}`);
  if (result.contributions?.length) {
    const pulls = result.contributions.filter((c) => !c.feature.startsWith('ladder_')).slice(0, 4);
    if (pulls.length) lines.push(`  ${color.dim(`weighed: ${pulls.map((c) => `${c.label} ${c.amount > 0 ? '+' : '−'}${Math.abs(c.amount).toFixed(1)}`).join(', ')}`)}`);
  }
  lines.push(`  ${result.feedback}`);
  return lines;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
