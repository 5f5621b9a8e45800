import type { Key } from 'ink';

/** What a key does in the pager. */
export type PagerAction = 'line-down' | 'line-up' | 'page-down' | 'page-up' | 'half-down' | 'half-up' | 'top' | 'bottom' | 'quit';

/**
 * The pager's keys, as in `less`: space, f or Page Down for the next page;
 * b or Page Up for the previous; ↓/j/Enter and ↑/k a line; d/u half a page;
 * g/Home and G/End the ends; q or Esc to leave.
 */
export function pagerAction(input: string, key: Pick<Key, 'downArrow' | 'upArrow' | 'pageDown' | 'pageUp' | 'return' | 'escape' | 'home' | 'end'>): PagerAction | undefined {
  if (key.escape || input === 'q' || input === 'Q') return 'quit';
  if (key.pageDown || input === ' ' || input === 'f') return 'page-down';
  if (key.pageUp || input === 'b') return 'page-up';
  if (key.downArrow || key.return || input === 'j') return 'line-down';
  if (key.upArrow || input === 'k') return 'line-up';
  if (input === 'd') return 'half-down';
  if (input === 'u') return 'half-up';
  if (key.home || input === 'g') return 'top';
  if (key.end || input === 'G') return 'bottom';
  return undefined;
}

/** The first line shown after an action, kept so the last page is full rather than scrolled past the end. */
export function scrollTo(top: number, action: Exclude<PagerAction, 'quit'>, height: number, total: number): number {
  const last = Math.max(0, total - height);
  const moved = {
    'line-down': top + 1,
    'line-up': top - 1,
    'page-down': top + height,
    'page-up': top - height,
    'half-down': top + Math.ceil(height / 2),
    'half-up': top - Math.ceil(height / 2),
    top: 0,
    bottom: last,
  }[action];
  return Math.min(last, Math.max(0, moved));
}

/** Where the reader is: "lines 25-48 of 126 (38%)", or "END" on the last page. */
export function pagerPosition(top: number, height: number, total: number): string {
  const end = Math.min(total, top + height);
  if (total <= height) return `all ${total} lines`;
  return `lines ${top + 1}-${end} of ${total} (${Math.round((100 * end) / total)}%)${end === total ? ' END' : ''}`;
}
