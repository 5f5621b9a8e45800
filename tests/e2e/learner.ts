import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { compileScenario } from '../../src/core/scenario/compile-scenario.ts';
import type { Scenario } from '../../src/core/scenario/scenario.ts';

/** A scenario of the library, compiled as the app compiles it. */
export function libraryScenario(id: string): Scenario {
  const { value } = compileScenario(readFileSync(new URL(`../../scenarios/${id}.md`, import.meta.url), 'utf8'), `scenarios/${id}.md`);
  if (!value) throw new Error(`scenarios/${id}.md does not compile`);
  return value;
}

/** Waits until the player shows something to do: choices or a reply box, or the debrief. */
export async function nextMove(page: Page): Promise<'choice' | 'reply' | 'debrief'> {
  const choice = page.locator('.choices button:not([disabled])').first();
  const reply = page.getByRole('textbox');
  const debrief = page.getByRole('heading', { level: 1, name: /^Debrief/ });
  await choice.or(reply).or(debrief).first().waitFor();
  if (await debrief.isVisible()) return 'debrief';
  return (await reply.isVisible()) ? 'reply' : 'choice';
}

/**
 * Writes a reply into the box and sends it with Ctrl+Enter. The text goes in
 * as one input (as a paste does): typing hundreds of characters key by key
 * only makes a slow machine slower without testing anything more.
 */
export async function typeReply(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox');
  await box.click();
  await page.keyboard.insertText(text);
  await box.press('Control+Enter');
}
