import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import type { RubricId } from '../content/vocabulary.ts';
import { evaluate, literalsIn, namesIn } from './condition.ts';
import type { Branch, Scenario, Value } from './scenario.ts';

/** Past this many combinations the logic check is skipped rather than slowing the linter. */
const MAX_COMBINATIONS = 20_000;

/**
 * Finds conditions that can never hold and branches an earlier branch always
 * catches, by evaluating the conditions over every combination of the values
 * that matter: each rubric level 0-4, both booleans, and for numbers and
 * strings every value a condition or effect mentions (and its neighbours).
 */
export function checkBranchLogic(
  branches: readonly Branch[],
  rubrics: readonly RubricId[],
  scenario: Scenario,
  file: string,
  what: 'branch' | 'choice' = 'branch',
): Diagnostic[] {
  const conditions = branches.map((b) => b.condition);
  if (conditions.every((c) => !c)) return [];
  const names = new Set(conditions.flatMap((c) => (c ? namesIn(c.expr).map((n) => n.name) : [])));
  const domains: [string, Value[]][] = [];
  for (const rubric of rubrics) domains.push([rubric, [0, 1, 2, 3, 4]]);
  for (const name of names) {
    if ((rubrics as readonly string[]).includes(name) || name === 'average') continue;
    const spec = scenario.variables.find((v) => v.name === name);
    if (!spec) return []; // Unknown names are reported elsewhere.
    domains.push([name, domainOf(spec, scenario, conditions)]);
  }
  const total = domains.reduce((n, [, values]) => n * values.length, 1);
  if (total > MAX_COMBINATIONS) return [];

  const everTrue = conditions.map(() => false);
  const everFirst = conditions.map(() => false);
  for (const scope of combinations(domains)) {
    if (rubrics.length > 0) scope.average = rubrics.reduce((sum, r) => sum + (scope[r] as number), 0) / rubrics.length;
    let taken = false;
    conditions.forEach((condition, i) => {
      const holds = condition ? evaluate(condition.expr, scope) : true;
      if (holds) everTrue[i] = true;
      if (holds && !taken) {
        everFirst[i] = true;
        taken = true;
      }
    });
  }

  const out: Diagnostic[] = [];
  branches.forEach((branch, i) => {
    const condition = branch.condition;
    if (!condition) return;
    const at = { line: condition.line, column: condition.column };
    if (!everTrue[i]) {
      out.push(diagnostic(file, at, 'PARLEY114', `the condition "${condition.source}" can never be true`, what === 'choice' ? 'this choice would never be offered; check the comparison and the variable\'s bounds' : 'check the comparison; levels run 0-4 and variables stay inside their bounds'));
    } else if (!everFirst[i]) {
      out.push(diagnostic(file, at, 'PARLEY113', `the branch "${condition.source}" is never taken: an earlier branch always catches it`, 'put the more specific branch first'));
    }
  });
  return out;
}

function domainOf(spec: Scenario['variables'][number], scenario: Scenario, conditions: readonly (Branch['condition'] | undefined)[]): Value[] {
  if (spec.type === 'boolean') return [true, false];
  const mentioned = new Set<Value>([spec.initial]);
  for (const c of conditions) for (const l of c ? literalsIn(c.expr) : []) if (l.against === spec.name) mentioned.add(l.value);
  for (const id of scenario.order) {
    const exit = scenario.nodes[id]!.exit;
    const effects =
      exit?.kind === 'choices' ? exit.choices.flatMap((c) => c.effects) : exit?.kind === 'jump' ? exit.effects : exit?.kind === 'branches' || exit?.kind === 'ask' ? exit.branches.flatMap((b) => b.effects) : [];
    for (const e of effects) if (e.kind === 'set' && e.variable === spec.name) mentioned.add(e.value);
  }
  if (spec.type === 'string') return [...mentioned, '\u0000another value'];
  const values = new Set<number>();
  for (const v of mentioned) {
    if (typeof v !== 'number') continue;
    for (const d of [-1, -0.5, 0, 0.5, 1]) values.add(v + d);
  }
  if (spec.min !== undefined) values.add(spec.min);
  if (spec.max !== undefined) values.add(spec.max);
  return [...values].filter((v) => (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max));
}

function* combinations(domains: [string, Value[]][]): Generator<Record<string, Value>> {
  const index = domains.map(() => 0);
  if (domains.some(([, values]) => values.length === 0)) return;
  while (true) {
    yield Object.fromEntries(domains.map(([name, values], i) => [name, values[index[i]!]!]));
    let k = domains.length - 1;
    while (k >= 0 && ++index[k]! === domains[k]![1].length) index[k--] = 0;
    if (k < 0) return;
  }
}
