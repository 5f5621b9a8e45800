/** The studio's autosave: the file being edited, kept in this browser (localStorage) as you type. */
export interface Draft {
  /** The file's path, e.g. scenarios/price-premium.md. */
  name: string;
  text: string;
}

const KEY = 'parley-studio-draft';

export function loadDraft(): Draft | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<Draft>;
    return typeof draft.name === 'string' && typeof draft.text === 'string' ? { name: draft.name, text: draft.text } : undefined;
  } catch {
    return undefined; // blocked storage or a corrupt entry: start from the template
  }
}

/** Returns false when the browser refused to store it (full or blocked storage). */
export function saveDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}
