import pc from 'picocolors';
import { createContext, useContext } from 'react';
import type { Terminal } from '../terminal.ts';

/**
 * The terminal's colours for the ink screens. Components colour through this
 * (never through ink's own `color` props, which would ignore NO_COLOR), so
 * the screens follow the same rule as every other command.
 */
export const ColorContext = createContext<Terminal['color']>(pc.createColors(false));

export function useColor(): Terminal['color'] {
  return useContext(ColorContext);
}
