import { slug } from 'github-slugger';
import { diagnostic, type Diagnostic, type SourcePosition } from '../content/diagnostic.ts';
import { proseLines, unquote } from '../content/markdown-source.ts';
import { isConditionError, parseCondition, type Condition } from './condition.ts';
import type { Ask, Branch, Choice, Effect, Ending, ExampleReply, Line, NodeExit, ScenarioNode, Value } from './scenario.ts';

/** A node as read from the body, before semantic checks; targets are unresolved slugs. */
export interface ParsedNode extends ScenarioNode {
  /** Every link target in the node, with its position, for the broken-target check. */
  links: { target: string; at: SourcePosition }[];
}

const NODE_HEADING = /^##\s+(.+?)\s*#*\s*$/;
const OTHER_HEADING = /^(#{3,6})\s+/;
const SPEAKER = /^\*\*([^*]+?):\*\*\s*(.*)$/;
const LIST_ITEM = /^\s{0,3}[-*+]\s+(.*)$/;
const ARROW_LINK = /->\s*\[([^\]]*)\]\(#([^)\s]*)\)\s*$/;
const BLOCK_OPEN = /^:::(\w+)(?:\{(.*)\})?\s*$/;
const BLOCK_CLOSE = /^:::\s*$/;
const TAG = /`([^`]*)`/g;

interface Ctx {
  file: string;
  diagnostics: Diagnostic[];
}

/** Reads scenario nodes from the Markdown body, line by line, keeping positions. */
export function parseScenarioBody(body: string, bodyLine: number, file: string): { nodes: ParsedNode[]; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { file, diagnostics: [] };
  const nodes: ParsedNode[] = [];
  const lines = proseLines(body, bodyLine);
  let node: ParsedNode | null = null;
  let paragraph: { line: Line; parts: string[] } | null = null;
  let pendingItems: { text: string; at: SourcePosition }[] = [];
  let block: { name: string; attrs: Record<string, string>; at: SourcePosition; lines: { text: string; line: number }[] } | null = null;
  let ask: Ask | null = null;
  let exits: NodeExit[] = [];
  let jumps: { target: string; effects: Effect[]; at: SourcePosition }[] = [];

  const flushParagraph = () => {
    if (paragraph && node) {
      const text = paragraph.parts.join(' ').trim();
      if (paragraph.line.kind === 'buyer') node.lines.push({ ...paragraph.line, text });
      else node.lines.push({ ...paragraph.line, text: stripItalics(text) });
    }
    paragraph = null;
  };
  const flushItems = () => {
    if (!node || pendingItems.length === 0) return;
    const items = pendingItems;
    pendingItems = [];
    const isBranch = ask !== null || items.some((i) => /^(if\s|otherwise\b)/.test(i.text));
    if (isBranch) {
      const branches = items.map((item) => readBranch(item, ask !== null, ctx, node!)).filter((b) => b !== undefined);
      exits.push(ask ? { kind: 'ask', ask, branches } : { kind: 'branches', branches });
      ask = null;
    } else {
      const choices = items.map((item, index) => readChoice(item, index, ctx, node!)).filter((c) => c !== undefined);
      exits.push({ kind: 'choices', choices: choices.map((c, index) => ({ ...c, index })) });
    }
  };
  const closeNode = () => {
    flushParagraph();
    flushItems();
    if (!node) return;

    if (ask && jumps.length === 1) {
      // An ask followed by a plain jump: scored, then always on to the same node.
      const [jump] = jumps;
      exits.push({ kind: 'ask', ask, branches: [{ target: jump!.target, effects: jump!.effects, at: jump!.at }] });
      jumps = [];
      ask = null;
    }
    if (ask) {
      ctx.diagnostics.push(
        diagnostic(file, ask.at, 'PARLEY111', 'the ask has no score branches', 'after the ask block, list branches such as "- average >= 3 -> [Next](#next)" and end with "- otherwise -> ..."'),
      );
      ask = null;
    }
    for (const jump of jumps) exits.push({ kind: 'jump', ...jump });
    if (exits.length > 1) {
      ctx.diagnostics.push(
        diagnostic(file, node.at, 'PARLEY119', `the node "${node.title}" has ${exits.length} ways on (${exits.map((e) => e.kind).join(', ')})`, 'give a node exactly one of: choices, a jump, branches, an ask with its branches, or an end'),
      );
    }
    node.exit = exits[0];
    nodes.push(node);
    node = null;
    exits = [];
    jumps = [];
  };

  const finishBlock = (done: NonNullable<typeof block>) => {
    if (!node) return;
    if (done.name === 'ask') ask = readAsk(done, ctx);
    else if (done.name === 'end') {
      const ending = readEnding(done, ctx);
      if (ending) exits.push({ kind: 'end', ending });
    }
  };
  // A block left open is reported once, then read as if closed, so one slip is one diagnostic.
  const closeBlockEarly = () => {
    if (!block) return;
    ctx.diagnostics.push(diagnostic(file, block.at, 'PARLEY116', `the :::${block.name} block is never closed`, 'end the block with a line ":::"'));
    const done = block;
    block = null;
    finishBlock(done);
  };

  for (const { text, line } of lines) {
    if (block) {
      if (BLOCK_CLOSE.test(text.trim())) {
        const done = block;
        block = null;
        finishBlock(done);
      } else {
        block.lines.push({ text, line });
      }
      continue;
    }
    const heading = NODE_HEADING.exec(text);
    if (heading) {
      closeBlockEarly();
      closeNode();
      const title = heading[1]!;
      node = { id: slug(title), title, lines: [], exit: undefined, at: { line, column: 1 }, links: [] };
      continue;
    }
    if (!node) continue; // A title or intro before the first node.
    if (OTHER_HEADING.test(text)) {
      flushParagraph();
      ctx.diagnostics.push(diagnostic(file, { line, column: 1 }, 'PARLEY115', 'only "##" headings start nodes; smaller headings are not allowed inside a node', 'make it a "## " node or plain text'));
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      flushParagraph();
      continue;
    }
    const open = BLOCK_OPEN.exec(trimmed);
    if (open) {
      flushParagraph();
      flushItems();
      const name = open[1]!;
      const at = { line, column: text.indexOf(':::') + 1 };
      if (name !== 'ask' && name !== 'end') {
        ctx.diagnostics.push(diagnostic(file, at, 'PARLEY116', `unknown block ":::${name}"`, 'the blocks are :::ask{rubrics="..."} and :::end{outcome="..."}'));
      }
      const attrs = parseAttributes(open[2] ?? '', at, ctx);
      block = { name, attrs, at, lines: [] };
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item) {
      flushParagraph();
      pendingItems.push({ text: item[1]!.trim(), at: { line, column: text.indexOf(item[1]!) + 1 } });
      continue;
    }
    if (trimmed.startsWith('->') || (/^`/.test(trimmed) && ARROW_LINK.test(trimmed))) {
      flushParagraph();
      flushItems();
      const column = text.indexOf(trimmed) + 1;
      const jump = readJump(trimmed, { line, column }, ctx, node);
      if (jump) jumps.push(jump);
      continue;
    }
    if (pendingItems.length > 0 && /^\s+/.test(text)) {
      // A wrapped list item continues on an indented line.
      pendingItems[pendingItems.length - 1]!.text += ` ${trimmed}`;
      continue;
    }
    flushItems();
    const speaker = SPEAKER.exec(trimmed);
    if (speaker) {
      flushParagraph();
      paragraph = { line: { kind: 'buyer', speaker: speaker[1]!.trim(), text: '', at: { line, column: 1 } }, parts: [speaker[2]!] };
    } else if (paragraph) {
      paragraph.parts.push(trimmed);
    } else {
      paragraph = { line: { kind: 'narration', text: '', at: { line, column: 1 } }, parts: [trimmed] };
    }
  }
  closeBlockEarly();
  closeNode();
  return { nodes, diagnostics: ctx.diagnostics };
}

function stripItalics(text: string): string {
  const m = /^([*_])(.+)\1$/.exec(text);
  return m ? m[2]!.trim() : text;
}

function parseAttributes(text: string, at: SourcePosition, ctx: Ctx): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /\s*([a-z_]+)\s*=\s*(?:"([^"]*)"|([^\s"}]+))/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(text))) {
    attrs[m[1]!] = m[2] ?? m[3] ?? '';
    last = re.lastIndex;
  }
  if (text.slice(last).trim() !== '') {
    ctx.diagnostics.push(diagnostic(ctx.file, at, 'PARLEY116', `cannot read the block's settings "{${text}}"`, 'write settings as name="value", separated by spaces'));
  }
  return attrs;
}

interface Tagged {
  text: string;
  target?: { id: string; at: SourcePosition };
  tags: { body: string; at: SourcePosition }[];
}

/** Splits `text `tag` `tag` -> [Label](#target)` into its parts, with positions. */
function splitTagged(source: string, at: SourcePosition): Tagged {
  let rest = source;
  let target: Tagged['target'];
  const arrow = ARROW_LINK.exec(rest);
  if (arrow) {
    const linkColumn = at.column + arrow.index + arrow[0].indexOf('(#') + 1;
    target = { id: arrow[2]!, at: { line: at.line, column: linkColumn } };
    rest = rest.slice(0, arrow.index);
  }
  const tags: Tagged['tags'] = [];
  for (const m of rest.matchAll(TAG)) tags.push({ body: m[1]!.trim(), at: { line: at.line, column: at.column + m.index + 1 } });
  const text = rest.replace(TAG, ' ').replace(/\s+/g, ' ').trim();
  return { text, target, tags };
}

function readEffect(tag: { body: string; at: SourcePosition }, ctx: Ctx): Effect | undefined {
  const add = /^([A-Za-z_]\w*)\s*([+-])\s*(\d+(?:\.\d+)?)$/.exec(tag.body);
  if (add) return { kind: 'add', variable: add[1]!, amount: Number(add[3]) * (add[2] === '-' ? -1 : 1), at: tag.at };
  const set = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/.exec(tag.body);
  if (set) {
    const value = parseLiteral(set[2]!.trim());
    if (value === undefined) {
      ctx.diagnostics.push(diagnostic(ctx.file, tag.at, 'PARLEY115', `cannot read the value in "${tag.body}"`, 'a value is true, false, a number or "quoted text"'));
      return undefined;
    }
    return { kind: 'set', variable: set[1]!, value, at: tag.at };
  }
  return undefined;
}

export function parseLiteral(text: string): Value | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const quoted = /^"([^"]*)"$/.exec(text);
  return quoted ? quoted[1] : undefined;
}

function readCondition(source: string, at: SourcePosition, ctx: Ctx): Condition | undefined {
  const expr = parseCondition(source);
  if (isConditionError(expr)) {
    ctx.diagnostics.push(
      diagnostic(ctx.file, { line: at.line, column: at.column + expr.column - 1 }, 'PARLEY115', `cannot read the condition "${source}": ${expr.message}`, 'conditions look like "trust >= 2 and not discounted"'),
    );
    return undefined;
  }
  return { source, expr, line: at.line, column: at.column };
}

function noteLink(node: ParsedNode, target: Tagged['target']) {
  if (target) node.links.push({ target: target.id, at: target.at });
}

function readChoice(item: { text: string; at: SourcePosition }, index: number, ctx: Ctx, node: ParsedNode): Choice | undefined {
  const parts = splitTagged(item.text, item.at);
  if (!parts.target) {
    ctx.diagnostics.push(diagnostic(ctx.file, item.at, 'PARLEY115', 'this choice does not say where it leads', 'end the choice with "-> [Next node](#next-node)"'));
    return undefined;
  }
  noteLink(node, parts.target);
  const text = unquote(parts.text);
  if (!text) {
    ctx.diagnostics.push(diagnostic(ctx.file, item.at, 'PARLEY115', 'this choice has no text', 'write what the rep says before the tags, e.g. "What does their quote include?"'));
    return undefined;
  }
  const choice: Choice = { index, text, target: parts.target.id, effects: [], once: false, breaks: [], at: item.at };
  for (const tag of parts.tags) {
    const ifTag = /^if\s+(.+?)(?:\s+else\s+"([^"]*)")?$/.exec(tag.body);
    const score = /^score\s+(\S+)$/.exec(tag.body);
    const breaks = /^breaks\s+(\S+)$/.exec(tag.body);
    if (ifTag) {
      choice.condition = readCondition(ifTag[1]!, { line: tag.at.line, column: tag.at.column + 3 }, ctx);
      if (ifTag[2] !== undefined) choice.disabledReason = ifTag[2];
    } else if (score) {
      const n = Number(score[1]);
      if (!Number.isInteger(n) || n < 0 || n > 4) {
        ctx.diagnostics.push(diagnostic(ctx.file, tag.at, 'PARLEY112', `a choice's score must be a whole number from 0 to 4, not "${score[1]}"`, 'use `score 0` (poor) to `score 4` (best)'));
      } else choice.score = n;
    } else if (breaks) {
      choice.breaks.push(breaks[1]!);
    } else if (tag.body === 'once') {
      choice.once = true;
    } else {
      choice.effects.push(...effectsOf([tag], ctx));
    }
  }
  return choice;
}

/** Effects from tags; a tag that is not an effect is reported once (unless readEffect already did). */
function effectsOf(tags: readonly { body: string; at: SourcePosition }[], ctx: Ctx): Effect[] {
  const effects: Effect[] = [];
  for (const tag of tags) {
    const effect = readEffect(tag, ctx);
    if (effect) effects.push(effect);
    else if (!ctx.diagnostics.some((d) => d.line === tag.at.line && d.column === tag.at.column)) ctx.diagnostics.push(unknownTag(tag, ctx));
  }
  return effects;
}

function unknownTag(tag: { body: string; at: SourcePosition }, ctx: Ctx): Diagnostic {
  return diagnostic(
    ctx.file,
    tag.at,
    'PARLEY115',
    `unknown tag \`${tag.body}\``,
    'tags are effects (`trust +1`, `flag = true`), `score N`, `if condition`, `once` and `breaks rule-id`',
  );
}

function readBranch(item: { text: string; at: SourcePosition }, afterAsk: boolean, ctx: Ctx, node: ParsedNode): Branch | undefined {
  const parts = splitTagged(item.text, item.at);
  if (!parts.target) {
    ctx.diagnostics.push(diagnostic(ctx.file, item.at, 'PARLEY115', 'this branch does not say where it leads', 'end the branch with "-> [Next node](#next-node)"'));
    return undefined;
  }
  noteLink(node, parts.target);
  const effects = effectsOf(parts.tags, ctx);
  const head = parts.text;
  if (/^otherwise$/i.test(head)) return { target: parts.target.id, effects, at: item.at };
  const ifMatch = /^if\s+(.*)$/.exec(head);
  if (!ifMatch && !afterAsk) {
    ctx.diagnostics.push(diagnostic(ctx.file, item.at, 'PARLEY119', 'a list mixes choices and branches', 'in a branch list every item starts with "if" or is "otherwise"; choices go in a node of their own'));
    return undefined;
  }
  const source = ifMatch ? ifMatch[1]! : head;
  const offset = item.text.indexOf(source);
  const condition = readCondition(source, { line: item.at.line, column: item.at.column + Math.max(0, offset) }, ctx);
  return condition ? { condition, target: parts.target.id, effects, at: item.at } : undefined;
}

function readJump(text: string, at: SourcePosition, ctx: Ctx, node: ParsedNode) {
  const parts = splitTagged(text, at);
  if (!parts.target || parts.text.replace(/^->\s*/, '') !== '') {
    ctx.diagnostics.push(diagnostic(ctx.file, at, 'PARLEY115', 'cannot read this jump', 'a jump is a line "-> [Next node](#next-node)", optionally with effect tags before the arrow'));
    return undefined;
  }
  noteLink(node, parts.target);
  return { target: parts.target.id, effects: effectsOf(parts.tags, ctx), at };
}

function readAsk(block: { attrs: Record<string, string>; at: SourcePosition; lines: { text: string; line: number }[] }, ctx: Ctx): Ask {
  const rubrics = (block.attrs.rubrics ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (rubrics.length === 0) {
    ctx.diagnostics.push(diagnostic(ctx.file, block.at, 'PARLEY116', 'the ask names no rubrics', 'write :::ask{rubrics="active_listening,empathy"}'));
  }
  const prompt: string[] = [];
  const keyPoints: string[] = [];
  const examples: ExampleReply[] = [];
  for (const { text, line } of block.lines) {
    const item = LIST_ITEM.exec(text);
    if (!item) {
      if (text.trim()) prompt.push(text.trim());
      continue;
    }
    const body = item[1]!.trim();
    const at = { line, column: text.indexOf(item[1]!) + 1 };
    const key = /^key point:\s*(.+)$/i.exec(body);
    const example = /^example\s*\(([^)]*)\)\s*:\s*(.+)$/i.exec(body);
    if (key) keyPoints.push(key[1]!.trim());
    else if (example) {
      const levels = example[1]!.split(',').map((s) => s.trim());
      const bad = levels.find((l) => !/^[0-4]$/.test(l));
      if (levels.length !== rubrics.length || bad !== undefined) {
        ctx.diagnostics.push(
          diagnostic(
            ctx.file,
            at,
            'PARLEY117',
            bad !== undefined ? `"${bad}" is not a level from 0 to 4` : `the example gives ${levels.length} level(s) for ${rubrics.length} rubric(s)`,
            `give one level (0-4) per rubric, in the order of rubrics="${rubrics.join(',')}"`,
          ),
        );
        continue;
      }
      examples.push({ text: unquote(example[2]!.trim()), levels: Object.fromEntries(rubrics.map((r, i) => [r, Number(levels[i])])), at });
    } else {
      ctx.diagnostics.push(diagnostic(ctx.file, at, 'PARLEY115', 'an ask block lists only "key point:" and "example (...):" items', 'write "- key point: ..." or "- example (4,3,2): \\"reply\\""'));
    }
  }
  return { prompt: prompt.join(' '), rubrics: rubrics as Ask['rubrics'], keyPoints, examples, at: block.at };
}

function readEnding(block: { attrs: Record<string, string>; at: SourcePosition; lines: { text: string; line: number }[] }, ctx: Ctx): Ending | undefined {
  const outcome = (block.attrs.outcome ?? '').trim();
  if (!outcome) {
    ctx.diagnostics.push(diagnostic(ctx.file, block.at, 'PARLEY118', 'the ending has no outcome', 'write :::end{outcome="won"} (or lost, neutral, or your own label)'));
    return undefined;
  }
  let score: number | undefined;
  if (block.attrs.score !== undefined) {
    score = Number(block.attrs.score);
    if (!Number.isFinite(score) || score < 0 || score > 100) {
      ctx.diagnostics.push(diagnostic(ctx.file, block.at, 'PARLEY118', `the ending's score "${block.attrs.score}" is not a number from 0 to 100`, 'write score="80"'));
      score = undefined;
    }
  }
  const kind = outcome === 'won' || outcome === 'lost' ? outcome : 'neutral';
  const feedback = block.lines.map((l) => l.text.trim()).filter(Boolean).join(' ');
  return { outcome, kind, score, feedback, at: block.at };
}

