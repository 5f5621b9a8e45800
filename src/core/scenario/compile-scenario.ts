import { contentHash } from '../content/content-hash.ts';
import { diagnostic, type Compiled, type Diagnostic, type SourcePosition } from '../content/diagnostic.ts';
import { parseFrontMatter, type FrontMatter } from '../content/front-matter.ts';
import { validateFrontMatter } from '../content/front-matter-schema.ts';
import { RUBRIC_IDS, type RubricId } from '../content/vocabulary.ts';
import { checkBranchLogic } from './branch-logic.ts';
import { literalsIn, namesIn, type Condition } from './condition.ts';
import { parseScenarioBody, type ParsedNode } from './scenario-body.ts';
import { SCENARIO_HINTS, scenarioSchema, type ScenarioFrontMatter } from './scenario-front-matter.ts';
import type { ComplianceRule, Effect, Scenario, ScenarioNode, VariableSpec } from './scenario.ts';

export interface CompileScenarioOptions {
  /** Ids of the lessons that exist; when given, unknown lesson ids are reported. */
  lessonIds?: ReadonlySet<string>;
}

/** Name that stands for the mean level of an ask's rubrics in score branches. */
export const AVERAGE = 'average';

/**
 * Compiles a scenario file into a typed `Scenario` plus diagnostics. Never
 * throws. `value` is present whenever the front matter and at least one node
 * could be read, even with errors, so tools can still show a map; check the
 * diagnostics for errors before playing it.
 */
export function compileScenario(text: string, file: string, options: CompileScenarioOptions = {}): Compiled<Scenario> {
  const { value: fm, diagnostics } = parseFrontMatter(text, file);
  const checked = fm.ok ? validateFrontMatter(fm, scenarioSchema, file, SCENARIO_HINTS) : { value: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const body = parseScenarioBody(fm.body, fm.bodyLine, file);
  diagnostics.push(...body.diagnostics);
  const meta = checked.value;
  if (!meta) return { value: undefined, diagnostics };

  const variables = readVariables(meta, fm, file, diagnostics);
  const compliance: ComplianceRule[] = Object.entries(meta.compliance).map(([id, rule]) => ({ id, ...rule }));
  checkFrontMatterReferences(meta, fm, file, options, compliance, diagnostics);

  if (body.nodes.length === 0) {
    diagnostics.push(diagnostic(file, { line: fm.bodyLine, column: 1 }, 'PARLEY100', 'the scenario has no nodes', 'each "## Heading" starts a node; the first one is where the conversation begins'));
    return { value: undefined, diagnostics };
  }
  const nodes: Record<string, ScenarioNode> = {};
  const order: string[] = [];
  for (const node of body.nodes) {
    if (nodes[node.id]) {
      diagnostics.push(
        diagnostic(file, node.at, 'PARLEY101', `a node with the id "${node.id}" already exists (line ${nodes[node.id]!.at.line})`, 'give each "##" heading a different title; the id is made from the title'),
      );
      continue;
    }
    const { links: _links, ...plain } = node;
    nodes[node.id] = plain;
    order.push(node.id);
  }

  const scenario: Scenario = {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    persona: meta.persona,
    industry: meta.industry,
    known: meta.known,
    variables,
    skills: meta.skills,
    lessons: meta.lessons,
    methodology: meta.methodology,
    objection: meta.objection,
    difficulty: meta.difficulty,
    minutes: meta.minutes,
    scoring: meta.scoring,
    shuffle: meta.shuffle,
    compliance,
    order,
    nodes,
    start: order[0]!,
    contentHash: contentHash(text),
    file,
  };

  checkFileName(scenario, fm, file, diagnostics);
  checkNodes(scenario, body.nodes, file, diagnostics);
  checkGraph(scenario, body.nodes, file, diagnostics);
  return { value: scenario, diagnostics };
}

function readVariables(meta: ScenarioFrontMatter, fm: FrontMatter, file: string, diagnostics: Diagnostic[]): VariableSpec[] {
  return Object.entries(meta.variables).map(([name, raw]) => {
    if (typeof raw === 'object') {
      const spec: VariableSpec = { name, type: 'number', initial: raw.value, min: raw.min, max: raw.max };
      if ((raw.min !== undefined && raw.value < raw.min) || (raw.max !== undefined && raw.value > raw.max) || (raw.min !== undefined && raw.max !== undefined && raw.min > raw.max)) {
        diagnostics.push(diagnostic(file, fm.valueAt(['variables', name]), 'PARLEY012', `the variable "${name}" starts outside its bounds`, 'make min <= value <= max'));
      }
      return spec;
    }
    return { name, type: typeof raw as VariableSpec['type'], initial: raw };
  });
}

function checkFileName(scenario: Scenario, fm: FrontMatter, file: string, diagnostics: Diagnostic[]) {
  const expected = `${scenario.id}.md`;
  if (file !== expected && !file.endsWith(`/${expected}`)) {
    diagnostics.push(diagnostic(file, fm.valueAt(['id']), 'PARLEY023', `scenario id "${scenario.id}" does not match the file name`, `rename the file to ${expected}`));
  }
}

function checkFrontMatterReferences(
  meta: ScenarioFrontMatter,
  fm: FrontMatter,
  file: string,
  options: CompileScenarioOptions,
  compliance: ComplianceRule[],
  diagnostics: Diagnostic[],
) {
  if (options.lessonIds) {
    meta.lessons.forEach((id, i) => {
      if (!options.lessonIds!.has(id)) {
        diagnostics.push(diagnostic(file, fm.valueAt(['lessons', i]), 'PARLEY109', `the lesson "${id}" does not exist`, 'use ids of files in content/lessons/ (without .md)'));
      }
    });
  }
  for (const rule of compliance) {
    rule.detect.forEach((pattern, i) => {
      try {
        new RegExp(pattern, 'i');
      } catch (error) {
        diagnostics.push(
          diagnostic(file, fm.valueAt(['compliance', rule.id, 'detect', i]), 'PARLEY121', `the pattern "${pattern}" is not a valid regular expression: ${(error as Error).message}`, 'check brackets and escape special characters with a backslash'),
        );
      }
    });
  }
}

/** Per-node checks: names, types, thresholds, compliance references, branch logic. */
function checkNodes(scenario: Scenario, parsed: ParsedNode[], file: string, diagnostics: Diagnostic[]) {
  const vars = new Map(scenario.variables.map((v) => [v.name, v]));
  const rules = new Set(scenario.compliance.map((r) => r.id));
  const report = (at: SourcePosition, code: Parameters<typeof diagnostic>[2], message: string, hint: string) => diagnostics.push(diagnostic(file, at, code, message, hint));

  const checkEffect = (effect: Effect) => {
    const spec = vars.get(effect.variable);
    if (!spec) {
      report(effect.at, 'PARLEY107', `unknown variable "${effect.variable}"`, declareHint(effect.variable));
      return;
    }
    if (effect.kind === 'add' && spec.type !== 'number') {
      report(effect.at, 'PARLEY110', `"${effect.variable}" is a ${spec.type}, so it cannot go up or down`, `set it instead: \`${effect.variable} = ...\``);
    }
    if (effect.kind === 'set' && typeof effect.value !== spec.type) {
      report(effect.at, 'PARLEY110', `"${effect.variable}" is a ${spec.type} but is set to a ${typeof effect.value}`, `assign a ${spec.type}, like its initial value ${JSON.stringify(spec.initial)}`);
    }
  };
  const checkCondition = (condition: Condition, rubrics: readonly RubricId[] | null) => {
    for (const { name, column } of namesIn(condition.expr)) {
      const at = { line: condition.line, column: condition.column + column - 1 };
      const isScore = rubrics !== null && (name === AVERAGE || (rubrics as readonly string[]).includes(name));
      if (vars.has(name) || isScore) continue;
      if ((RUBRIC_IDS as readonly string[]).includes(name) || name === AVERAGE) {
        report(at, 'PARLEY107', `"${name}" is a score, but no ask in this node scores it`, rubrics ? `add "${name}" to the ask's rubrics` : 'test scores only in the branches right after an ask');
      } else {
        report(at, 'PARLEY107', `unknown variable "${name}"`, declareHint(name));
      }
    }
    for (const literal of literalsIn(condition.expr)) {
      if (!literal.against) continue;
      const at = { line: condition.line, column: condition.column + literal.column - 1 };
      const spec = vars.get(literal.against);
      const isScore = rubrics !== null && !spec && (literal.against === AVERAGE || (rubrics as readonly string[]).includes(literal.against));
      if (isScore) {
        if (typeof literal.value !== 'number' || literal.value < 0 || literal.value > 4) {
          report(at, 'PARLEY112', `the threshold ${JSON.stringify(literal.value)} is outside the 0-4 scale`, 'rubric levels run from 0 to 4');
        }
      } else if (spec && typeof literal.value !== spec.type) {
        report(at, 'PARLEY110', `"${spec.name}" is a ${spec.type} but is compared with a ${typeof literal.value}`, `compare it with a ${spec.type}`);
      }
    }
  };

  for (const node of parsed) {
    const exit = node.exit;
    if (!exit) continue;
    switch (exit.kind) {
      case 'choices':
        for (const choice of exit.choices) {
          choice.effects.forEach(checkEffect);
          if (choice.condition) checkCondition(choice.condition, null);
          for (const rule of choice.breaks) {
            if (!rules.has(rule)) report(choice.at, 'PARLEY120', `unknown compliance rule "${rule}"`, 'declare it under "compliance:" in the front matter');
          }
        }
        break;
      case 'jump':
        exit.effects.forEach(checkEffect);
        break;
      case 'branches':
      case 'ask': {
        const rubrics = exit.kind === 'ask' ? exit.ask.rubrics : null;
        if (exit.kind === 'ask') {
          for (const rubric of exit.ask.rubrics) {
            if (!(RUBRIC_IDS as readonly string[]).includes(rubric)) {
              report(exit.ask.at, 'PARLEY108', `unknown rubric "${rubric}"`, `use ${RUBRIC_IDS.join(', ')}`);
            }
          }
        }
        const before = diagnostics.length;
        for (const branch of exit.branches) {
          branch.effects.forEach(checkEffect);
          if (branch.condition) checkCondition(branch.condition, rubrics);
        }
        // Logic over conditions that already have errors would only repeat them.
        const conditionsOk = diagnostics.length === before;
        const last = exit.branches[exit.branches.length - 1];
        if (last && last.condition) {
          report(last.at, 'PARLEY111', 'the branches have no "otherwise"', 'end the list with "- otherwise -> [Node](#node)" so every case leads somewhere');
        }
        if (conditionsOk) diagnostics.push(...checkBranchLogic(exit.branches, rubrics ?? [], scenario, file));
        break;
      }
      case 'end':
        break;
    }
    if (exit.kind === 'choices') {
      for (const choice of exit.choices) {
        if (choice.condition && !diagnostics.some((d) => d.line === choice.at.line && d.code !== 'PARLEY114')) diagnostics.push(...checkBranchLogic([{ condition: choice.condition, target: choice.target, effects: [], at: choice.at }], [], scenario, file, 'choice'));
      }
    }
  }
}

function declareHint(name: string): string {
  return `declare it in the front matter: variables: { ${name}: 0 }`;
}

/** Whole-graph checks: broken targets, loose ends, reachability, endings. */
function checkGraph(scenario: Scenario, parsed: ParsedNode[], file: string, diagnostics: Diagnostic[]) {
  const { nodes } = scenario;
  for (const node of parsed) {
    for (const link of node.links) {
      if (!nodes[link.target]) {
        const near = scenario.order.find((other) => other.includes(link.target) || link.target.includes(other));
        diagnostics.push(
          diagnostic(file, link.at, 'PARLEY102', `no node has the id "${link.target}"`, near ? `did you mean "#${near}"?` : `link to a node's heading slug, one of: ${scenario.order.map((o) => `#${o}`).join(', ')}`),
        );
      }
    }
  }
  for (const id of scenario.order) {
    const node = nodes[id]!;
    if (!node.exit) {
      diagnostics.push(diagnostic(file, node.at, 'PARLEY103', `the node "${node.title}" is a loose end: nothing leads on from it`, 'add choices, a jump "-> [Next](#next)", branches, an ask, or an ending :::end{outcome="..."}'));
    }
  }
  const reachable = new Set<string>([scenario.start]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    for (const { target } of targetsOf(nodes[queue.shift()!]!)) {
      if (nodes[target] && !reachable.has(target)) {
        reachable.add(target);
        queue.push(target);
      }
    }
  }
  for (const id of scenario.order) {
    if (!reachable.has(id)) {
      diagnostics.push(diagnostic(file, nodes[id]!.at, 'PARLEY104', `no path leads to the node "${nodes[id]!.title}"`, 'link to it from another node, or remove it'));
    }
  }
  const endings = [...reachable].map((id) => nodes[id]!.exit).filter((e) => e?.kind === 'end');
  const at = nodes[scenario.start]!.at;
  if (endings.length === 0) {
    diagnostics.push(diagnostic(file, at, 'PARLEY105', 'no ending can be reached from the start', 'add a node with :::end{outcome="won"} and link to it'));
  } else if (!endings.some((e) => e.kind === 'end' && e.ending.kind === 'won')) {
    diagnostics.push(diagnostic(file, at, 'PARLEY106', 'no winning ending can be reached', 'give the rep a way to win: an ending with outcome="won"'));
  }
}

/** Every node a node can lead to, with the position of the link. */
export function targetsOf(node: ScenarioNode): { target: string; at: SourcePosition }[] {
  const exit = node.exit;
  if (!exit) return [];
  switch (exit.kind) {
    case 'choices':
      return exit.choices.map((c) => ({ target: c.target, at: c.at }));
    case 'jump':
      return [{ target: exit.target, at: exit.at }];
    case 'branches':
    case 'ask':
      return exit.branches.map((b) => ({ target: b.target, at: b.at }));
    case 'end':
      return [];
  }
}
