import { beforeAll, describe, expect, it } from 'vitest';
import { compileContent, type ContentSet } from '../../src/core/content/content-set.ts';
import { replay } from '../../src/core/engine/engine.ts';
import { walkExhaustively } from '../../src/core/explore/exhaustive-walk.ts';
import { readProjectContent } from '../../src/node/content-files.ts';
import { scriptedScorer } from './scenario-text.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
let content: ContentSet;
beforeAll(async () => {
  content = compileContent(await readProjectContent(ROOT));
});

describe('the scenario library', () => {
  it('compiles every scenario without errors', () => {
    const files = content.diagnostics.filter((d) => d.file.startsWith('scenarios/') && d.severity === 'error');
    expect(files).toEqual([]);
    expect(content.scenarios.length).toBeGreaterThanOrEqual(5);
  });

  it('every scenario has a persona, 6+ nodes, a won and a lost ending, an ask with examples, and lessons', () => {
    for (const s of content.scenarios) {
      const exits = s.order.map((id) => s.nodes[id]!.exit);
      const endings = exits.flatMap((e) => (e?.kind === 'end' ? [e.ending.kind] : []));
      const asks = exits.flatMap((e) => (e?.kind === 'ask' ? [e.ask] : []));
      expect({ id: s.id, nodes: s.order.length >= 6, won: endings.includes('won'), lost: endings.includes('lost'), ask: asks.some((a) => a.examples.length >= 2), lessons: s.lessons.length > 0 }).toEqual({
        id: s.id, nodes: true, won: true, lost: true, ask: true, lessons: true,
      });
    }
  });

  it('every node of every scenario is reached by some path', () => {
    for (const s of content.scenarios) expect({ id: s.id, uncovered: walkExhaustively(s).uncovered }).toEqual({ id: s.id, uncovered: [] });
  });

  it('replaying the path the tester found to each ending plays the scenario to that ending', () => {
    for (const s of content.scenarios) {
      for (const ending of walkExhaustively(s).endings) {
        const scorer = scriptedScorer(ending.path.flatMap((p) => (p.levels ? [p.levels] : [])));
        const state = replay(s, 1, ending.path.map((p) => p.input), scorer);
        expect({ id: s.id, node: state.node, status: state.status }).toEqual({ id: s.id, node: ending.node, status: 'ended' });
      }
    }
  });
});
