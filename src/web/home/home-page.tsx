import { Link } from 'react-router';
import { lessons } from 'virtual:parley-content';
import { LABELS } from '../../core/content/vocabulary.ts';
import { paths } from '../paths.ts';

/** The landing page: what Parley is and where a new rep should start. */
export function HomePage() {
  const firstSteps = lessons.filter((l) => l.level === 'beginner').slice(0, 4);
  return (
    <section className="page">
      <h1>Practice the conversations that close deals</h1>
      <p className="lead">
        Read a short lesson, then practise with buyers who push back. Parley scores every reply for active listening, empathy and
        value framing, and shows you exactly which words earned or cost you points.
      </p>
      <h2>Start here</h2>
      <ul className="lesson-list" aria-label="Beginner lessons">
        {firstSteps.map((lesson) => (
          <li key={lesson.id} className="lesson-card">
            <h3>
              <Link to={paths.lesson.to(lesson.id)}>{lesson.title}</Link>
            </h3>
            <p className="meta">
              {LABELS[lesson.methodology]} · {lesson.minutes} min read
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to={paths.lessons.to()}>See all {lessons.length} lessons</Link>
      </p>
    </section>
  );
}
