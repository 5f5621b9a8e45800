import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioTemplate } from '../../src/core/scenario/scenario-template.ts';
import { launchBrowser, openPage } from './browser.ts';
import { libraryScenario } from './learner.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TEMPLATE = scenarioTemplate('New scenario');
const lineOf = (needle: string) => TEMPLATE.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function openStudioWithTemplate(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Studio' }).waitFor();
  await page.getByRole('button', { name: 'New from template' }).click();
  await page.getByText('No problems found.').waitFor();
}

/** The map node drawn for a scenario node, by its title. */
const mapNode = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${title}:`) });

describe('the studio in a real browser', () => {
  it('shows a diagnostic at its line as you type, and redraws the map once it is fixed', async () => {
    const { page, problems } = await openPage(browser, '/studio');
    await openStudioWithTemplate(page);
    expect(await mapNode(page, 'Price first').getAttribute('aria-label')).not.toMatch(/unreachable/);

    // Break a link target: "#price-first" becomes "#price-firstx".
    const line = lineOf('-> [Price first](#price-first)');
    await page.locator('.cm-line', { hasText: '-> [Price first](#price-first)' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x');
    const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button').filter({ hasText: 'PARLEY102' });
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(new RegExp(`^${line}:\\d+ error PARLEY102`));
    // The map shows the consequence: the node lost its only way in.
    await page.waitForFunction(() => document.querySelector('[data-node="price-first"]')?.getAttribute('aria-label')?.includes('unreachable'));
    // Clicking the problem puts the cursor on its line.
    await problem.click();
    expect(await page.locator('.cm-activeLine').textContent()).toContain('#price-firstx');

    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.getByText('No problems found.').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-node="price-first"]')?.getAttribute('aria-label')?.includes('unreachable'));
    expect(problems).toEqual([]);
  });

  it('takes you from a map node to its heading, and marks the node the cursor is in', async () => {
    const { page, problems } = await openPage(browser, '/studio');
    await openStudioWithTemplate(page);
    await mapNode(page, 'Not convinced').click();
    expect(await page.locator('.cm-activeLine').textContent()).toBe('## Not convinced');
    await page.waitForFunction(() => document.querySelector('[data-node="not-convinced"]')?.getAttribute('aria-current') === 'location');
    expect(lineOf('## Not convinced')).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('play-tests from a middle node with a variable set by hand', async () => {
    const scenario = libraryScenario('authority-committee');
    const gated = scenario.order.map((id) => scenario.nodes[id]!).find((n) => n.exit?.kind === 'choices' && n.exit.choices.some((c) => c.condition?.source.includes('champion')))!;
    const choice = gated.exit?.kind === 'choices' ? gated.exit.choices.find((c) => c.condition) : undefined;
    if (!choice) throw new Error('authority-committee has no choice gated on champion');

    const { page, problems } = await openPage(browser, '/studio');
    await page.getByLabel('Open from the library').selectOption('scenarios/authority-committee.md');
    await page.getByText('Opened scenarios/authority-committee.md.').waitFor();
    await page.getByRole('tab', { name: 'Play-test' }).click();
    await page.getByLabel('Start at').selectOption({ label: gated.title });

    // With the declared value the choice is held back, and says why.
    await page.getByRole('button', { name: 'Play' }).click();
    const button = page.getByRole('button', { name: choice.text });
    expect(await button.isDisabled()).toBe(true);
    await page.getByText(`Not available: ${choice.disabledReason}`).waitFor();

    await page.getByLabel('champion').fill('4');
    await page.getByRole('button', { name: 'Restart' }).click();
    expect(await button.isEnabled()).toBe(true);
    expect(await page.locator('.variables dt').allTextContents()).toEqual(['champion']);
    expect(await page.locator('.variables dd').allTextContents()).toEqual(['4']);
    await button.click();
    await page.locator('.transcript .line.rep').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('runs the tester and shows coverage and how the example replies score', async () => {
    const { page, problems } = await openPage(browser, '/studio');
    await openStudioWithTemplate(page);
    await page.getByRole('tab', { name: 'Tests' }).click();
    await page.getByRole('button', { name: 'Run the tests' }).click();
    const results = page.getByRole('status', { name: 'Test results' });
    await results.waitFor();
    expect(await results.textContent()).toContain('Every node and ending can be reached');
    expect(await results.textContent()).toMatch(/100% of 5 nodes/);
    // Each of the template's two examples is either confirmed or listed with the level the scorer gives.
    const examples = await results.getByRole('list', { name: 'Example replies the scorer rates differently' }).getByRole('listitem').count();
    if (examples === 0) expect(await results.textContent()).toContain('All 2 example replies score the levels you gave them.');
    else expect(await results.textContent()).toMatch(/you wrote \d, the scorer gives \d/);
    expect(problems).toEqual([]);
  });

  it('opens a dropped-in file, keeps edits through a reload, and downloads the .md', async () => {
    const { page, problems } = await openPage(browser, '/studio');
    await page.getByRole('heading', { level: 1, name: 'Studio' }).waitFor();
    const text = scenarioTemplate('Dropped in');
    // Drop the file onto the studio as a person would from their file manager.
    const dropped = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped-in.md', { type: 'text/markdown' }));
      return data;
    }, text);
    await page.dispatchEvent('.studio', 'drop', { dataTransfer: dropped });
    await page.getByText('Opened scenarios/dropped-in.md.').waitFor();
    await page.locator('.cm-line', { hasText: '## Opening' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' remarks');
    await page.waitForTimeout(600); // autosave runs once typing pauses
    await page.reload();
    await page.locator('.cm-line', { hasText: '## Opening remarks' }).waitFor();
    expect(await page.getByText('Editing scenarios/dropped-in.md').count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
    expect(download.suggestedFilename()).toBe('dropped-in.md');
    const saved = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
    expect(saved).toBe(text.replace('## Opening\n', '## Opening remarks\n'));
    expect(problems).toEqual([]);
  });
});
