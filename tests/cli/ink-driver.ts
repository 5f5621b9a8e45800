import type { render } from 'ink-testing-library';

type Screen = ReturnType<typeof render>;

/** Keys as a terminal sends them. */
export const KEYS = { enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', space: ' ', pageDown: '\u001B[6~' } as const;

/**
 * Waits until the screen shows `expected` (text or pattern) and returns the
 * frame; fails with the last frame when it never does. ink renders
 * asynchronously, so every key press is followed by one of these.
 */
export async function waitForFrame(screen: Screen, expected: string | RegExp, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = screen.lastFrame() ?? '';
    if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`the screen never showed ${String(expected)}; it shows:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/**
 * Types keys one at a time, as a person would: the screen settles before and
 * after each (a list that has just appeared listens for keys only once its
 * effects have run).
 */
export async function press(screen: Screen, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await settle();
    screen.stdin.write(key);
    await settle();
  }
}
