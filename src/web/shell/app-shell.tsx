import { useId } from 'react';
import { NavLink, Outlet } from 'react-router';
import { AccountMenu, TeamLinks } from '../account/account-menu.tsx';
import { paths } from '../paths.ts';
import { ContentProblems } from './content-problems.tsx';
import { useTheme, type Theme } from './theme.ts';

function ThemePicker() {
  const { theme, setTheme } = useTheme();
  const id = useId();
  return (
    <div className="theme-picker">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}

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
          <NavLink to={paths.practice.to()}>Practice</NavLink>
          <NavLink to={paths.quizzes.to()}>Quizzes</NavLink>
          <NavLink to={paths.progress.to()}>Progress</NavLink>
          <NavLink to={paths.studio.to()}>Studio</NavLink>
          <TeamLinks />
        </nav>
        <ThemePicker />
        <AccountMenu />
      </header>
      <ContentProblems />
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
