import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

export { launchBrowser } from './chromium.ts';

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** A fresh page (its own storage) that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, path = '/', options: PageOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(new URL(path, inject('baseURL')).href);
  return { page, problems };
}
