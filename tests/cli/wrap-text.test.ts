import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { wrapHanging } from '../../src/cli/wrap-text.ts';

const color = pc.createColors(true);
const strip = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');

describe('wrapping a line for the terminal', () => {
  it('leaves a line that fits as it is', () => {
    expect(wrapHanging('Priya: Fine.', 40)).toBe('Priya: Fine.');
  });

  it('continues a bullet\'s text under the text, not under the bullet', () => {
    expect(wrapHanging('  • one two three four five six seven eight nine ten', 24)).toBe('  • one two three four\n    five six seven eight\n    nine ten');
  });

  it('continues a numbered item under its text', () => {
    expect(wrapHanging('1. alpha beta gamma delta epsilon zeta', 22)).toBe('1. alpha beta gamma\n   delta epsilon zeta');
  });

  it('finds the indent of a line whose colour opens before it, and keeps the colour', () => {
    const wrapped = wrapHanging(color.green('   Right answer: ask what the other quote includes'), 30);
    expect(strip(wrapped)).toBe('   Right answer: ask what the\n   other quote includes');
    expect(wrapped).toContain('\u001B[32m');
  });
});
