import type { AssignmentStatus } from '../api/api-types.ts';
import { formatDay } from '../shell/date-format.ts';

const LABEL: Record<AssignmentStatus, string> = { done: 'Done', done_late: 'Done late', pending: 'Pending', overdue: 'Overdue' };

/** An assignment's standing for one rep, in words (colour only repeats them). */
export function AssignmentStatusBadge({ status, completedAt }: { status: AssignmentStatus; completedAt: string | null }) {
  return (
    <span className={`badge status-${status}`}>
      {LABEL[status]}
      {completedAt ? ` ${formatDay(completedAt)}` : ''}
    </span>
  );
}
