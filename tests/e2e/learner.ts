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

/** A trainer's example reply at the scenario's first ask: the best one, or the one rated 2 on everything. */
export function exampleReply(id: string, which: 'best' | 'middling'): string {
  const scenario = libraryScenario(id);
  for (const node of Object.values(scenario.nodes)) {
    if (node.exit?.kind !== 'ask') continue;
    const examples = node.exit.ask.examples;
    const found = which === 'best' ? examples[0] : examples.find((e) => Object.values(e.levels).every((l) => l === 2));
    if (found) return found.text;
  }
  throw new Error(`${id} has no ${which} example reply`);
}
export const strongReply = (id: string) => exampleReply(id, 'best');

/** Plays on from wherever the player is, typing the given reply at asks and taking the first choice otherwise. */
export async function playToDebrief(page: Page, reply: string): Promise<void> {
  for (let move = 0; move < 30; move++) {
    const next = await nextMove(page);
    if (next === 'debrief') return;
    // Wait for this move's own line, not just any count: earlier turns are already in the transcript.
    const before = await page.locator('.transcript .line.rep').count();
    if (next === 'reply') await typeReply(page, reply);
    else await page.locator('.choices button:not([disabled])').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.transcript .line.rep').length > n || !!document.querySelector('.debrief'), before);
  }
  throw new Error('the conversation did not end within 30 moves');
}
