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
import { agreement, type Agreement } from '../core/scoring/agreement.ts';
import { FEATURES } from '../core/scoring/features.ts';
import { fitOrdinal, standardization } from '../core/scoring/fit-level-model.ts';
import type { LevelModel, LevelWeights } from '../core/scoring/level-model.ts';
import { analyzeReply, settleRubric, type ReplyAnalysis } from '../core/scoring/score-reply.ts';
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
 * counts three times. Chosen by cross-validation on the dev rows alone: with 640 project replies, twice
 * agreed best; with 880, three and four times agreed better than twice and alike (within 0.003), and three
 * is the smaller step.
 */
const HUMAN_WEIGHT = 3;

/** The rows a fit uses: each human-rated row repeated `HUMAN_WEIGHT` times. */
function weighted(rows: readonly Row[]): Row[] {
  return rows.flatMap((r) => (r.set === 'dev-tuning' ? Array.from({ length: HUMAN_WEIGHT }, () => r) : [r]));
}

interface Row {
  set: string;
  context: string;
  analysis: ReplyAnalysis;
  labels: Record<RubricId, number>;
}

function pullsFor(rubric: RubricId) {
  return FEATURES.map((f) => f.pulls[rubric]);
}

function toRows(rows: readonly DevRow[], set: string): Row[] {
  return rows.map((r) => ({
    set,
    context: r.context.buyer,
    analysis: analyzeReply(r.response, { buyer: r.context.buyer, known: r.context.known, keyPoints: [] }),
    labels: r.labels,
  }));
}

/** Fits one model per rubric on the rows (human-rated ones weighted), with the scaling it was fitted on. */
function fitModel(rows: readonly Row[], iterations: number): Omit<LevelModel, 'version' | 'trainedOn'> {
  const fitRows = weighted(rows);
  const { mean, scale } = standardization(fitRows.map((r) => r.analysis.features));
  const x = fitRows.map((r) => r.analysis.features.map((v, j) => (v - mean[j]!) / scale[j]!));
  const rubrics = Object.fromEntries(
    RUBRIC_IDS.map((rubric) => [rubric, fitOrdinal(x, fitRows.map((r) => r.labels[rubric]), { l2: L2, iterations, rate: 0.05, pulls: pullsFor(rubric) })]),
  ) as LevelModel['rubrics'];
  return { features: FEATURES.map((f) => f.id), mean: mean.map(round), scale: scale.map(round), rubrics };
}

/** The level the scorer gives: the model's proposal held by the rubric's caps, exactly as `scoreReply` settles it. */
function scoredLevel(model: LevelWeights, row: Row, rubric: RubricId): number {
  return settleRubric(row.analysis, rubric, model).verdict.level;
}

/** Agreement per rubric when whole buyer contexts are held out, fold by fold, scored as the scorer scores. */
function crossValidate(rows: readonly Row[], iterations: number): Record<RubricId, Agreement> {
  const contexts = [...new Set(rows.map((r) => r.context))].sort();
  const predicted: Record<RubricId, number[]> = { active_listening: [], empathy: [], value_framing: [] };
  const actual: Record<RubricId, number[]> = { active_listening: [], empathy: [], value_framing: [] };
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = new Set(contexts.filter((_, i) => i % FOLDS === fold));
    const model = fitModel(rows.filter((r) => !held.has(r.context)), iterations);
    for (const row of rows.filter((r) => held.has(r.context))) {
      for (const rubric of RUBRIC_IDS) {
        predicted[rubric].push(scoredLevel(model, row, rubric));
        actual[rubric].push(row.labels[rubric]);
      }
    }
  }
  return Object.fromEntries(RUBRIC_IDS.map((r) => [r, agreement(actual[r], predicted[r])])) as Record<RubricId, Agreement>;
}

function report(name: string, rows: readonly Row[], model: LevelModel): void {
  if (!rows.length) return;
  const cells = RUBRIC_IDS.map((rubric) => {
    const a = agreement(rows.map((r) => r.labels[rubric]), rows.map((r) => scoredLevel(model, r, rubric)));
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

  const cv = crossValidate(train, iterations);
  console.log(`  cross-validated by buyer context, l2 ${L2}: ${RUBRIC_IDS.map((r) => `${r} ${cv[r].qwk.toFixed(3)} / ${(cv[r].withinOne * 100).toFixed(0)}%`).join('   ')}`);

  const body = fitModel(train, iterations);
  const version = `levels-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 8)}`;
  const l2 = Object.fromEntries(RUBRIC_IDS.map((r) => [r, L2])) as Record<RubricId, number>;
  const model: LevelModel = { version, ...body, trainedOn: { replies: train.length, sets: [...new Set(train.map((r) => r.set))], l2, crossValidated: Object.fromEntries(RUBRIC_IDS.map((r) => [r, round(cv[r].qwk)])) as Record<RubricId, number> } };

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
