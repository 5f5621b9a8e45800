import type { Rubric } from '../core/content/rubric.ts';
import { LABELS, type RubricId } from '../core/content/vocabulary.ts';
import type { QuestionGrade, QuizGrade } from '../core/quiz/grade.ts';
import type { Paper, PaperQuestion } from '../core/quiz/paper.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import { formatRubricResult, highlightReply } from './score-report.ts';
import type { Terminal } from './terminal.ts';

type Color = Terminal['color'];

const points = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0$/, '')} point${n === 1 ? '' : 's'}`;

/**
 * A graded practice quiz as terminal lines: the score against the pass mark,
 * then each question with the answer given, the right answer, the feedback,
 * and for a written reply its levels and evidence; then the lessons behind it.
 */
export function formatQuizGrade(quiz: Quiz, paper: Paper, grade: QuizGrade, rubrics: readonly Rubric[], color: Color, note?: string): string[] {
  const verdict = grade.passed ? color.green(color.bold('Passed')) : color.red(color.bold('Not passed yet'));
  const lines = ['', color.bold(`Result: ${quiz.title}`)];
  if (note) lines.push(color.yellow(note));
  lines.push(`${verdict}: ${grade.earned} of ${points(grade.available)}, ${grade.percent}% ${color.dim(`(pass mark ${grade.passMark}%)`)}`);
  paper.questions.forEach((question, i) => {
    const graded = grade.questions.find((q) => q.id === question.id);
    if (graded) lines.push('', ...formatQuestionGrade(i + 1, question, graded, rubrics, color));
  });
  if (quiz.lessons.length) {
    lines.push('', color.bold('Lessons behind this quiz'));
    for (const id of quiz.lessons) lines.push(`  • ${color.cyan(`parley lesson ${id}`)}`);
  }
  return lines;
}

function formatQuestionGrade(n: number, question: PaperQuestion, graded: QuestionGrade, rubrics: readonly Rubric[], color: Color): string[] {
  const mark = graded.correct ? color.green('✓') : graded.earned > 0 ? color.yellow('◐') : color.red('✗');
  const lines = [`${mark} ${n}. ${color.bold(question.title)} ${color.dim(`(${graded.earned} of ${points(graded.available)})`)}`];
  const text = (id: string) => question.options?.find((o) => o.id === id)?.text ?? id;
  const answer = graded.answer;
  if (!answer) lines.push(color.dim(graded.refused ? `   Not accepted: ${graded.refused}` : '   Not answered'));
  else if ('optionId' in answer) lines.push(`   Your answer: ${text(answer.optionId)}`);
  else if ('optionIds' in answer) lines.push(`   Your answer: ${answer.optionIds.length ? answer.optionIds.map(text).join('; ') : '(none ticked)'}`);
  else if ('order' in answer) lines.push('   Your order:', ...answer.order.map((id, i) => `     ${i + 1}. ${text(id)}`));
  else if ('reply' in answer) lines.push(`   Your reply: ${highlightReply(answer.reply, graded.rubricResults?.flatMap((r) => r.evidence) ?? [], color)}`);

  const key = graded.key;
  if (key && !graded.correct) {
    if ('optionIds' in key) lines.push(color.green(`   Right answer: ${key.optionIds.map(text).join('; ')}`));
    else if ('order' in key) lines.push(color.green('   Right order:'), ...key.order.map((id, i) => color.green(`     ${i + 1}. ${text(id)}`)));
  }
  if (key && 'thresholds' in key) {
    const met = new Set(graded.thresholdsMet ?? []);
    const needs = (Object.entries(key.thresholds) as [RubricId, number][]).map(([r, level]) => `${met.has(r) ? color.green('✓') : color.red('✗')} ${LABELS[r]} ${level}+`);
    lines.push(`   To pass: ${needs.join(', ')}`);
    for (const result of graded.rubricResults ?? []) {
      lines.push(...formatRubricResult((answer && 'reply' in answer ? answer.reply : ''), result, rubrics.find((r) => r.id === result.rubric), color).map((l) => `   ${l}`));
    }
    if (graded.example) lines.push(`   ${color.bold("The trainer's example:")} ${color.italic(`"${graded.example}"`)}`);
  }
  for (const f of graded.chosenFeedback) lines.push(`   ${color.dim('→')} ${text(f.optionId)}: ${f.feedback}`);
  if (graded.feedback) lines.push(`   ${graded.feedback}`);
  return lines;
}
