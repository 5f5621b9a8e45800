import type { Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { lessonIdOfLink } from '../core/content/markdown-source.ts';
import { renderMarkdownWith } from '../core/content/markdown.ts';
import type { Terminal } from './terminal.ts';
import { wrapHanging } from './wrap-text.ts';

/**
 * Markdown for the terminal: headings, lists, emphasis, quotes and tables laid
 * out to the given width by marked-terminal, with every style taken from the
 * terminal's colours (so NO_COLOR and pipes get plain text, with "#" marking
 * headings). A link to another lesson reads as the command that opens it.
 * The only importer of marked-terminal.
 */
export function renderTerminalMarkdown(markdown: string, options: { width: number; color: Terminal['color'] }): string {
  const { color, width } = options;
  const plain = !color.isColorSupported;
  const extension = markedTerminal({
    heading: (s) => color.bold(color.cyan(s)),
    firstHeading: (s) => color.bold(color.underline(color.cyan(s))),
    strong: color.bold,
    em: color.italic,
    codespan: color.yellow,
    code: color.yellow,
    blockquote: (s) => color.dim(color.italic(s)),
    del: color.strikethrough,
    link: (s) => s,
    href: color.cyan,
    html: color.dim,
    hr: color.dim,
    listitem: (s) => s,
    paragraph: (s) => s,
    table: (s) => s,
    text: (s) => s,
    emoji: false,
    width,
    reflowText: true,
    showSectionPrefix: plain,
    tab: 2,
  });
  // Always "text (target)": a terminal hyperlink would hide a lesson link's command, which is no URL.
  extension.renderer!.link = function (this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
    const text = this.parser.parseInline(token.tokens);
    return text === token.href ? color.cyan(token.href) : `${text} ${color.dim(`(${color.cyan(token.href)})`)}`;
  } as never;
  // marked-terminal renders a tight list item's text raw, so **bold** and links in lists would show their
  // Markdown (mikaelbr/marked-terminal#304, with marked 13 and later): parse such text's inline tokens here.
  const renderText = extension.renderer!.text as (this: unknown, token: Tokens.Text) => string;
  extension.renderer!.text = function (this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Text) {
    return token.tokens?.length ? this.parser.parseInline(token.tokens) : renderText.call(this, token);
  } as never;
  const rendered = renderMarkdownWith(markdown, extension, {
    resolveLink: (href) => {
      const id = lessonIdOfLink(href);
      return id === undefined ? href : `parley lesson ${id}`;
    },
  });
  // marked-terminal leaves list items unwrapped; wrap every line, list items under their text.
  return rendered
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => wrapHanging(line, width))
    .join('\n');
}
