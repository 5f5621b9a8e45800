import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RUBRIC_IDS, type RubricId } from '../../core/content/vocabulary.ts';
import type { ReplyContext, RubricResult } from '../../core/scoring/reply-scorer.ts';
import { createRubricScorer } from '../../core/scoring/score-reply.ts';
import { MAX_REPLY_CHARS, parseScoreLine } from '../../core/scoring/score-request.ts';
import { readProjectRubrics } from '../../node/content-files.ts';
import { judgeConfigFromEnv, judgeReply } from '../../node/llm-judge.ts';
import { formatRubricResult, highlightReply } from '../score-report.ts';
import type { Terminal } from '../terminal.ts';

export const SCORE_HELP = `Usage: parley score --buyer "..." --reply "..." [--known "..."]... [options]
       parley score --jsonl FILE [options]

Scores a rep's reply on the three rubrics (active listening, empathy, value
framing), 0-4 each, and shows the evidence behind every level.

One reply:
  --buyer TEXT        the buyer's last line
  --reply TEXT        the rep's reply
  --known TEXT        something the rep already knows about the buyer (repeatable)
  --format text|json  json prints the results (levels, evidence spans, caps, feedback)

Many replies:
  --jsonl FILE        one JSON object per line: {"id", "context": {"buyer", "known"},
                      "response"} (extra fields are ignored); "-" reads stdin.
                      Prints one JSON line per input: {"id", "levels", "evidence"};
                      a malformed line prints {"line", "id", "error"} instead and
                      the rest are still scored.

Options:
  --rubrics LIST      comma-separated subset, e.g. empathy,value_framing
  -h, --help          show this help

With PARLEY_LLM_URL and PARLEY_LLM_MODEL set, a single reply is judged by that
model (see docs/scoring.md); the deterministic scorer is the fallback.

Exit codes: 0 scored, 1 some JSONL lines could not be scored, 2 bad usage.`;

/** `parley score`: scores one reply, or a JSONL file of them. Returns the exit code. */
export async function score(args: string[], terminal: Terminal, root: string, stdin: () => Promise<string> = readStdin): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      buyer: { type: 'string' },
      reply: { type: 'string' },
      known: { type: 'string', multiple: true },
      jsonl: { type: 'string' },
      rubrics: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    terminal.out(SCORE_HELP);
    return 0;
  }
  const rubricIds = parseRubrics(values.rubrics);
  if (typeof rubricIds === 'string') return usage(terminal, rubricIds);
  if (values.format !== 'text' && values.format !== 'json') return usage(terminal, `unknown format "${values.format}" (use text or json)`);
  // Coaching comes from the rubric files; the scorer's built-in coaching covers a project without them.
  const rubrics = await readProjectRubrics(root);
  const scorer = createRubricScorer({ coaching: rubrics });

  if (values.jsonl !== undefined) {
    if (values.buyer !== undefined || values.reply !== undefined) return usage(terminal, 'use either --jsonl or --buyer/--reply, not both');
    let text: string;
    try {
      text = values.jsonl === '-' ? await stdin() : await readFile(resolve(root, values.jsonl), 'utf8');
    } catch (error) {
      terminal.err(`parley score: cannot read ${values.jsonl}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return 1;
    }
    let failed = 0;
    text.split(/\r?\n/).forEach((line, index) => {
      if (!line.trim()) return;
      const parsed = parseScoreLine(line);
      if (!parsed.ok) {
        failed++;
        terminal.out(JSON.stringify({ line: index + 1, id: parsed.id, error: parsed.error }));
        return;
      }
      const { id, reply, context } = parsed.request;
      const results = scorer.score(reply, context, rubricIds);
      terminal.out(JSON.stringify({ id, levels: Object.fromEntries(results.map((r) => [r.rubric, r.level])), evidence: results.flatMap((r) => r.evidence.map((e) => ({ ...e, text: reply.slice(e.start, e.end) }))) }));
    });
    if (failed) terminal.err(`parley score: ${failed} line${failed === 1 ? '' : 's'} could not be scored (see the "error" lines)`);
    return failed ? 1 : 0;
  }

  if (values.reply === undefined || values.buyer === undefined) return usage(terminal, 'give --buyer and --reply, or --jsonl FILE (see parley score --help)');
  if (values.reply.length > MAX_REPLY_CHARS) return usage(terminal, `--reply is longer than ${MAX_REPLY_CHARS} characters`);
  const context: ReplyContext = { buyer: values.buyer, known: values.known ?? [], keyPoints: [] };
  let results: RubricResult[];
  let note: string | undefined;
  const judge = judgeConfigFromEnv(process.env);
  if (judge) {
    const judged = await judgeReply(values.reply, context, rubrics.filter((r) => rubricIds.includes(r.id)), judge, scorer);
    results = judged.results;
    note = judged.source === 'llm' ? `judged by ${judge.model}` : `deterministic scorer (the model was not used: ${judged.fallbackReason})`;
  } else {
    results = scorer.score(values.reply, context, rubricIds);
  }
  if (values.format === 'json') {
    terminal.out(JSON.stringify({ results, ...(note ? { note } : {}) }, null, 2));
    return 0;
  }
  const c = terminal.color;
  terminal.out(`${c.dim('Buyer:')} ${values.buyer}`);
  terminal.out(`${c.dim('Reply:')} ${highlightReply(values.reply, results.flatMap((r) => r.evidence), c)}`);
  if (note) terminal.out(c.dim(note));
  for (const result of results) {
    terminal.out('');
    for (const line of formatRubricResult(values.reply, result, rubrics.find((r) => r.id === result.rubric), c)) terminal.out(line);
  }
  return 0;
}

function parseRubrics(list: string | undefined): RubricId[] | string {
  if (list === undefined) return [...RUBRIC_IDS];
  const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !(RUBRIC_IDS as readonly string[]).includes(id));
  if (unknown.length || ids.length === 0) return `unknown rubric "${unknown[0] ?? list}" (use ${RUBRIC_IDS.join(', ')})`;
  return ids as RubricId[];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function usage(terminal: Terminal, message: string): number {
  terminal.err(`parley score: ${message}`);
  return 2;
}
