import { create } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'parley-theme';
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

function stored(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return THEMES.find((t) => t === value) ?? 'system';
  } catch {
    return 'system'; // storage blocked: follow the system
  }
}

/** Sets the theme on <html>; 'system' leaves it to prefers-color-scheme. */
function apply(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** The colour theme: follows the system unless the learner picks one, and remembers the pick. */
export const useTheme = create<{ theme: Theme; setTheme(theme: Theme): void }>()((set) => {
  const initial = stored();
  apply(initial);
  return {
    theme: initial,
    setTheme(theme) {
      apply(theme);
      try {
        localStorage.setItem(KEY, theme);
      } catch {
        // the pick still holds for this visit
      }
      set({ theme });
    },
  };
});
