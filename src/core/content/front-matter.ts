import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type SourcePosition } from './diagnostic.ts';

/** A path into the front matter data, e.g. `['persona', 'name']` or `['related', 2]`. */
export type DataPath = readonly (string | number)[];

/** Front matter split from a Markdown file, parsed, with the source position of every key and value. */
export interface FrontMatter {
  /** The parsed YAML as plain data; `{}` when the block is empty or unusable. */
  data: unknown;
  /** Whether a front matter block was found and parsed as a mapping. */
  ok: boolean;
  /** Position of the key at `path` (or of the nearest ancestor that exists). */
  keyAt(path: DataPath): SourcePosition;
  /** Position of the value at `path` (or of the nearest ancestor that exists). */
  valueAt(path: DataPath): SourcePosition;
  /** Markdown after the front matter. */
  body: string;
  /** 1-based line number of the first body line in the file. */
  bodyLine: number;
}

const START: SourcePosition = { line: 1, column: 1 };
const FENCE = /^---\s*$/;
const CLOSE = /^(---|\.\.\.)\s*$/;

/**
 * Splits `---` YAML front matter from a Markdown file and parses it, keeping
 * positions. Never throws: problems come back as diagnostics.
 */
export function parseFrontMatter(text: string, file: string): { value: FrontMatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const none = (bodyLine: number, body: string): FrontMatter => ({
    data: {},
    ok: false,
    keyAt: () => START,
    valueAt: () => START,
    body,
    bodyLine,
  });

  if (!FENCE.test(lines[0] ?? '')) {
    diagnostics.push(
      diagnostic(file, START, 'PARLEY001', 'the file does not start with front matter', 'begin the file with a line "---", the YAML keys, then another "---"'),
    );
    return { value: none(1, lines.join('\n')), diagnostics };
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (close < 0) {
    diagnostics.push(
      diagnostic(file, START, 'PARLEY002', 'the front matter opened here is never closed', 'add a line "---" after the last front matter key'),
    );
    return { value: none(lines.length + 1, ''), diagnostics };
  }

  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // YAML positions are relative to the block, which starts on line 2 of the file.
  const toFile = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(Math.max(0, Math.min(offset, yamlText.length)));
    return { line: pos.line + 1, column: pos.col };
  };
  for (const error of doc.errors) {
    const at = toFile(error.pos[0]);
    const message = firstLine(error.message);
    if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(diagnostic(file, at, 'PARLEY013', message, 'remove one of the two keys; each key may appear once'));
    } else {
      diagnostics.push(diagnostic(file, at, 'PARLEY003', message, 'check indentation, colons and quotes; quote text that contains ": " or starts with a symbol'));
    }
  }

  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close + 2;
  if (doc.errors.length > 0) return { value: none(bodyLine, body), diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    diagnostics.push(diagnostic(file, { line: 2, column: 1 }, 'PARLEY003', firstLine(String(error)), 'simplify the YAML; aliases and custom tags are not supported'));
    return { value: none(bodyLine, body), diagnostics };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diagnostics.push(
      diagnostic(file, { line: 2, column: 1 }, 'PARLEY004', 'the front matter must be a list of "key: value" lines', 'write each setting as "key: value" on its own line'),
    );
    return { value: none(bodyLine, body), diagnostics };
  }

  const locate = (path: DataPath, want: 'key' | 'value'): SourcePosition => {
    const found = findNode(doc, path);
    const range = want === 'key' ? (found.key?.range ?? found.value?.range) : (found.value?.range ?? found.key?.range);
    return range ? toFile(range[0]) : START;
  };
  return {
    value: { data, ok: true, keyAt: (p) => locate(p, 'key'), valueAt: (p) => locate(p, 'value'), body, bodyLine },
    diagnostics,
  };
}

/** Walks the YAML tree along `path`, stopping at the deepest node that exists. */
function findNode(doc: Document, path: DataPath): { key?: Node; value?: Node } {
  let current: unknown = doc.contents;
  let found: { key?: Node; value?: Node } = { value: (doc.contents as Node | null) ?? undefined };
  for (const step of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      found = { key: pair.key as Node, value: (pair.value as Node | null) ?? (pair.key as Node) };
      current = pair.value;
    } else if (isSeq(current) && typeof step === 'number') {
      const item = current.items[step] as Node | undefined;
      if (!item) break;
      found = { key: item, value: item };
      current = item;
    } else {
      break;
    }
  }
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
