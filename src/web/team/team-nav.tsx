import { NavLink } from 'react-router';
import { paths } from '../paths.ts';

/** The manager's team pages, one click apart. */
export function TeamNav() {
  return (
    <nav aria-label="Team" className="sub-nav">
      <NavLink to={paths.team.to()} end>
        Members and invites
      </NavLink>
      <NavLink to={paths.assignments.to()}>Assignments</NavLink>
      <NavLink to={paths.dashboard.to()}>Dashboard</NavLink>
      <NavLink to={paths.review.to()}>Review replies</NavLink>
    </nav>
  );
}
