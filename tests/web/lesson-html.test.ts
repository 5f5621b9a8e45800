import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/core/content/markdown.ts';
import { safeLessonHtml } from '../../src/web/lessons/lesson-html.ts';

const render = (md: string) => safeLessonHtml(renderMarkdown(md));

describe('lesson HTML', () => {
  it('drops script tags', () => {
    expect(render('Hi\n\n<script>window.hacked = 1</script>')).not.toContain('<script');
  });

  it('drops event handler attributes', () => {
    const html = render('<img src="x" onerror="window.hacked = 1">');
    expect(html).toContain('<img');
    expect(html).not.toContain('onerror');
  });

  it('drops javascript: links but keeps the text', () => {
    const html = render('[click me](javascript:alert(1))');
    expect(html).toContain('click me');
    expect(html).not.toMatch(/javascript:/i);
  });

  it('gives headings GitHub-style anchors', () => {
    expect(render('## Common mistakes')).toContain('<h2 id="common-mistakes">Common mistakes</h2>');
  });

  it('rewrites lesson links, keeping their anchor, and opens outside links in a new tab', () => {
    const html = render('[SPIN](spin-selling.md#need-payoff) and [site](https://example.org)');
    expect(html).toContain('href="/lessons/spin-selling#need-payoff"');
    expect(html).toMatch(/href="https:\/\/example.org" target="_blank" rel="noopener noreferrer"/);
  });
});
