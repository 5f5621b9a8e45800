import { performance } from 'node:perf_hooks';
import { RUBRIC_IDS, type RubricId } from '../src/core/content/vocabulary.ts';
import { agreement, percentile, type Agreement } from '../src/core/scoring/agreement.ts';
import levelModel from '../src/core/scoring/level-model.json' with { type: 'json' };
import { RULES_SCORER_VERSION, scoreReply } from '../src/core/scoring/score-reply.ts';
import { readDevSet, readProjectSets, splitDevSet, type DevRow } from '../src/node/labeled-replies.ts';

const TARGET_QWK = 0.8;
const TARGET_WITHIN_ONE = 0.95;
const TARGET_P99_MS = 5;

function levelsOf(rows: readonly DevRow[]): Record<RubricId, number>[] {
  return rows.map((r) => {
    const results = scoreReply(r.response, { buyer: r.context.buyer, known: r.context.known, keyPoints: [] }, RUBRIC_IDS);
    return Object.fromEntries(results.map((x) => [x.rubric, x.level])) as Record<RubricId, number>;
  });
}

function printPart(name: string, rows: readonly DevRow[]): Record<RubricId, Agreement> {
  const predicted = levelsOf(rows);
  const contexts = new Set(rows.map((r) => r.context.buyer)).size;
  console.log(`  ${name}: ${rows.length} replies to ${contexts} buyer lines`);
  const out = {} as Record<RubricId, Agreement>;
  for (const rubric of RUBRIC_IDS) {
    const a = agreement(rows.map((r) => r.labels[rubric]), predicted.map((p) => p[rubric]));
    out[rubric] = a;
    console.log(`    ${rubric.padEnd(17)} QWK ${a.qwk.toFixed(3)}  exact ${pct(a.exact)}  within one ${pct(a.withinOne)}`);
    console.log('      label \\ scored  0   1   2   3   4');
    a.confusion.forEach((row, i) => console.log(`      ${String(i).padStart(5)}        ${row.map((n) => String(n).padStart(3)).join(' ')}`));
  }
  return out;
}

/** With --errors=tuning|tune, lists that part's disagreements (never the held-back or check parts'). */
function printErrors(rows: readonly DevRow[]): void {
  const predicted = levelsOf(rows);
  rows.forEach((r, i) => {
    const misses = RUBRIC_IDS.filter((k) => predicted[i]![k] !== r.labels[k]);
    if (!misses.length) return;
    console.log(`\n${r.id} ${misses.map((k) => `${k} label ${r.labels[k]} scored ${predicted[i]![k]}`).join(', ')}\n  buyer: ${r.context.buyer}\n  reply: ${r.response}`);
  });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1).padStart(5)}%`;
}

/** Scoring benchmark: agreement with the labeled dev set (tuning and held-back parts) and speed. */
export async function benchScoring(options: { errors?: string } = {}): Promise<{ ok: boolean }> {
  const rows = readDevSet();
  const { tuning, heldBack } = splitDevSet(rows);
  const tune = readProjectSets('tune');
  const check = readProjectSets('check');
  console.log(`\nScoring, scorer ${RULES_SCORER_VERSION} (${rows.length} labeled dev replies, a quarter held back by buyer line; ${tune.length} project tuning replies; ${check.length} independent check replies)`);
  const cv = levelModel.trainedOn.crossValidated as Record<RubricId, number>;
  console.log(`  level model fitted on ${levelModel.trainedOn.replies} replies (${levelModel.trainedOn.sets.join(', ')}); cross-validated by buyer line, QWK ${RUBRIC_IDS.map((r) => `${r} ${cv[r].toFixed(3)}`).join(', ')}`);
  if (options.errors === 'tuning') printErrors(tuning);
  if (options.errors === 'tune') printErrors(tune);
  printPart('dev set, tuning part (rules tuned and model fitted on it)', tuning);
  if (tune.length) printPart('project tuning set (tests/fixtures/scoring/tune-*; rules tuned and model fitted on it)', tune);
  const held = printPart('dev set, held-back part (never tuned on, never fitted)', heldBack);
  if (check.length) printPart('independent check set (tests/fixtures/scoring/check-*, never tuned on, never fitted)', check);

  // Speed: warm up (loads the model, compiles the lexicons), then time every reply several times.
  for (const r of rows) scoreReply(r.response, { buyer: r.context.buyer, known: r.context.known, keyPoints: [] }, RUBRIC_IDS);
  const samples: number[] = [];
  const t0 = performance.now();
  for (let round = 0; round < 5; round++) {
    for (const r of rows) {
      const s = performance.now();
      scoreReply(r.response, { buyer: r.context.buyer, known: r.context.known, keyPoints: [] }, RUBRIC_IDS);
      samples.push(performance.now() - s);
    }
  }
  const total = performance.now() - t0;
  const p50 = percentile(samples, 0.5);
  const p99 = percentile(samples, 0.99);
  console.log(`  speed: ${(samples.length / (total / 1000)).toFixed(0)} replies/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms per reply (all three rubrics)`);

  const checks: [string, boolean][] = [];
  for (const rubric of RUBRIC_IDS) {
    checks.push([`held-back ${rubric} QWK ${held[rubric].qwk.toFixed(3)} (target >= ${TARGET_QWK})`, held[rubric].qwk >= TARGET_QWK]);
    checks.push([`held-back ${rubric} within one ${pct(held[rubric].withinOne).trim()} (target >= ${TARGET_WITHIN_ONE * 100}%)`, held[rubric].withinOne >= TARGET_WITHIN_ONE]);
  }
  checks.push([`p99 latency ${p99.toFixed(2)} ms (target < ${TARGET_P99_MS} ms)`, p99 < TARGET_P99_MS]);
  for (const [label, ok] of checks) console.log(`  ${label.padEnd(58)} ${ok ? 'ok' : 'MISSED'}`);
  return { ok: checks.every(([, ok]) => ok) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const errors = process.argv.find((a) => a.startsWith('--errors='))?.slice('--errors='.length);
  const { ok } = await benchScoring({ errors });
  process.exitCode = ok ? 0 : 1;
}
