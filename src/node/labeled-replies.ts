/**
 * Rated replies on disk: the shared dev set (../shared/scoring/dev.jsonl,
 * beside the checkout) and the project's own sets in tests/fixtures/scoring.
 * The scoring benchmark measures against them and the level model is fitted
 * to them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RubricId } from '../core/content/vocabulary.ts';

/** One rated reply. */
export interface DevRow {
  id: string;
  context: { buyer: string; known: string[] };
  response: string;
  labels: Record<RubricId, number>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** Where the shared dev set lives: beside the checkout, at ../shared/scoring/dev.jsonl. */
export function devSetPath(root = ROOT): string {
  return join(root, '..', 'shared', 'scoring', 'dev.jsonl');
}

/** The labeled dev set beside the project; empty when this checkout has none beside it. */
export function readDevSet(root = ROOT): DevRow[] {
  const path = devSetPath(root);
  return existsSync(path) ? readLabeledSet(path) : [];
}

/**
 * The project's own labeled sets in tests/fixtures/scoring: `tune-*.jsonl`
 * (written to widen tuning beyond the dev set's wording) and `check-*.jsonl`
 * (written and rated independently, in other industries and styles, and never
 * tuned on).
 */
export function readProjectSets(kind: 'tune' | 'check', root = ROOT): (DevRow & { set: string })[] {
  const dir = join(root, 'tests', 'fixtures', 'scoring');
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readLabeledSet(join(dir, name)).map((row) => ({ ...row, set: name.replace(/\.jsonl$/, '') })));
}

/** Reads one JSONL file of rated replies. */
export function readLabeledSet(path: string): DevRow[] {
  const text = readFileSync(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as DevRow;
      return { ...row, context: { buyer: row.context.buyer, known: row.context.known ?? [] } };
    });
}

/** FNV-1a, 32 bits: a stable hash that needs no crypto module. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Splits the set by buyer context, so every reply to one buyer line lands on
 * the same side: the contexts sorted by a stable hash of the buyer line, the
 * first quarter held back. Held-back figures then measure how the scorer does
 * on buyers it was never tuned on.
 */
export function splitDevSet(rows: readonly DevRow[], heldShare = 0.25): { tuning: DevRow[]; heldBack: DevRow[] } {
  const contexts = [...new Set(rows.map((r) => r.context.buyer))].sort((a, b) => fnv1a(a) - fnv1a(b) || a.localeCompare(b));
  const held = new Set(contexts.slice(0, Math.round(contexts.length * heldShare)));
  return {
    tuning: rows.filter((r) => !held.has(r.context.buyer)),
    heldBack: rows.filter((r) => held.has(r.context.buyer)),
  };
}
