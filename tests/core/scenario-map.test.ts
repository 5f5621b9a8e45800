import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import { scenarioTemplate } from '../../src/core/scenario/scenario-template.ts';
import { nodeAtLine, scenarioMap } from '../../src/core/studio/scenario-map.ts';

const compile = (text: string) => compileScenario(text, 'scenarios/too-expensive.md', { lessonIds: new Set(['objection-handling']) });
const template = scenarioTemplate('Too expensive');

describe('the branch map', () => {
  it('has a node per heading, coloured by kind, and an edge per way on with its label', () => {
    const map = scenarioMap(compile(template).value!);
    expect(map.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['opening', 'choices'],
      ['what-it-is-worth', 'ask'],
      ['price-first', 'lost'],
      ['not-convinced', 'lost'],
      ['next-step', 'won'],
    ]);
    expect(map.edges).toContainEqual({ from: 'opening', to: 'what-it-is-worth', label: expect.stringMatching(/^"?That's fair to raise.*\[trust \+1\]$/), kind: 'choice', broken: false });
    expect(map.edges).toContainEqual({ from: 'what-it-is-worth', to: 'next-step', label: 'value_framing >= 3', kind: 'score', broken: false });
    expect(map.edges).toContainEqual({ from: 'what-it-is-worth', to: 'not-convinced', label: 'otherwise', kind: 'score', broken: false });
    expect(map.nodes.every((n) => n.reachable)).toBe(true);
  });

  it('marks a node no path reaches, a loose end and a broken target', () => {
    const broken = template
      .replace('-> [Price first](#price-first)', '-> [Price frist](#price-frist)')
      .replace(':::end{outcome="lost" score="30"}\nThe reply talked about the product, not about the re-keying and the wrong shipments Morgan had just named.\n:::\n', '');
    const { value, diagnostics } = compile(broken);
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['PARLEY102', 'PARLEY103']));
    const map = scenarioMap(value!);
    expect(map.nodes.find((n) => n.id === 'price-first')!.reachable).toBe(false);
    expect(map.nodes.find((n) => n.id === 'not-convinced')!.kind).toBe('loose-end');
    expect(map.edges.find((e) => e.to === 'price-frist')!.broken).toBe(true);
  });

  it('finds the node whose section holds a line of the file', () => {
    const map = scenarioMap(compile(template).value!);
    const worth = map.nodes.find((n) => n.id === 'what-it-is-worth')!;
    expect(nodeAtLine(map, worth.line)).toBe('what-it-is-worth');
    expect(nodeAtLine(map, worth.line + 3)).toBe('what-it-is-worth');
    expect(nodeAtLine(map, worth.line - 1)).toBe('opening');
    expect(nodeAtLine(map, 1)).toBeUndefined();
  });
});
