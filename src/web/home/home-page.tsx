import { Link } from 'react-router';
import { lessons, scenarios } from 'virtual:parley-content';
import { LABELS } from '../../core/content/vocabulary.ts';
import { recommendNext } from '../../core/progress/progress.ts';
import { paths } from '../paths.ts';
import { useProgress } from '../progress/progress-store.ts';
import { useReviewedRuns } from '../progress/use-reviewed-runs.ts';

/** Where a rep starts each day: the run to continue, what to practise next, and how the last ones went. */
export function HomePage() {
  const { runs } = useReviewedRuns(useProgress((s) => s.runs));
  const active = useProgress((s) => s.active);
  const status = useProgress((s) => s.status);
  const resume = [...active].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const next = recommendNext(scenarios, runs, LABELS);
  const recent = [...runs].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt)).slice(0, 5);
  const firstSteps = lessons.filter((l) => l.level === 'beginner').slice(0, 4);

  return (
    <section className="page">
      <h1>Practice the conversations that close deals</h1>
      <p className="lead">
        Read a short lesson, then practise with buyers who push back. Parley scores every reply for active listening, empathy and
        value framing, and shows you exactly which words earned or cost you points.
      </p>

      {status !== 'loading' && (
        <div className="home-grid">
          {resume && (
            <section className="panel" aria-labelledby="resume-heading">
              <h2 id="resume-heading">Continue where you left off</h2>
              <p>
                <Link to={paths.play.to(resume.scenarioId)}>{resume.scenarioTitle}</Link>
              </p>
              <p className="meta">
                {resume.state.inputs.length} {resume.state.inputs.length === 1 ? 'move' : 'moves'} in
              </p>
            </section>
          )}
          {next && (
            <section className="panel" aria-labelledby="next-heading">
              <h2 id="next-heading">Recommended next</h2>
              <p>
                <Link to={paths.play.to(next.scenario.id)}>{next.scenario.title}</Link>
              </p>
              <p className="meta">{next.reason}</p>
            </section>
          )}
          <section className="panel" aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent results</h2>
            {recent.length === 0 ? (
              <p>
                Nothing yet. <Link to={paths.practice.to()}>Pick a scenario</Link> to get your first debrief.
              </p>
            ) : (
              <ul className="plain-list">
                {recent.map((r) => (
                  <li key={r.id}>
                    <Link to={paths.debrief.to(r.id)}>{r.scenarioTitle}</Link>{' '}
                    <span className="meta">
                      {r.outcome}
                      {r.score !== null ? ` · ${r.score}%` : ''} · {r.day}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {recent.length > 0 && (
              <p>
                <Link to={paths.progress.to()}>All progress</Link>
              </p>
            )}
          </section>
        </div>
      )}

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
        <Link to={paths.lessons.to()}>See all {lessons.length} lessons</Link> · <Link to={paths.practice.to()}>See all {scenarios.length} scenarios</Link>
      </p>
    </section>
  );
}
