import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessons } from 'virtual:parley-content';
import { launchBrowser, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the lesson library in a real browser', () => {
  it('lists all lessons', async () => {
    const { page, problems } = await openPage(browser, '/lessons');
    const titles = await page.getByRole('list', { name: 'Lessons' }).getByRole('heading').allTextContents();
    // The browser build also holds the fixture lesson used below.
    expect(titles.sort()).toEqual([...lessons.map((l) => l.title), 'A lesson that tries to run code'].sort());
    expect(problems).toEqual([]);
  });

  it('opens a lesson by clicking it and renders its headings', async () => {
    const { page, problems } = await openPage(browser, '/');
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await page.getByLabel('Search titles').fill('objection');
    await page.getByRole('link', { name: 'Handling objections' }).click();
    await page.waitForURL(/\/lessons\/objection-handling$/);
    await page.getByRole('heading', { level: 1, name: 'Handling objections' }).waitFor();
    const headings = await page.locator('.lesson-body h2').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Worked example', 'Common mistakes', 'Self-check']));
    expect(problems).toEqual([]);
  });

  it('follows a link inside a lesson to another lesson without reloading', async () => {
    const { page } = await openPage(browser, '/lessons/spin-selling');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.locator('.lesson-body a[href="/lessons/discovery-questions"]').first().click();
    await page.waitForURL(/\/lessons\/discovery-questions$/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('never executes script from a malicious lesson', async () => {
    const { page } = await openPage(browser, '/lessons/malicious-lesson');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('heading', { level: 1, name: 'A lesson that tries to run code' }).waitFor();
    await page.getByText('Hover over this text').hover();
    await page.getByText('A javascript link').click();
    await page.getByText('A raw anchor').click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('.lesson-body script, .lesson-body iframe, .lesson-body [onerror], .lesson-body [onmouseover]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
