import { slug } from 'github-slugger';
import type { SourcePosition } from './diagnostic.ts';

/** A heading found in Markdown source, with its line in the file. */
export interface SourceHeading extends SourcePosition {
  depth: number;
  text: string;
  slug: string;
}

/** An inline link `[text](href)` found in Markdown source. */
export interface SourceLink extends SourcePosition {
  text: string;
  href: string;
}

/** A body line outside fenced code, with its 1-based line number in the file. */
export interface SourceLine {
  text: string;
  line: number;
}

const FENCE_OPEN = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Lines of a Markdown body that are prose, skipping fenced code blocks. */
export function proseLines(body: string, firstLine: number): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: string | null = null;
  body.split(/\r?\n/).forEach((text, i) => {
    const open = FENCE_OPEN.exec(text);
    if (fence) {
      if (open && open[1] === fence) fence = null;
      return;
    }
    if (open) {
      fence = open[1]!;
      return;
    }
    out.push({ text, line: firstLine + i });
  });
  return out;
}

/** The ATX headings (`#`, `##`...) of a Markdown body, in order. */
export function findHeadings(lines: readonly SourceLine[]): SourceHeading[] {
  const headings: SourceHeading[] = [];
  for (const { text, line } of lines) {
    const match = HEADING.exec(text);
    if (!match) continue;
    const title = match[2]!;
    headings.push({ depth: match[1]!.length, text: title, slug: slug(title), line, column: text.indexOf('#') + 1 });
  }
  return headings;
}

/** The inline links of a Markdown body, with the position of each `[`. */
export function findLinks(lines: readonly SourceLine[]): SourceLink[] {
  const links: SourceLink[] = [];
  for (const { text, line } of lines) {
    for (const match of text.matchAll(LINK)) {
      links.push({ text: match[1]!, href: match[2]!, line, column: match.index + 1 });
    }
  }
  return links;
}

/** Words of running text, ignoring Markdown punctuation and link targets. */
export function countWords(lines: readonly SourceLine[]): number {
  let words = 0;
  for (const { text } of lines) {
    const plain = text.replace(LINK, '$1').replace(/[#>*_`|~-]+/g, ' ');
    words += plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  }
  return words;
}

/** The lesson id a relative link points at (`spin-selling.md#x` -> `spin-selling`), or undefined for other links. */
export function lessonIdOfLink(href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const path = href.split('#')[0]!;
  const match = /(?:^|\/)([^/]+)\.md$/.exec(path);
  if (!match) return undefined;
  // Links into another content folder (e.g. ../../scenarios/x.md) are not lesson links.
  if (/(^|\/)scenarios\//.test(path)) return undefined;
  return match[1];
}

/** Text without one pair of surrounding straight or curly double quotes. */
export function unquote(text: string): string {
  const m = /^["“](.*)["”]$/s.exec(text.trim());
  return (m ? m[1]! : text).trim();
}
