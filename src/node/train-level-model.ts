/**
 * Fits the scorer's level model to rated replies and writes
 * src/core/scoring/level-model.json. Trains on the dev set's tuning part
 * (../shared/scoring/dev.jsonl minus its held-back quarter) and the project's
 * tune-*.jsonl sets; never on the held-back quarter or the check-*.jsonl sets,
 * which it only reports on. Its figures are cross-validated by leaving whole
 * buyer contexts out, so they are for buyers the fitted model has not seen.
 *
 * Run: npm run train:scorer
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RUBRIC_IDS, type RubricId } from '../core/content/vocabulary.ts';
import { agreement } from '../core/scoring/agreement.ts';
import { FEATURES } from '../core/scoring/features.ts';
import { fitOrdinal, predictOrdinal, standardization } from '../core/scoring/fit-level-model.ts';
import type { LevelModel } from '../core/scoring/level-model.ts';
import { analyzeReply } from '../core/scoring/score-reply.ts';
import { readDevSet, readProjectSets, splitDevSet, type DevRow } from './labeled-replies.ts';

const OUT = fileURLToPath(new URL('../core/scoring/level-model.json', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs/scoring.md', import.meta.url));
const TABLE = /(<!-- level-model-weights:[^>]*-->\n)[\s\S]*?(\n<!-- \/level-model-weights -->)/;
// Cross-validation over 1, 3, 10 and 30 found a flat optimum between 1 and 10 for every rubric (QWK within
// 0.005); choosing among near-ties by a few thousandths only made the fitted model flip between runs.
const L2 = 3;
const FOLDS = 5;
/**
 * The dev set is rated by people, the project's sets by AI sessions calibrated on it: a human-rated reply
 * counts twice. Cross-validated on the dev rows alone, counting them twice agreed better than once or three times.
 */
const HUMAN_WEIGHT = 2;

/** The rows a fit uses: each human-rated row repeated `HUMAN_WEIGHT` times. */
function weighted(rows: readonly Row[]): Row[] {
  return rows.flatMap((r) => (r.set === 'dev-tuning' ? Array.from({ length: HUMAN_WEIGHT }, () => r) : [r]));
}

interface Row {
  set: string;
  context: string;
  features: number[];
  labels: Record<RubricId, number>;
}

function pullsFor(rubric: RubricId) {
  return FEATURES.map((f) => f.pulls[rubric]);
}

function toRows(rows: readonly DevRow[], set: string): Row[] {
  return rows.map((r) => ({
    set,
    context: r.context.buyer,
    features: analyzeReply(r.response, { buyer: r.context.buyer, known: r.context.known, keyPoints: [] }).features,
    labels: r.labels,
  }));
}

function scaled(rows: readonly Row[], mean: number[], scale: number[]): number[][] {
  return rows.map((r) => r.features.map((v, j) => (v - mean[j]!) / scale[j]!));
}

/** Mean QWK over the rubrics when whole buyer contexts are held out, fold by fold. */
function crossValidate(rows: readonly Row[], l2: number, iterations: number): Record<RubricId, number> {
  const contexts = [...new Set(rows.map((r) => r.context))].sort();
  const predicted: Record<RubricId, number[]> = { active_listening: [], empathy: [], value_framing: [] };
  const actual: Record<RubricId, number[]> = { active_listening: [], empathy: [], value_framing: [] };
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = new Set(contexts.filter((_, i) => i % FOLDS === fold));
    const train = weighted(rows.filter((r) => !held.has(r.context)));
    const test = rows.filter((r) => held.has(r.context));
    const { mean, scale } = standardization(train.map((r) => r.features));
    const xTrain = scaled(train, mean, scale);
    const xTest = scaled(test, mean, scale);
    for (const rubric of RUBRIC_IDS) {
      const model = fitOrdinal(xTrain, train.map((r) => r.labels[rubric]), { l2, iterations, rate: 0.05, pulls: pullsFor(rubric) });
      xTest.forEach((x, i) => {
        predicted[rubric].push(predictOrdinal(model, x));
        actual[rubric].push(test[i]!.labels[rubric]);
      });
    }
  }
  return Object.fromEntries(RUBRIC_IDS.map((r) => [r, agreement(actual[r], predicted[r]).qwk])) as Record<RubricId, number>;
}

function report(name: string, rows: readonly Row[], model: LevelModel): void {
  if (!rows.length) return;
  const x = scaled(rows, model.mean, model.scale);
  const cells = RUBRIC_IDS.map((rubric) => {
    const a = agreement(rows.map((r) => r.labels[rubric]), x.map((row) => predictOrdinal(model.rubrics[rubric], row)));
    return `${rubric} ${a.qwk.toFixed(3)} / ${(a.withinOne * 100).toFixed(0)}%`;
  });
  console.log(`  ${name.padEnd(34)} ${cells.join('   ')}`);
}

export function trainLevelModel(iterations = 4000): LevelModel {
  const dev = readDevSet();
  const { tuning, heldBack } = splitDevSet(dev);
  const tuneSets = readProjectSets('tune');
  const train = [...toRows(tuning, 'dev-tuning'), ...tuneSets.flatMap((r) => toRows([r], r.set))];
  console.log(`Fitting the level model on ${train.length} rated replies (${[...new Set(train.map((r) => r.set))].join(', ')}), ${FEATURES.length} features.`);

  const cv = crossValidate(train, L2, iterations);
  console.log(`  cross-validated by buyer context, l2 ${L2}: ${RUBRIC_IDS.map((r) => `${r} ${cv[r].toFixed(3)}`).join('   ')}`);

  const fitRows = weighted(train);
  const { mean, scale } = standardization(fitRows.map((r) => r.features));
  const x = scaled(fitRows, mean, scale);
  const rubrics = Object.fromEntries(RUBRIC_IDS.map((rubric) => [rubric, fitOrdinal(x, fitRows.map((r) => r.labels[rubric]), { l2: L2, iterations, rate: 0.05, pulls: pullsFor(rubric) })])) as LevelModel['rubrics'];
  const body = { features: FEATURES.map((f) => f.id), mean: mean.map(round), scale: scale.map(round), rubrics };
  const version = `levels-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 8)}`;
  const l2 = Object.fromEntries(RUBRIC_IDS.map((r) => [r, L2])) as Record<RubricId, number>;
  const model: LevelModel = { version, ...body, trainedOn: { replies: train.length, sets: [...new Set(train.map((r) => r.set))], l2, crossValidated: Object.fromEntries(RUBRIC_IDS.map((r) => [r, round(cv[r])])) as Record<RubricId, number> } };

  console.log(`\n${version}, l2 ${L2}. Agreement (QWK / within one):`);
  report('fitted on (for reference)', train, model);
  report('dev set, held-back part (never fitted)', toRows(heldBack, 'held'), model);
  report('check sets (never fitted)', readProjectSets('check').flatMap((r) => toRows([r], r.set)), model);
  return model;
}

/**
 * The model as a Markdown table for docs/scoring.md: each signal's pull per unit on each rubric's score
 * (blank where it may not pull), and the scores at which the level steps up.
 */
export function weightsTable(model: LevelModel): string {
  const cell = (rubric: RubricId, i: number) => {
    if (FEATURES[i]!.pulls[rubric] === null) return '';
    const w = model.rubrics[rubric].weights[i]! / model.scale[i]!;
    return w === 0 ? '0' : `${w > 0 ? '+' : '−'}${Math.abs(w).toFixed(2)}`;
  };
  const rows = FEATURES.map((f, i) => [f.label, ...RUBRIC_IDS.map((r) => cell(r, i))]).filter((row) => row.slice(1).some((c) => c !== '' && c !== '0'));
  // Signals pull from zero and shape from the typical reply; fold the rest of the mean into the thresholds.
  const steps = RUBRIC_IDS.map((rubric) => {
    const offset = FEATURES.reduce((sum, f, i) => sum + (f.pulls[rubric] === 0 ? 0 : (model.rubrics[rubric].weights[i]! * model.mean[i]!) / model.scale[i]!), 0);
    return `| ${rubric.replace('_', ' ')} | ${model.rubrics[rubric].thresholds.map((t) => (t + offset).toFixed(2)).join(' | ')} |`;
  });
  return [
    '| signal (per unit) | listening | empathy | value |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    '| rubric | 1 from | 2 from | 3 from | 4 from |',
    '|---|---|---|---|---|',
    ...steps,
  ].join('\n');
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = trainLevelModel();
  writeFileSync(OUT, `${JSON.stringify(model, null, 1)}\n`);
  const docs = readFileSync(DOCS, 'utf8');
  if (TABLE.test(docs)) writeFileSync(DOCS, docs.replace(TABLE, (_, open: string, close: string) => `${open}${weightsTable(model)}${close}`));
  console.log(`\nWrote ${OUT} and the weights table in docs/scoring.md:\n\n${weightsTable(model)}`);
}
