import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

export { launchBrowser } from './chromium.ts';

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** `static`: the build on a static host, no team server (the default); `team`: the same build served by the team server. */
  on?: 'static' | 'team';
}

/** The address of a path on the static host or on the team server. */
export function urlOf(path: string, on: 'static' | 'team' = 'static'): string {
  return new URL(path, inject(on === 'team' ? 'teamURL' : 'baseURL')).href;
}

/**
 * Records console errors and uncaught exceptions on a page. The app's
 * start-up "who am I" check answers 401 for a signed-out visitor and 404 on
 * a static host with no team server, by design; the browser logs those as
 * failed loads, so those two are expected and left out.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/status of 40[14]\b/.test(message.text()) && message.location().url.endsWith('/api/auth/me')) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** A fresh page (its own storage) that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, path = '/', options: PageOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const { on, ...contextOptions } = options;
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(urlOf(path, on));
  return { page, problems };
}
