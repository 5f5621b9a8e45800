import { render } from 'ink';
import type { ReactElement } from 'react';
import type { Terminal } from '../terminal.ts';
import { ColorContext } from './color-context.ts';

/**
 * Shows an interactive screen on the real terminal until it exits. Commands
 * import this lazily, so ink and React load only when a screen is shown.
 */
export async function showScreen(app: ReactElement, color: Terminal['color']): Promise<void> {
  const instance = render(<ColorContext.Provider value={color}>{app}</ColorContext.Provider>, { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
