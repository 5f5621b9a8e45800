// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContentSet } from '../../src/core/content/content-set.ts';
import { parseProgressFile } from '../../src/core/progress/progress-file.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';
import type { ReplyScorer } from '../../src/core/scoring/reply-scorer.ts';
import { scorerLoader } from '../../src/cli/scorer-loader.ts';
import { PracticeApp } from '../../src/cli/ui/practice-app.tsx';
import { readProjectLibrary } from '../../src/node/content-files.ts';
import { progressStore, type ProgressStore } from '../../src/node/progress-store.ts';
import { tinyScenario } from '../core/scenario-text.ts';
import { KEYS, press, waitForFrame } from './ink-driver.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
/** Restates, validates and ties the premium to Priya's infection costs: past the scope-gap ask's value bar. */
const REPLY =
  'So the gap is 26 people and 15 minutes a room, and you have to defend exactly those lines to a CFO who wants ten percent back. That is a hard spot. Those minutes are the isolation-room disinfection: C. diff went from 9 to 17 cases at about 17,000 dollars each. How does your CFO weigh infection costs?';

let library: ContentSet;
let premium: Scenario;
let loadScorer: () => Promise<ReplyScorer>;
let dir: string;
let store: ProgressStore;
let exits: (string | undefined)[];

beforeAll(async () => {
  library = await readProjectLibrary(ROOT);
  premium = library.scenarios.find((s) => s.id === 'price-premium')!;
  // The real rubric scorer, loaded once for the file, as `parley practice` loads it.
  loadScorer = scorerLoader(library.rubrics);
  await loadScorer();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-practice-'));
  store = progressStore(dir);
  exits = [];
});

afterEach(cleanup);

/** The practice screen on price-premium (or `scenario`), or on the picker when `pick` is set. */
function practise({ pick = false, scenario = premium }: { pick?: boolean; scenario?: Scenario } = {}) {
  return render(
    <PracticeApp
      scenarios={[scenario, ...library.scenarios.filter((s) => s.id !== scenario.id)]}
      initial={pick ? undefined : scenario}
      lessons={library.lessons}
      rubrics={library.rubrics}
      store={store}
      loadScorer={loadScorer}
      newSeed={() => 11}
      newId={() => 'run-1'}
      onExit={(message) => exits.push(message)}
    />,
  );
}

// Each test plays a conversation key by key; on a busy two-core machine that can take a while.
describe('parley practice', { timeout: 30_000 }, () => {
  it('shows the scenario, the buyer\'s opening line and the numbered replies', async () => {
    const screen = practise();
    const frame = await waitForFrame(screen, 'Your reply:');
    expect(frame).toContain('Thirty percent over the other bid');
    expect(frame).toContain("Priya: Environmental services for all three hospitals.");
    expect(frame).toMatch(/❯ 1\. Before I defend a number/);
    expect(frame).toContain('3. Let\'s not lose this over price.');
  });

  it('picks a reply by its number and shows the buyer\'s answer', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, '1');
    const frame = await waitForFrame(screen, 'Your turn:');
    expect(frame).toContain("You: Before I defend a number, I'd like to be sure");
    expect(frame).toContain('Priya: Meridian bids 142 full-time staff');
  });

  it('moves through the replies with the arrow keys and picks with Enter', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, KEYS.down, KEYS.enter);
    const frame = await waitForFrame(screen, 'Those are the adjectives');
    expect(frame).toContain('You: Our people are the best-trained in the region');
  });

  it('scores a typed reply at once, with its evidence marked', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, '1');
    await waitForFrame(screen, 'Your turn:');
    await press(screen, REPLY, KEYS.enter);
    const frame = await waitForFrame(screen, /of 12 points/);
    // Without colour, evidence that earned points is [bracketed].
    expect(frame).toMatch(/You: \[So the gap is 26 people/);
    expect(frame).toMatch(/Active listening\s+■+□* \d\/4/);
    expect(frame).toMatch(/\+ "So the gap is 26 people.*" restates the concern/);
    expect(frame).toMatch(/Empathy\s+■+□* \d\/4/);
    expect(frame).toMatch(/Value framing\s+■*□* \d\/4/);
  });

  it('refuses an empty reply and keeps waiting for one', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, '1');
    await waitForFrame(screen, 'Your turn:');
    await press(screen, KEYS.enter);
    const frame = await waitForFrame(screen, 'Write a reply first.');
    expect(frame).toContain('Your turn:');
  });

  it('reaches the debrief: outcome, score, each reply\'s levels and evidence, the trainer\'s example, lessons to revisit', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, '1');
    await waitForFrame(screen, 'Your turn:');
    await press(screen, REPLY, KEYS.enter);
    await waitForFrame(screen, 'Eight extra cases');
    await press(screen, '2');
    await waitForFrame(screen, 'what do you need from me?');
    await press(screen, '1');
    const frame = await waitForFrame(screen, 'What next?');
    expect(frame).toContain('Debrief: Thirty percent over the other bid');
    expect(frame).toMatch(/Outcome: (won|neutral|lost)/);
    expect(frame).toMatch(/Overall score: \d+%/);
    expect(frame).toMatch(/2\. Scope gap\n\s+Your reply: So the gap is 26 people/);
    expect(frame).toContain("The trainer's example (rated Active listening 4/4, Empathy 4/4, Value framing 4/4)");
    expect(frame).toMatch(/Lessons to revisit\n\s+• .*parley lesson/);
  });

  it('records the finished run in progress.json and drops the run in progress', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, '3');
    await waitForFrame(screen, 'What next?');
    const parsed = parseProgressFile(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect(parsed.ok && parsed.file.runs.map((r) => [r.id, r.scenarioId, r.kind])).toEqual([['run-1', 'price-premium', 'lost']]);
    expect((await store.readActive('price-premium')).value).toBeUndefined();
  });

  it('saves the run after every turn, and resumes it after a restart', async () => {
    const first = practise();
    await waitForFrame(first, 'Your reply:');
    await press(first, '1');
    await waitForFrame(first, 'Your turn:');
    await press(first, REPLY, KEYS.enter);
    await waitForFrame(first, 'Eight extra cases');
    first.unmount();

    const again = practise();
    await waitForFrame(again, 'You have an unfinished run of "Thirty percent over the other bid" (2 moves');
    await press(again, KEYS.enter);
    const frame = await waitForFrame(again, 'Eight extra cases');
    expect(frame).toContain('You: Before I defend a number');
    expect(frame).toMatch(/You: \[So the gap is 26 people/);
    expect(frame).toContain('Your reply:');
  });

  it('starts over when asked, discarding the saved run', async () => {
    const first = practise();
    await waitForFrame(first, 'Your reply:');
    await press(first, '2');
    await waitForFrame(first, 'Those are the adjectives');
    first.unmount();

    const again = practise();
    await waitForFrame(again, 'You have an unfinished run');
    await press(again, '2');
    const frame = await waitForFrame(again, 'Your reply:');
    expect(frame).not.toContain('Those are the adjectives');
    expect((await store.readActive('price-premium')).value).toBeUndefined();
  });

  it('starts again, and says why, when the scenario changed since the run was saved', async () => {
    const first = practise();
    await waitForFrame(first, 'Your reply:');
    await press(first, '2');
    await waitForFrame(first, 'Those are the adjectives');
    first.unmount();

    const again = practise({ scenario: { ...premium, contentHash: 'edited' } });
    const frame = await waitForFrame(again, 'changed by its author since you last played it');
    expect(frame).toContain('Your reply:');
    expect(frame).not.toContain('You have an unfinished run');
  });

  it('Esc saves and quits, saying how to pick the run up', async () => {
    const screen = practise();
    await waitForFrame(screen, 'Your reply:');
    await press(screen, '1');
    await waitForFrame(screen, 'Your turn:');
    await press(screen, KEYS.escape);
    expect(exits).toEqual(['Your run is saved. Pick it up with: parley practice price-premium']);
    expect((await store.readActive('price-premium')).value?.inputs).toEqual([{ type: 'choose', index: 0 }]);
  });

  it('goes straight to the debrief of a scenario that ends before the rep acts', async () => {
    const instant = tinyScenario('## Opening\n**Sam:** We signed yesterday.\n-> [Won](#won)\n\n## Won\n:::end{outcome="won" score="100"}\nNothing left to do.\n:::\n');
    const screen = practise({ scenario: instant });
    const frame = await waitForFrame(screen, 'What next?');
    expect(frame).toContain('Sam: We signed yesterday.');
    expect(frame).toContain('Outcome: won');
  });

  it('without a scenario, opens a picker that marks runs in progress, and plays the one picked', async () => {
    const first = practise();
    await waitForFrame(first, 'Your reply:');
    await press(first, '1');
    await waitForFrame(first, 'Your turn:');
    first.unmount();

    const picker = practise({ pick: true });
    const frame = await waitForFrame(picker, 'Pick a conversation to practise');
    expect(frame).toMatch(/❯ 1\. Thirty percent over the other bid \(in progress\)/);
    await press(picker, '2');
    await waitForFrame(picker, 'Your reply:');
    expect(picker.lastFrame()).toContain(library.scenarios.filter((s) => s.id !== 'price-premium')[0]!.title);
  });
});
