import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProgressFile } from '../../src/core/progress/progress-file.ts';
import type { CompletedRun } from '../../src/core/progress/progress.ts';
import type { RunLog } from '../../src/core/progress/run-log.ts';
import { parleyDataDir } from '../../src/node/data-dir.ts';
import { progressStore } from '../../src/node/progress-store.ts';

const log = (scenarioId: string, updatedAt = '2026-03-02T10:00:00.000Z'): RunLog => ({
  format: 'parley-run-log',
  version: 1,
  scenarioId,
  scenarioTitle: `Title of ${scenarioId}`,
  contentHash: 'hash',
  scorerVersion: 'rules-3',
  seed: 3,
  inputs: [{ type: 'choose', index: 1 }],
  updatedAt,
});

const finished = (id: string, scenarioId = 'price-premium'): CompletedRun => ({
  id,
  scenarioId,
  scenarioTitle: 'Price',
  finishedAt: '2026-03-02T11:00:00.000Z',
  day: '2026-03-02',
  outcome: 'won',
  kind: 'won',
  score: 80,
  levels: { empathy: 3 },
  state: {
    scenarioId, contentHash: 'hash', scorerVersion: 'rules-3', seed: 3, status: 'ended', node: 'won', variables: {}, visits: {}, usedChoices: [],
    transcript: [], turns: [], violations: [], events: [], inputs: [{ type: 'choose', index: 1 }], score: 80,
  },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
});

describe('the progress store', () => {
  it('saves a run in progress and reads it back', async () => {
    const store = progressStore(dir);
    await store.saveActive(log('price-premium'));
    expect(await store.readActive('price-premium')).toEqual({ value: log('price-premium') });
    expect(await store.readActive('no-need')).toEqual({ value: undefined });
  });

  it('lists runs in progress, most recently played first', async () => {
    const store = progressStore(dir);
    await store.saveActive(log('a', '2026-03-01T10:00:00.000Z'));
    await store.saveActive(log('b', '2026-03-03T10:00:00.000Z'));
    expect((await store.listActive()).map((l) => l.scenarioId)).toEqual(['b', 'a']);
  });

  it('records a finished run in a progress file the web app can import, and drops the run in progress', async () => {
    const store = progressStore(dir, () => new Date('2026-03-02T12:00:00.000Z'));
    await store.saveActive(log('price-premium'));
    await store.finish(finished('r1'));
    await store.finish(finished('r2'));
    const parsed = parseProgressFile(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect(parsed.ok && parsed.file.runs.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(await store.readActive('price-premium')).toEqual({ value: undefined });
  });

  it('keeps an unreadable progress file aside instead of overwriting it', async () => {
    writeFileSync(join(dir, 'progress.json'), '{ not json');
    const store = progressStore(dir, () => new Date('2026-03-02T12:00:00.000Z'));
    const { notice } = await store.finish(finished('r1'));
    expect(notice).toMatch(/could not be read .*kept as .*progress\.json\.unreadable-2026-03-02T12-00-00-000Z/);
    expect(readFileSync(join(dir, 'progress.json.unreadable-2026-03-02T12-00-00-000Z'), 'utf8')).toBe('{ not json');
    expect((await store.readRuns()).value.map((r) => r.id)).toEqual(['r1']);
  });

  it('sets aside a damaged run log and says why', async () => {
    const store = progressStore(dir);
    await store.saveActive(log('price-premium'));
    writeFileSync(join(dir, 'in-progress', 'price-premium.json'), '{"format":"parley-run-log"}');
    const read = await store.readActive('price-premium');
    expect(read.value).toBeUndefined();
    expect(read.notice).toMatch(/could not be read \(version: /);
    expect(readdirSync(join(dir, 'in-progress'))).toEqual([expect.stringMatching(/^price-premium\.json\.unreadable-/)]);
  });
});

describe('the data folder', () => {
  // env-paths holds on to process.env itself, so the variables are changed in place and restored.
  const saved = { PARLEY_DATA_DIR: process.env.PARLEY_DATA_DIR, XDG_DATA_HOME: process.env.XDG_DATA_HOME };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('is PARLEY_DATA_DIR when set', () => {
    process.env.PARLEY_DATA_DIR = '/tmp/somewhere';
    expect(parleyDataDir()).toBe('/tmp/somewhere');
  });

  it.runIf(process.platform === 'linux')('is $XDG_DATA_HOME/parley on Linux otherwise', () => {
    delete process.env.PARLEY_DATA_DIR;
    process.env.XDG_DATA_HOME = '/home/rep/.data';
    expect(parleyDataDir()).toBe('/home/rep/.data/parley');
  });
});
