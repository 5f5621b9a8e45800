import DOMPurify from 'dompurify';
import { lessonIdOfLink } from '../../core/content/markdown-source.ts';
import { paths } from '../paths.ts';

/**
 * The one module that imports DOMPurify. Lesson HTML is rendered from
 * Markdown at build time and is sanitized here, in the browser, right before
 * it is inserted: no script, event-handler attribute or javascript: URL
 * survives. Links to other lessons (`spin-selling.md`) become app routes.
 */
export function safeLessonHtml(html: string): string {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    const lessonId = lessonIdOfLink(href);
    if (lessonId) {
      const anchor = href.includes('#') ? href.slice(href.indexOf('#')) : '';
      node.setAttribute('href', paths.lesson.to(lessonId) + anchor);
    } else if (/^https?:/i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purify.sanitize(html, { USE_PROFILES: { html: true } });
}
