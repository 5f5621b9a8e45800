/**
 * The studio with a 300-node generated scenario, in chromium against the
 * production build: the time from a keystroke to the diagnostics and the
 * map showing it, for an edit inside a node (the layout is reused) and for
 * one that breaks links (the problem is listed at once; the new layout is
 * computed in a worker while the old one stays on screen).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/chromium.ts';
import { buildApp, startPreview } from '../tests/e2e/preview-server.ts';
import { generatedScenario } from './studio-scenario.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT_DIR = join(ROOT, 'node_modules/.cache/parley-bench/dist');
const NODES = 300;
const TARGET_MS = 150;
const SAMPLES = 9;

/** Types one character where the cursor is and resolves with the milliseconds until `done()` holds in the page. */
function timeKeystroke(page: Page, char: string, done: string): Promise<number> {
  return page.evaluate(
    ({ char, done }) =>
      new Promise<number>((resolve, reject) => {
        const check = new Function(`return (${done})`) as () => boolean;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (check()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        document.execCommand('insertText', false, char);
        setTimeout(() => reject(new Error(`not updated within 10 s: ${done}`)), 10_000);
      }),
    { char, done },
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStudio(options: { build?: boolean } = {}): Promise<{ ok: boolean }> {
  if (options.build !== false) await buildApp(OUT_DIR);
  const server = await startPreview(OUT_DIR);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(new URL('/studio', server.url).href);
    await page.getByLabel('Scenario file to open').setInputFiles({ name: 'generated.md', mimeType: 'text/markdown', buffer: Buffer.from(generatedScenario(NODES)) });
    await page.getByText('No problems found.').waitFor();
    const t0 = Date.now();
    await page.locator('[data-node="step-152"]').waitFor({ timeout: 60_000 });
    const firstLayout = Date.now() - t0;

    // Put the cursor inside the first choice of a node in the middle: its heading, the buyer's line, a blank line, then the choice.
    await page.locator('[data-node="step-152"]').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight'); // inside "Tell me more about that."

    const inside: number[] = [];
    for (let i = 1; i <= SAMPLES; i++) {
      // Each keystroke grows the choice's text; the map's edge label must show it.
      const expected = `Tell me m${'q'.repeat(i)}ore`;
      inside.push(await timeKeystroke(page, 'q', `[...document.querySelectorAll('.map-edge title')].some((t) => t.textContent.includes(${JSON.stringify(expected)}))`));
    }

    // Rename the next node's heading: the links to it break, and the problem appears in the list.
    await page.locator('[data-node="step-153"]').click();
    await page.keyboard.press('End');
    const breaking = await timeKeystroke(page, 'z', `[...document.querySelectorAll('.problem')].some((b) => b.textContent.includes('PARLEY102'))`);
    const t1 = Date.now();
    await page.locator('.map-pending').waitFor({ state: 'detached', timeout: 60_000 });
    const relayout = Date.now() - t1;

    const p50 = median(inside);
    console.log(`\nStudio (${NODES}-node generated scenario, production build in chromium)`);
    console.log(`  first layout of the map (in a worker): ${firstLayout} ms`);
    console.log(`  keystroke inside a node -> diagnostics and map updated (median of ${SAMPLES}): ${p50.toFixed(0)} ms (max ${Math.max(...inside).toFixed(0)} ms)`);
    console.log(`  keystroke that breaks links -> problem listed: ${breaking.toFixed(0)} ms; new map layout ${relayout} ms later (the old layout stays on screen meanwhile)`);
    const ok = p50 < TARGET_MS && breaking < TARGET_MS;
    console.log(`  keystroke to updated diagnostics and map ${p50.toFixed(0)} / ${breaking.toFixed(0)} ms (target < ${TARGET_MS} ms)`.padEnd(60) + (ok ? 'ok' : 'MISSED'));
    return { ok };
  } finally {
    await browser.close();
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStudio();
