import { useMemo } from 'react';
import { renderMarkdown } from '../../core/content/markdown.ts';
import { safeLessonHtml } from '../lessons/lesson-html.ts';

/** Authored Markdown (a quiz's intro, a question's prompt or feedback) rendered and sanitized before it is inserted. */
export function MarkdownBlock({ markdown, className = 'markdown' }: { markdown: string; className?: string }) {
  const html = useMemo(() => safeLessonHtml(renderMarkdown(markdown)), [markdown]);
  if (!markdown.trim()) return null;
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
