import type { RubricId } from '../content/vocabulary.ts';
import type { SourcePosition } from '../content/diagnostic.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ReplyScorer } from '../scoring/reply-scorer.ts';
import { walkExhaustively, type ExhaustiveReport } from './exhaustive-walk.ts';
import { walkRandomly, type RandomWalkReport } from './random-walk.ts';

/** A trainer-written example whose scored level differs from the one the trainer wrote. */
export interface ExampleDisagreement {
  node: string;
  at: SourcePosition;
  text: string;
  rubric: RubricId;
  expected: number;
  scored: number;
}

export interface ScenarioTestReport {
  scenario: string;
  file: string;
  exhaustive: ExhaustiveReport;
  random: RandomWalkReport;
  /** Examples checked against the scorer; absent when no scorer was given. */
  examples?: { checked: number; disagreements: ExampleDisagreement[] };
  /** Problems that fail the test: stuck states, unreached nodes and endings. */
  failures: string[];
}

export interface ScenarioTestOptions {
  runs: number;
  seed: number;
  /** When given, every example reply is scored and compared with its written levels. */
  scorer?: ReplyScorer;
}

/** The tester: exhaustive walk, random walks and example checks for one scenario. */
export function testScenario(scenario: Scenario, options: ScenarioTestOptions): ScenarioTestReport {
  const exhaustive = walkExhaustively(scenario);
  const random = walkRandomly(scenario, { runs: options.runs, seed: options.seed });
  const failures: string[] = [];
  for (const s of exhaustive.stuck) failures.push(`a run gets stuck at "${s.node}": ${s.reason}`);
  for (const id of exhaustive.uncovered) failures.push(`no path reaches the node "${id}"`);
  for (const id of exhaustive.unreachedEndings) failures.push(`the ending "${id}" cannot be reached`);
  if (exhaustive.truncated) failures.push(`the walk stopped after ${exhaustive.statesExplored} states; coverage is incomplete`);
  const report: ScenarioTestReport = { scenario: scenario.id, file: scenario.file, exhaustive, random, failures };
  if (options.scorer) report.examples = checkExamples(scenario, options.scorer);
  return report;
}

function checkExamples(scenario: Scenario, scorer: ReplyScorer): NonNullable<ScenarioTestReport['examples']> {
  const disagreements: ExampleDisagreement[] = [];
  let checked = 0;
  for (const id of scenario.order) {
    const node = scenario.nodes[id]!;
    if (node.exit?.kind !== 'ask') continue;
    const { ask } = node.exit;
    const buyer = [...node.lines].reverse().find((l) => l.kind === 'buyer');
    for (const example of ask.examples) {
      checked++;
      const results = scorer.score(example.text, { buyer: buyer?.kind === 'buyer' ? buyer.text : '', known: scenario.known, keyPoints: ask.keyPoints }, ask.rubrics);
      for (const result of results) {
        const expected = example.levels[result.rubric];
        if (expected !== undefined && expected !== result.level) {
          disagreements.push({ node: id, at: example.at, text: example.text, rubric: result.rubric, expected, scored: result.level });
        }
      }
    }
  }
  return { checked, disagreements };
}
