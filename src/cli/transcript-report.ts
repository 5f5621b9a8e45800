import type { Rubric } from '../core/content/rubric.ts';
import { LABELS } from '../core/content/vocabulary.ts';
import type { RunState, TranscriptEntry, Turn } from '../core/engine/run-state.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import { formatRubricResult, highlightReply } from './score-report.ts';
import type { Terminal } from './terminal.ts';

type Color = Terminal['color'];

/** The scenario's title block: who the buyer is, how hard and how long, and the lessons behind it. */
export function formatScenarioHeader(scenario: Scenario, color: Color): string[] {
  const { persona } = scenario;
  const lines = [
    color.bold(scenario.title),
    color.dim(`${persona.name}, ${persona.role}, ${persona.company} · ${LABELS[scenario.difficulty]} · about ${scenario.minutes} min`),
  ];
  if (scenario.known.length) lines.push(color.dim('What you know:'), ...scenario.known.map((k) => color.dim(`  • ${k}`)));
  if (scenario.lessons.length) lines.push(color.dim(`Lessons: ${scenario.lessons.map((id) => `parley lesson ${id}`).join(', ')}`));
  return lines;
}

/**
 * One line of the conversation as terminal lines. A typed reply shows its
 * evidence marked in the text and its score under it, the moment it is made.
 */
export function formatTranscriptEntry(entry: TranscriptEntry, state: Pick<RunState, 'turns'>, rubrics: readonly Rubric[], color: Color): string[] {
  switch (entry.kind) {
    case 'narration':
      return [color.dim(color.italic(entry.text))];
    case 'buyer':
      return [`${color.bold(color.cyan(`${entry.speaker}:`))} ${entry.text}`];
    case 'rep': {
      const turn = entry.turn === undefined ? undefined : state.turns[entry.turn];
      if (turn?.kind !== 'reply') return [`${color.bold(color.green('You:'))} ${entry.text}`, ...formatViolations(turn, color)];
      return [`${color.bold(color.green('You:'))} ${highlightReply(turn.text, turn.results?.flatMap((r) => r.evidence) ?? [], color)}`, ...formatTurnScore(turn, rubrics, color)];
    }
  }
}

/** A typed reply's points, each rubric's level with its evidence and coaching, and any rule it broke. */
export function formatTurnScore(turn: Turn, rubrics: readonly Rubric[], color: Color): string[] {
  const lines = [color.dim(`  ${turn.earned} of ${turn.max} points`)];
  for (const result of turn.results ?? []) {
    lines.push(...formatRubricResult(turn.text, result, rubrics.find((r) => r.id === result.rubric), color).map((l) => `  ${l}`));
  }
  return [...lines, ...formatViolations(turn, color)];
}

function formatViolations(turn: Turn | undefined, color: Color): string[] {
  return (turn?.violations ?? []).map((v) => color.red(`  ✗ Compliance: ${v.description} (${v.fails === 'run' ? 'this fails the whole conversation' : 'this turn scores 0'})`));
}
