import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkExhaustively } from '../../src/core/explore/exhaustive-walk.ts';
import { seriousViolations } from './axe.ts';
import { launchBrowser, openPage } from './browser.ts';
import { exampleReply, libraryScenario, nextMove, playToDebrief, strongReply, typeReply } from './learner.ts';

const SCREENSHOTS = process.env.PARLEY_SCREENSHOTS ? new URL('../../docs/screenshots/', import.meta.url).pathname : undefined;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The choice labels of the tester's shortest path to a won ending that needs no typed reply. */
function wonByChoices(id: string): string[] {
  const scenario = libraryScenario(id);
  const won = walkExhaustively(scenario).endings.find((e) => e.kind === 'won' && e.path.every((p) => p.input.type === 'choose'));
  if (!won) throw new Error(`${id} has no won ending reachable by choices alone`);
  return won.path.map((p) => p.label);
}

/** The text of the first choice at the scenario's start. */
function firstChoice(id: string): string {
  const scenario = libraryScenario(id);
  const exit = scenario.nodes[scenario.start]!.exit;
  if (exit?.kind !== 'choices') throw new Error(`${id} does not open with choices`);
  return exit.choices[0]!.text;
}

describe('the learner app in a real browser', () => {
  it('plays a scenario to a won ending by clicking choices, and records it', async () => {
    const { page, problems } = await openPage(browser, '/');
    await page.getByRole('link', { name: 'Practice', exact: true }).click();
    await page.getByRole('link', { name: libraryScenario('challenger-teaching').title }).click();
    for (const label of wonByChoices('challenger-teaching')) {
      await page.getByRole('button', { name: label }).click();
    }
    await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
    expect(await page.locator('.outcome-label').textContent()).toBe('Outcome: won');
    expect(await page.locator('.overall-score').textContent()).toMatch(/^Overall score: \d+%$/);

    await page.getByRole('link', { name: 'Progress', exact: true }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByRole('table', { name: /Every finished conversation/ }).getByRole('row').count()).toBe(2);
    expect(problems).toEqual([]);
  });

  it('scores typed replies and shows their evidence highlighted in the debrief', async () => {
    const { page, problems } = await openPage(browser, '/practice/price-premium');
    // The opening's first choice leads to the scenario's typed reply.
    await page.getByRole('button', { name: firstChoice('price-premium') }).click();
    await nextMove(page);
    // "I understand, but..." earns some points and caps others: the evidence shows both.
    await typeReply(page, exampleReply('price-premium', 'middling'));
    const score = page.getByRole('list', { name: 'Scores' }).first();
    await score.waitFor();
    expect(await score.getByRole('listitem').count()).toBe(3);
    await page.getByText('Show the evidence').first().click();
    expect(await page.locator('.transcript mark.evidence-raise').count()).toBeGreaterThan(0);
    expect(await page.locator('.transcript mark.evidence-cap').count()).toBeGreaterThan(0);
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 900, height: 1100 });
      await page.screenshot({ path: join(SCREENSHOTS, 'player.png'), fullPage: true });
    }

    await playToDebrief(page, strongReply('price-premium'));
    const turns = page.locator('.debrief-turn');
    await turns.first().waitFor();
    expect(await page.locator('.debrief mark.evidence-raise').count()).toBeGreaterThan(0);
    expect(await page.locator('.debrief mark.evidence-cap').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: "The trainer's example" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Lessons to revisit' }).count()).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'debrief.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('resumes a run after a reload at the same turn with the same transcript', async () => {
    const { page, problems } = await openPage(browser, '/practice/challenger-teaching');
    const [first, second] = wonByChoices('challenger-teaching');
    await page.getByRole('button', { name: first }).click();
    await page.getByRole('button', { name: second }).click();
    await page.waitForFunction(() => document.querySelectorAll('.transcript .line.rep').length === 2);
    const before = await page.locator('.transcript').innerText();
    const offered = await page.locator('.choices button').allTextContents();

    await page.reload();
    await page.locator('.transcript .line.rep').nth(1).waitFor();
    expect(await page.locator('.transcript').innerText()).toBe(before);
    expect(await page.locator('.choices button').allTextContents()).toEqual(offered);

    // The home page offers to continue it.
    await page.goto(new URL('/', page.url()).href);
    await page.getByRole('heading', { name: 'Continue where you left off' }).waitFor();
    await page.getByRole('region', { name: 'Continue where you left off' }).getByRole('link').click();
    await page.locator('.transcript .line.rep').nth(1).waitFor();
    expect(await page.locator('.transcript').innerText()).toBe(before);
    expect(problems).toEqual([]);
  });

  it('exports progress, clears it, and gets it back by importing the file', async () => {
    const { page, problems } = await openPage(browser, '/practice/challenger-teaching');
    for (const label of wonByChoices('challenger-teaching')) await page.getByRole('button', { name: label }).click();
    await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
    await page.getByRole('link', { name: 'Progress', exact: true }).click();
    const history = page.getByRole('table', { name: /Every finished conversation/ });
    await history.waitFor();
    const rows = await history.getByRole('row').allInnerTexts();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const file = join(tmpdir(), `parley-export-${process.pid}.json`);
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'parley-progress', version: 1 });

    await page.getByRole('button', { name: 'Clear all progress…' }).click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText('All progress in this browser was deleted.').waitFor();
    expect(await history.count()).toBe(0);

    await page.getByLabel('Progress file to import').setInputFiles(file);
    await page.getByText(/^Imported 1 run from/).waitFor();
    expect(await history.getByRole('row').allInnerTexts()).toEqual(rows);

    // A file that is not progress is refused with its reason, and nothing changes.
    await page.getByLabel('Progress file to import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported from notes.json' }).waitFor();
    expect(await history.getByRole('row').allInnerTexts()).toEqual(rows);
    expect(problems).toEqual([]);
  });

  it('plays end to end with the keyboard alone', async () => {
    const { page, problems } = await openPage(browser, '/practice/price-premium');
    await page.locator('.choices button').first().waitFor();
    // Tab from the top of the page to the first choice, then let focus follow the conversation.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.closest('.choices') !== null)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let move = 0; move < 20; move++) {
      const next = await nextMove(page);
      if (next === 'debrief') break;
      await page.waitForFunction(() => document.activeElement?.matches('.choices button, textarea') ?? false);
      if (next === 'reply') {
        await page.keyboard.insertText(strongReply('price-premium'));
        await page.keyboard.press('Control+Enter');
      } else await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.transcript .line.rep').length > n || !!document.querySelector('.debrief'), move + 1);
    }
    await page.getByRole('heading', { level: 1, name: /^Debrief/ }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violations on any route (${colorScheme} theme, phone width)`, async () => {
      const { page, problems } = await openPage(browser, '/practice/price-premium', { colorScheme, viewport: { width: 360, height: 800 } });
      // Make every route worth checking: a finished run with typed replies, so the debrief and charts have content.
      await playToDebrief(page, strongReply('price-premium'));
      const debrief = new URL(page.url()).pathname;
      await page.locator('.debrief details summary').first().click();
      const routes = ['/', '/lessons', '/lessons/objection-handling', '/practice', '/practice/challenger-teaching', debrief, '/progress', '/studio', '/quizzes', '/quizzes/team-certification/practice', '/signin', '/team', '/no-such-page'];
      const found: Record<string, string[]> = {};
      for (const route of routes) {
        await page.goto(new URL(route, page.url()).href);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousViolations(page);
        if (violations.length) found[route] = violations;
      }
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    }, 180_000); // thirteen routes, each loaded and checked in full
  }
});
