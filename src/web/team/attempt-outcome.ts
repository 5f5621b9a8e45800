import type { AttemptSummary } from '../api/api-types.ts';
import { formatPercent } from '../shell/date-format.ts';

/** An attempt's outcome in a few words: "Passed with 84.3% (reviewed)", "In progress", "Expired: time ran out". */
export function attemptOutcome(attempt: Pick<AttemptSummary, 'status' | 'result' | 'submittedBy'>): string {
  if (attempt.status === 'in_progress') return 'In progress';
  if (attempt.status === 'expired') return 'Expired: time ran out before it was submitted';
  const r = attempt.result;
  if (!r) return 'Submitted';
  const how = `${r.passed ? 'Passed' : 'Not passed'} with ${formatPercent(r.percent)} (pass mark ${r.passMark}%)`;
  const notes = [attempt.submittedBy === 'timeout' ? 'submitted when time ran out' : '', r.reviewed ? 'reviewed' : ''].filter(Boolean);
  return notes.length ? `${how}, ${notes.join(', ')}` : how;
}
