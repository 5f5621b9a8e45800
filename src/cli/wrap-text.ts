import wrapAnsi from 'wrap-ansi';

/** Leading spaces plus a list marker ("• ", "* ", "+ ", "− ", "✗ ", "1. "): where a wrapped line's text continues. */
const HANGING = /^(\s*(?:[*•+−✗-] |\d+\. )?)/;

/**
 * Wraps one line (ANSI colours kept) to `width` columns, continuing under the
 * text rather than under its indent or bullet, so lists and indented coaching
 * stay readable however narrow the terminal is. The only importer of wrap-ansi.
 */
export function wrapHanging(line: string, width: number): string {
  // A line may open its colour before its indent; the indent is found after it and kept outside it.
  const lead = /^(?:\u001B\[[0-9;]*m)*/.exec(line)![0];
  const rest = line.slice(lead.length);
  const indent = HANGING.exec(rest)![1]!;
  const body = lead + rest.slice(indent.length);
  const wrapped = wrapAnsi(body, Math.max(20, width - indent.length), { hard: true, trim: true }).split('\n');
  return wrapped.map((part, i) => (i === 0 ? indent : ' '.repeat(indent.length)) + part).join('\n');
}
