import type { Rubric } from '../core/content/rubric.ts';
import { LABELS, type RubricId, type Skill } from '../core/content/vocabulary.ts';
import { bestExample, lessonsToRevisit, weakestRubric } from '../core/progress/debrief.ts';
import type { CompletedRun } from '../core/progress/progress.ts';
import type { Scenario } from '../core/scenario/scenario.ts';
import { formatTurnScore } from './transcript-report.ts';
import type { Terminal } from './terminal.ts';

/** What the debrief needs to know of a lesson. */
export interface LessonRef {
  id: string;
  title: string;
  skills: readonly Skill[];
}

/**
 * The end of a run as terminal lines: the outcome and overall score, every
 * turn (choices with their points, replies with levels, evidence and the
 * trainer's example), and the lessons to revisit, the weakest skill's first.
 */
export function formatDebrief(run: CompletedRun, scenario: Scenario, lessons: readonly LessonRef[], rubrics: readonly Rubric[], color: Terminal['color']): string[] {
  const { state } = run;
  const nodeTitle = (id: string) => scenario.nodes[id]?.title ?? id;
  const kindColor = run.kind === 'won' ? color.green : run.kind === 'lost' ? color.red : color.yellow;
  const lines = ['', color.bold(`Debrief: ${run.scenarioTitle}`), ''];

  lines.push(kindColor(color.bold(state.status === 'stuck' ? 'The conversation could not go on' : `Outcome: ${run.outcome}`)));
  if (state.outcome?.feedback) lines.push(state.outcome.feedback);
  if (state.stuckReason) lines.push(state.stuckReason);
  lines.push(color.bold(run.score === null ? 'This scenario is not scored.' : `Overall score: ${run.score}%`));
  for (const v of state.violations) lines.push(color.red(`✗ Compliance broken at "${nodeTitle(v.node)}": ${v.description}`));

  if (state.turns.length) {
    lines.push('', color.bold('Turn by turn'));
    state.turns.forEach((turn, i) => {
      lines.push('', `${i + 1}. ${color.bold(nodeTitle(turn.node))}`);
      if (turn.kind === 'choice') {
        lines.push(`   You chose: "${turn.text}" ${color.dim(`(${turn.earned} of ${turn.max} points)`)}`);
        for (const v of turn.violations) lines.push(color.red(`   ✗ Compliance: ${v.description}`));
        return;
      }
      lines.push(`   Your reply: ${turn.text}`);
      lines.push(...formatTurnScore(turn, rubrics, color).map((l) => ` ${l}`));
      const exit = scenario.nodes[turn.node]?.exit;
      const example = exit?.kind === 'ask' ? bestExample(exit.ask.examples) : undefined;
      if (example) {
        const rated = Object.entries(example.levels).map(([r, l]) => `${LABELS[r as RubricId]} ${l}/4`).join(', ');
        lines.push(`   ${color.bold("The trainer's example")} ${color.dim(`(rated ${rated})`)}`, `   ${color.italic(`"${example.text}"`)}`);
      }
    });
  }

  const weakest = weakestRubric(run.levels);
  const revisit = lessonsToRevisit(scenario.lessons, lessons, weakest);
  if (revisit.length) {
    lines.push('', color.bold('Lessons to revisit'));
    for (const lesson of revisit) {
      const why = weakest && lesson.skills.includes(weakest) ? color.dim(` (for ${LABELS[weakest].toLowerCase()}, your weakest skill in this run)`) : '';
      lines.push(`  • ${lesson.title}: ${color.cyan(`parley lesson ${lesson.id}`)}${why}`);
    }
  }
  return lines;
}
