import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../paths.ts';

/** Shown for unknown routes and for missing lessons. */
export function NotFound() {
  const error = useRouteError();
  const missing = !error || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <section className="page narrow">
      <h1>{missing ? 'Page not found' : 'Something went wrong'}</h1>
      <p>{missing ? 'There is nothing at this address.' : 'This page failed to load. Reloading usually helps.'}</p>
      <p>
        <Link to={paths.lessons.to()}>Browse the lesson library</Link>
      </p>
    </section>
  );
}
