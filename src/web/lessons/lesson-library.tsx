import { useId } from 'react';
import { Link } from 'react-router';
import { lessons } from 'virtual:parley-content';
import { LABELS, METHODOLOGIES, SKILLS } from '../../core/content/vocabulary.ts';
import { paths } from '../paths.ts';
import { oneOf, useFilterParams } from '../shell/filter-params.ts';
import { filterLessons } from './lesson-filter.ts';

/** The lesson library: every lesson, filtered by methodology and skill and searched by title. */
export function LessonLibrary() {
  const [params, update] = useFilterParams();
  const methodology = oneOf(params.get('methodology'), METHODOLOGIES);
  const skill = oneOf(params.get('skill'), SKILLS);
  const query = params.get('q') ?? '';
  const shown = filterLessons(lessons, { methodology, skill, query });
  const ids = { methodology: useId(), skill: useId(), query: useId() };

  return (
    <section className="page">
      <h1>Lessons</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.query}>Search titles</label>
        <input id={ids.query} type="search" value={query} onChange={(e) => update('q', e.target.value)} />
        <label htmlFor={ids.methodology}>Methodology</label>
        <select id={ids.methodology} value={methodology ?? ''} onChange={(e) => update('methodology', e.target.value)}>
          <option value="">All methodologies</option>
          {METHODOLOGIES.map((m) => (
            <option key={m} value={m}>
              {LABELS[m]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.skill}>Skill</label>
        <select id={ids.skill} value={skill ?? ''} onChange={(e) => update('skill', e.target.value)}>
          <option value="">All skills</option>
          {SKILLS.map((s) => (
            <option key={s} value={s}>
              {LABELS[s]}
            </option>
          ))}
        </select>
      </form>
      <p className="result-count" aria-live="polite">
        {shown.length === lessons.length ? `${lessons.length} lessons` : `${shown.length} of ${lessons.length} lessons`}
      </p>
      {shown.length === 0 ? (
        <p>No lesson matches these filters.</p>
      ) : (
        <ul className="lesson-list" aria-label="Lessons">
          {shown.map((lesson) => (
            <li key={lesson.id} className="lesson-card">
              <h2>
                <Link to={paths.lesson.to(lesson.id)}>{lesson.title}</Link>
              </h2>
              <p className="meta">
                {LABELS[lesson.methodology]} · {LABELS[lesson.level]} · {lesson.minutes} min read
              </p>
              <ul className="tags" aria-label="Skills">
                {lesson.skills.map((s) => (
                  <li key={s}>{LABELS[s]}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

