import { describe, expect, it } from 'vitest';
import { bestExample, lessonsToRevisit, weakestRubric } from '../../src/core/progress/debrief.ts';
import type { ExampleReply } from '../../src/core/scenario/scenario.ts';

describe('the debrief', () => {
  const example = (text: string, levels: ExampleReply['levels']): ExampleReply => ({ text, levels, at: { line: 1, column: 1 } });

  it('shows the trainer\'s example with the highest levels', () => {
    expect(bestExample([example('ok', { empathy: 2 }), example('best', { empathy: 4, value_framing: 3 }), example('weak', { empathy: 0 })])?.text).toBe('best');
  });

  it('names the lowest rubric below level 3 as the skill to work on, and none when all reach 3', () => {
    expect(weakestRubric({ active_listening: 2.5, empathy: 1, value_framing: 3.5, closing: 0 })).toBe('empathy');
    expect(weakestRubric({ active_listening: 3, empathy: 4 })).toBeUndefined();
  });

  it('lists the scenario\'s lessons that exist, those teaching the weakest skill first', () => {
    const library = [
      { id: 'pricing', skills: ['value_framing' as const] },
      { id: 'listening', skills: ['active_listening' as const] },
    ];
    expect(lessonsToRevisit(['pricing', 'gone', 'listening'], library, 'active_listening').map((l) => l.id)).toEqual(['listening', 'pricing']);
    expect(lessonsToRevisit(['pricing', 'listening'], library, undefined).map((l) => l.id)).toEqual(['pricing', 'listening']);
  });
});
