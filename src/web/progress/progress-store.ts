/**
 * The learner's progress in the app: a zustand store mirrored to IndexedDB.
 * Every change is written before the store says it is done, so a reload
 * right after a turn finds that turn.
 */
import { create } from 'zustand';
import type { RunState } from '../../core/engine/run-state.ts';
import type { ImportSummary, ProgressFile } from '../../core/progress/progress-file.ts';
import { EMPTY_PROGRESS, type ActiveRun, type CompletedRun, type Progress } from '../../core/progress/progress.ts';
import { deleteActive, readProgress, writeActive, writeFinished, writeProgress } from './progress-db.ts';

export interface ProgressStore extends Progress {
  status: 'loading' | 'ready' | 'unavailable';
  /** Why progress cannot be saved in this browser (private mode, storage blocked). */
  problem?: string;
  load(): Promise<void>;
  saveActive(scenario: { id: string; title: string }, state: RunState): Promise<void>;
  discardActive(scenarioId: string): Promise<void>;
  finish(run: CompletedRun): Promise<void>;
  exportFile(): Promise<ProgressFile>;
  importFile(text: string): Promise<{ ok: true; summary: ImportSummary } | { ok: false; error: string }>;
  clear(): Promise<void>;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useProgress = create<ProgressStore>()((set, get) => {
  /** Writes through to IndexedDB; if storage fails, the app keeps working in memory and says so. */
  const persist = async (write: () => Promise<void>) => {
    if (get().status === 'unavailable') return;
    try {
      await write();
    } catch (error) {
      set({ status: 'unavailable', problem: `Progress could not be saved in this browser: ${describe(error)}` });
    }
  };

  return {
    ...EMPTY_PROGRESS,
    status: 'loading',
    async load() {
      try {
        const progress = await readProgress();
        set({ ...progress, status: 'ready', problem: undefined });
      } catch (error) {
        set({ status: 'unavailable', problem: `Progress cannot be saved in this browser, so it will be lost when you close the tab: ${describe(error)}` });
      }
    },
    async saveActive(scenario, state) {
      const run: ActiveRun = { scenarioId: scenario.id, scenarioTitle: scenario.title, updatedAt: new Date().toISOString(), state };
      set({ active: [run, ...get().active.filter((a) => a.scenarioId !== scenario.id)] });
      await persist(() => writeActive(run));
    },
    async discardActive(scenarioId) {
      set({ active: get().active.filter((a) => a.scenarioId !== scenarioId) });
      await persist(() => deleteActive(scenarioId));
    },
    async finish(run) {
      set({ runs: [...get().runs.filter((r) => r.id !== run.id), run], active: get().active.filter((a) => a.scenarioId !== run.scenarioId) });
      await persist(() => writeFinished(run));
    },
    // The file format (and its validator) loads only when the learner exports or imports.
    async exportFile() {
      const { progressFile } = await import('../../core/progress/progress-file.ts');
      const { runs, active } = get();
      return progressFile({ runs, active }, new Date().toISOString());
    },
    async importFile(text) {
      const { mergeProgress, parseProgressFile } = await import('../../core/progress/progress-file.ts');
      const parsed = parseProgressFile(text);
      if (!parsed.ok) return parsed;
      const { progress, summary } = mergeProgress({ runs: get().runs, active: get().active }, parsed.file);
      set(progress);
      await persist(() => writeProgress(progress));
      return { ok: true, summary };
    },
    async clear() {
      set({ ...EMPTY_PROGRESS });
      await persist(() => writeProgress(EMPTY_PROGRESS));
    },
  };
});
