import { describe, expect, it } from 'vitest';
import { formatTimeLeft, moveItem, toggleOption } from '../../src/cli/ui/answer-edit.ts';
import { pagerAction, pagerPosition, scrollTo } from '../../src/cli/ui/pager.ts';

const noKey = { downArrow: false, upArrow: false, pageDown: false, pageUp: false, return: false, escape: false, home: false, end: false };

describe('the pager', () => {
  it('reads keys as less does', () => {
    expect(pagerAction(' ', noKey)).toBe('page-down');
    expect(pagerAction('b', noKey)).toBe('page-up');
    expect(pagerAction('', { ...noKey, downArrow: true })).toBe('line-down');
    expect(pagerAction('G', noKey)).toBe('bottom');
    expect(pagerAction('q', noKey)).toBe('quit');
    expect(pagerAction('', { ...noKey, escape: true })).toBe('quit');
    expect(pagerAction('x', noKey)).toBeUndefined();
  });

  it('never scrolls past the last full page or above the first line', () => {
    expect(scrollTo(0, 'page-down', 10, 25)).toBe(10);
    expect(scrollTo(10, 'page-down', 10, 25)).toBe(15);
    expect(scrollTo(3, 'page-up', 10, 25)).toBe(0);
    expect(scrollTo(0, 'bottom', 10, 25)).toBe(15);
    expect(scrollTo(0, 'line-down', 10, 8)).toBe(0);
  });

  it('says where the reader is', () => {
    expect(pagerPosition(0, 10, 40)).toBe('lines 1-10 of 40 (25%)');
    expect(pagerPosition(30, 10, 40)).toBe('lines 31-40 of 40 (100%) END');
    expect(pagerPosition(0, 10, 6)).toBe('all 6 lines');
  });
});

describe('editing a quiz answer', () => {
  it('ticks and unticks options, keeping the order they are shown in', () => {
    expect(toggleOption(['c'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggleOption(['a', 'c'], 'a', ['a', 'b', 'c'])).toEqual(['c']);
  });

  it('moves an item one place, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('shows the time left as m:ss, never below zero', () => {
    expect(formatTimeLeft(25 * 60_000)).toBe('25:00');
    expect(formatTimeLeft(61_500)).toBe('1:02');
    expect(formatTimeLeft(-5)).toBe('0:00');
    expect(formatTimeLeft(2 * 3_600_000 + 5_000)).toBe('2:00:05');
  });
});
