// @vitest-environment node
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { MainMenu, type MenuChoice } from '../../src/cli/ui/main-menu.tsx';
import { KEYS, press, waitForFrame } from './ink-driver.ts';

afterEach(cleanup);

describe('the menu', { timeout: 30_000 }, () => {
  it('offers practice, lessons, quizzes and help', async () => {
    const screen = render(<MainMenu onChoose={() => undefined} />);
    const frame = await waitForFrame(screen, 'Quit');
    expect(frame).toMatch(/1\. Practise a conversation[\s\S]*2\. Read a lesson[\s\S]*3\. Take a practice quiz[\s\S]*4\. Help/);
  });

  it('hands the choice to the command it names', async () => {
    const chosen: (MenuChoice | undefined)[] = [];
    const screen = render(<MainMenu onChoose={(c) => chosen.push(c)} />);
    await waitForFrame(screen, 'Quit');
    await press(screen, KEYS.down, KEYS.down, KEYS.enter);
    expect(chosen).toEqual(['quiz']);
  });

  it('q leaves without choosing', async () => {
    const chosen: (MenuChoice | undefined)[] = [];
    const screen = render(<MainMenu onChoose={(c) => chosen.push(c)} />);
    await waitForFrame(screen, 'Quit');
    await press(screen, 'q');
    expect(chosen).toEqual([undefined]);
  });
});
