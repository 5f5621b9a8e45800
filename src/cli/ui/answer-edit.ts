/**
 * Editing an answer before it is submitted: the pure part of the quiz
 * screens' multiple-choice and ordering inputs.
 */

/** Ticks an option that was not ticked and unticks one that was, keeping display order. */
export function toggleOption(ticked: readonly string[], id: string, displayOrder: readonly string[]): string[] {
  const next = ticked.includes(id) ? ticked.filter((t) => t !== id) : [...ticked, id];
  return displayOrder.filter((o) => next.includes(o));
}

/** Moves the item at `index` one place up (-1) or down (+1); at either end it stays. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Time left as m:ss (h:mm:ss from an hour), never below 0:00. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
