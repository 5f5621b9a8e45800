import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offeredChoices, start, step } from '../../src/core/engine/engine.ts';
import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';
import { scenarioText } from './scenario-text.ts';

const BODY = `## Open
**Sam:** Price is high.

- "Why?" \`trust +1\` \`score 3\` -> [Ask](#ask)
- "Discount" \`if trust > 0 else "no"\` -> [Lost](#lost)

## Ask
:::ask{rubrics="empathy,value_framing"}
Reply.
- example (3,2): "Fair."
:::
- empathy >= 3 -> [Won](#won)
- otherwise -> [Lost](#lost)

## Won
:::end{outcome="won" score="90"}
Good.
:::

## Lost
:::end{outcome="lost"}
Bad.
:::
`;
const VALID = scenarioText(BODY, 'variables: { trust: { value: 0, min: 0, max: 3 } }');

const fragment = fc.constantFrom(
  '## ', '- ', '->', ' [X](#x)', '[Ask](#ask)', '`', '`trust +1`', '`if `', ' else "', ':::ask{rubrics="empathy"}', ':::end{outcome="won"}', ':::', '\n', '**Sam:** ',
  'if ', 'otherwise', ' and ', ' or ', 'not ', '>=', '==', '(', ')', '"', '---', 'variables: {', '}', 'example (9):', '😀', '\t', '<script>',
);
const noise = fc.array(fc.oneof(fragment, fc.string()), { maxLength: 30 }).map((parts) => parts.join(''));
const mutated = fc.tuple(fc.nat(VALID.length), fc.nat(25), noise).map(([at, cut, insert]) => VALID.slice(0, at) + insert + VALID.slice(at + cut));

describe('the scenario compiler and engine on arbitrary input', () => {
  it('the compiler never throws and positions stay inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(noise, mutated), (text) => {
        const { diagnostics } = compileScenario(text, 'scenarios/x.md');
        const lines = text.split(/\r?\n/).length;
        for (const d of diagnostics) {
          expect(d.line >= 1 && d.line <= lines + 1 && d.column >= 1).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the engine never throws on any compiled scenario and any inputs', () => {
    const inputs = fc.array(fc.oneof(fc.record({ type: fc.constant('choose' as const), index: fc.integer({ min: -2, max: 6 }) }), fc.record({ type: fc.constant('reply' as const), text: fc.string() })), { maxLength: 12 });
    fc.assert(
      fc.property(mutated, inputs, fc.integer({ min: 0, max: 4 }), (text, moves, level) => {
        const { value } = compileScenario(text, 'scenarios/x.md');
        if (!value) return;
        const scorer = forcedScorer(() => level);
        let state = start(value, { seed: 1, scorer });
        for (const input of moves) {
          state = step(value, state, input, scorer);
          offeredChoices(value, state);
        }
        expect(['awaiting-choice', 'awaiting-reply', 'ended', 'stuck']).toContain(state.status);
      }),
      { numRuns: 300 },
    );
  });
});
