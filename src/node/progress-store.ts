/**
 * A learner's progress on disk, for the terminal:
 *
 *   <data dir>/progress.json            finished runs, as a "parley-progress"
 *                                       file the web app can import
 *   <data dir>/in-progress/<id>.json    the run in progress per scenario, as
 *                                       its input log ("parley-run-log")
 *
 * Every write goes to a temporary file that is then renamed over the old
 * one, so a crash mid-write leaves the previous version whole. A file that
 * cannot be read is moved aside (never overwritten) and reported.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProgressFile, progressFile } from '../core/progress/progress-file.ts';
import type { CompletedRun } from '../core/progress/progress.ts';
import { parseRunLog, type RunLog } from '../core/progress/run-log.ts';

/** What reading a saved file found; `notice` explains a file that had to be set aside. */
export interface Read<T> {
  value: T;
  notice?: string;
}

export interface ProgressStore {
  /** The folder everything is kept in. */
  readonly dir: string;
  /** The saved run in progress for a scenario, if there is one. */
  readActive(scenarioId: string): Promise<Read<RunLog | undefined>>;
  /** Every saved run in progress, most recently played first. */
  listActive(): Promise<RunLog[]>;
  /** Saves (replaces) the scenario's run in progress. */
  saveActive(log: RunLog): Promise<void>;
  discardActive(scenarioId: string): Promise<void>;
  /** Every finished run, oldest first. */
  readRuns(): Promise<Read<CompletedRun[]>>;
  /** Records a finished run and drops the scenario's run in progress. */
  finish(run: CompletedRun): Promise<{ notice?: string }>;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** A progress store kept in `dir` (see `parleyDataDir`). */
export function progressStore(dir: string, now: () => Date = () => new Date()): ProgressStore {
  const progressPath = join(dir, 'progress.json');
  const activeDir = join(dir, 'in-progress');
  const activePath = (scenarioId: string) => join(activeDir, `${encodeURIComponent(scenarioId)}.json`);

  const writeAtomically = async (path: string, text: string) => {
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, path);
  };

  /** Moves an unreadable file out of the way, keeping it for the learner, and says so. */
  const setAside = async (path: string, reason: string): Promise<string> => {
    const kept = `${path}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, kept);
    return `${path} could not be read (${reason}); it was kept as ${kept} and a new one was started.`;
  };

  const readText = async (path: string): Promise<string | undefined> => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };

  const readRuns = async (): Promise<Read<CompletedRun[]>> => {
    const text = await readText(progressPath);
    if (text === undefined) return { value: [] };
    const parsed = parseProgressFile(text);
    if (parsed.ok) return { value: parsed.file.runs };
    return { value: [], notice: await setAside(progressPath, parsed.error) };
  };

  return {
    dir,
    async readActive(scenarioId) {
      const path = activePath(scenarioId);
      const text = await readText(path);
      if (text === undefined) return { value: undefined };
      const parsed = parseRunLog(text);
      if (parsed.ok && parsed.log.scenarioId === scenarioId) return { value: parsed.log };
      return { value: undefined, notice: await setAside(path, parsed.ok ? `it belongs to scenario "${parsed.log.scenarioId}"` : parsed.error) };
    },
    async listActive() {
      let names: string[];
      try {
        names = (await readdir(activeDir)).filter((name) => name.endsWith('.json'));
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const logs: RunLog[] = [];
      for (const name of names) {
        const parsed = parseRunLog((await readText(join(activeDir, name))) ?? '');
        if (parsed.ok) logs.push(parsed.log);
      }
      return logs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async saveActive(log) {
      await writeAtomically(activePath(log.scenarioId), `${JSON.stringify(log, null, 2)}\n`);
    },
    async discardActive(scenarioId) {
      await rm(activePath(scenarioId), { force: true });
    },
    readRuns,
    async finish(run) {
      const { value: runs, notice } = await readRuns();
      const file = progressFile({ runs: [...runs.filter((r) => r.id !== run.id), run], active: [] }, now().toISOString());
      await writeAtomically(progressPath, `${JSON.stringify(file)}\n`);
      await rm(activePath(run.scenarioId), { force: true });
      return notice ? { notice } : {};
    },
  };
}
