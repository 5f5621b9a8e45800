import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('quizzes on a static host, with no team server', () => {
  it('says certification needs a team server and offers practice instead', async () => {
    const { page, problems } = await openPage(browser, '/quizzes');
    await page.getByText('There is no team server here, so certification is not available.').waitFor();
    expect(await page.getByRole('list', { name: 'Practice quizzes' }).getByRole('link', { name: 'Team certification check: practice' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('runs a practice quiz in the browser, graded there and marked as not a certification', async () => {
    const { page, problems } = await openPage(browser, '/quizzes/team-certification/practice');
    await page.getByText('Practice, not a certification.').waitFor();
    // The warm-up pool: a single choice on listening and a true-false on objections.
    await page.getByRole('radio', { name: 'Saying back what they told you, in your own words' }).check();
    await page.getByRole('radio', { name: 'True', exact: true }).check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await page.getByRole('heading', { name: 'Practice result: Passed' }).waitFor();
    expect(await page.locator('.overall-score').innerText()).toMatch(/^100% /);
    expect(await page.getByText('Practice, not a certification.').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
