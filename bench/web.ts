/**
 * The web app's benchmark, measured in Debian's chromium against the
 * production build: JavaScript (gzip) each route loads, time to first
 * render of home, and the time from sending a reply to its score appearing
 * once the scorer is loaded.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/chromium.ts';
import { buildApp, startPreview } from '../tests/e2e/preview-server.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT_DIR = join(ROOT, 'node_modules/.cache/parley-bench/dist');
const TARGET_HOME_KB = 150;
const TARGET_SCORE_P95_MS = 50;
const REPLIES = 20;

const REPLY =
  "So the gap is really 26 more people and 15 more minutes a room, and you're the one who has to defend those lines to a CFO who wants ten percent back. In your seat I'd want hard numbers too. What does your CFO weigh beyond the contract price?";

/** Gzipped bytes of every script the page loaded. */
async function scriptBytes(page: Page, path: string, base: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() === 'script') sizes.push(response.body().then((b) => gzipSync(b).length));
  };
  page.on('response', onResponse);
  await page.goto(new URL(path, base).href);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchWeb(): Promise<{ ok: boolean }> {
  await buildApp(OUT_DIR);
  const server = await startPreview(OUT_DIR);
  const base = server.url;

  const browser = await launchBrowser();
  try {
    console.log('\nWeb app (production build in chromium)');
    console.log('  JavaScript per route (gzip, fresh visit):');
    const routes = ['/', '/lessons', '/lessons/objection-handling', '/practice', '/practice/price-premium', '/progress', '/quizzes', '/signin'];
    let homeKb = 0;
    for (const route of routes) {
      const context = await browser.newContext();
      const kb = (await scriptBytes(await context.newPage(), route, base)) / 1024;
      if (route === '/') homeKb = kb;
      console.log(`    ${route.padEnd(30)} ${kb.toFixed(1).padStart(7)} KB`);
      await context.close();
    }

    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(base);
      await page.locator('main h1').first().waitFor();
      renders.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now()));
      await context.close();
    }
    renders.sort((a, b) => a - b);
    console.log(`  home first render (first contentful paint, median of 5): ${renders[2]!.toFixed(0)} ms`);

    // Reply to score: the first reply loads the scorer; the next ones are timed in the page, from send to the score shown.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('/practice/price-premium', base).href);
    const timings: number[] = [];
    let loadMs = 0;
    for (let i = 0; i <= REPLIES; i++) {
      await page.locator('.choices button').first().waitFor();
      await page.getByRole('button', { name: /Before I defend a number/ }).click();
      await page.getByRole('textbox').fill(REPLY);
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const before = document.querySelectorAll('.score-summary').length;
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('.score-summary').length > before) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            document.querySelector<HTMLButtonElement>('.reply-box button[type=submit]')!.click();
          }),
      );
      if (i === 0) loadMs = ms;
      else timings.push(ms);
      await page.getByRole('button', { name: 'Start over' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.transcript .line.rep').length === 0);
    }
    timings.sort((a, b) => a - b);
    const p95 = percentile(timings, 95);
    console.log(`  first scored reply, loading the scorer: ${loadMs.toFixed(0)} ms`);
    console.log(`  reply to score once loaded (${REPLIES} replies): p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    await context.close();

    const homeOk = homeKb < TARGET_HOME_KB;
    const scoreOk = p95 < TARGET_SCORE_P95_MS;
    console.log(`  home route JS ${homeKb.toFixed(1)} KB (target < ${TARGET_HOME_KB} KB)`.padEnd(60) + (homeOk ? 'ok' : 'MISSED'));
    console.log(`  reply-to-score p95 ${p95.toFixed(1)} ms (target < ${TARGET_SCORE_P95_MS} ms)`.padEnd(60) + (scoreOk ? 'ok' : 'MISSED'));
    return { ok: homeOk && scoreOk };
  } finally {
    await browser.close();
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWeb();
