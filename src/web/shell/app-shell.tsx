import { NavLink, Outlet } from 'react-router';
import { paths } from '../paths.ts';
import { ContentProblems } from './content-problems.tsx';

/** The frame around every page: header with navigation, then the page. */
export function AppShell() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to={paths.home.to()} className="brand" end>
          Parley
        </NavLink>
        <nav aria-label="Main">
          <NavLink to={paths.lessons.to()}>Lessons</NavLink>
        </nav>
      </header>
      <ContentProblems />
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
