import { useMemo, type MouseEvent } from 'react';
import { data, Link, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { lessonPages, lessons, scenarios } from 'virtual:parley-content';
import type { LessonPage } from '../../core/content/lesson.ts';
import { LABELS } from '../../core/content/vocabulary.ts';
import { paths } from '../paths.ts';
import { safeLessonHtml } from './lesson-html.ts';

/** Loads a lesson's page chunk; an unknown id is a 404. */
export async function lessonLoader({ params }: LoaderFunctionArgs): Promise<LessonPage> {
  const load = lessonPages[params.lessonId ?? ''];
  const page = load ? (await load()).default : undefined;
  if (!page) throw data('Lesson not found', { status: 404 });
  return page;
}

/** Reads one lesson: its rendered Markdown, sanitized, and links to related lessons. */
export function LessonReader() {
  const lesson = useLoaderData<LessonPage>();
  const navigate = useNavigate();
  const html = useMemo(() => safeLessonHtml(lesson.html), [lesson.html]);
  const related = lesson.related.map((id) => lessons.find((l) => l.id === id)).filter((l) => l !== undefined);
  const practice = scenarios.filter((s) => s.lessons.includes(lesson.id));

  // Links inside the lesson body navigate within the app instead of reloading it.
  const followInternalLink = (event: MouseEvent<HTMLElement>) => {
    const anchor = (event.target as HTMLElement).closest('a');
    const href = anchor?.getAttribute('href');
    if (!href || !href.startsWith('/') || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <article className="page narrow lesson">
      <p className="breadcrumb">
        <Link to={paths.lessons.to()}>Lessons</Link>
      </p>
      <p className="meta">
        {LABELS[lesson.methodology]} · {LABELS[lesson.level]} · {lesson.minutes} min read · {lesson.skills.map((s) => LABELS[s]).join(', ')}
      </p>
      <div className="lesson-body" onClick={followInternalLink} dangerouslySetInnerHTML={{ __html: html }} />
      {practice.length > 0 && (
        <aside aria-label="Practise this lesson" className="related">
          <h2>Practise it</h2>
          <ul>
            {practice.map((s) => (
              <li key={s.id}>
                <Link to={paths.play.to(s.id)}>{s.title}</Link> <span className="meta">({s.persona.name}, {LABELS[s.difficulty].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        </aside>
      )}
      {related.length > 0 && (
        <aside aria-label="Related lessons" className="related">
          <h2>Keep going</h2>
          <ul>
            {related.map((r) => (
              <li key={r.id}>
                <Link to={paths.lesson.to(r.id)}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </article>
  );
}
