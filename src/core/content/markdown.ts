import GithubSlugger from 'github-slugger';
import { Marked, type MarkedExtension, type Tokens } from 'marked';

/**
 * The one module that imports marked. marked renders prose; it does not keep
 * source positions (markedjs/marked#2134), so structure that needs line
 * numbers is read by `markdown-source.ts` instead.
 *
 * The HTML returned here is NOT safe to insert as is: every face must pass it
 * through its sanitizer (the web app uses DOMPurify).
 */
export interface RenderOptions {
  /** Rewrites link targets, e.g. `objection-handling.md` to an app route. */
  resolveLink?: (href: string) => string;
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const slugger = new GithubSlugger();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${slugger.slug(token.text)}">${inner}</h${token.depth}>\n`;
      },
    },
    walkTokens(token) {
      if (token.type === 'link' && options.resolveLink) token.href = options.resolveLink(token.href);
    },
  });
  return marked.parse(markdown) as string;
}

/**
 * Renders Markdown with a face's own renderer instead of HTML (the terminal
 * passes marked-terminal's), so marked is still imported here only. Links are
 * rewritten by `resolveLink` first, as for HTML.
 */
export function renderMarkdownWith(markdown: string, extension: MarkedExtension, options: RenderOptions = {}): string {
  const marked = new Marked({ gfm: true, async: false });
  marked.use(extension, {
    walkTokens(token) {
      if (token.type === 'link' && options.resolveLink) token.href = options.resolveLink(token.href);
    },
  });
  return marked.parse(markdown) as string;
}
