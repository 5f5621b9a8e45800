import { Link } from 'react-router';
import { paths } from '../paths.ts';

/** What account and team pages say when no team server answers (static hosting, `npm run dev` alone). */
export function NoServer({ what }: { what: string }) {
  return (
    <section className="page narrow">
      <h1>No team server here</h1>
      <p>
        {what} needs Parley's team server, and this copy of the app runs without one. Practice still works: scenarios, lessons and{' '}
        <Link to={paths.quizzes.to()}>practice quizzes</Link> run in your browser and keep your progress here.
      </p>
      <p className="meta">To run the team server, start the app with <code>npm start</code> or <code>npx parley serve</code>.</p>
    </section>
  );
}
