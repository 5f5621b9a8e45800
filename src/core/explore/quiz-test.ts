import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import type { RubricId } from '../content/vocabulary.ts';
import { thresholdsMetBy } from '../quiz/grade.ts';
import { questionsOf, type Quiz } from '../quiz/quiz.ts';
import type { ReplyScorer } from '../scoring/reply-scorer.ts';

/** What the tester found in one quiz. */
export interface QuizTestReport {
  quiz: string;
  file: string;
  /** Reply questions whose example was scored. */
  checked: number;
  /** PARLEY089 warnings: examples that would not meet their own thresholds. */
  diagnostics: Diagnostic[];
  /** Reply questions with no example, so nothing shows that their thresholds can be met. */
  withoutExample: string[];
}

/**
 * Scores each reply question's `**Example:**` with the given scorer (the
 * deterministic one in `parley test`) and warns when it would not meet the
 * question's thresholds: a rep writing that reply would not get full marks.
 */
export function testQuiz(quiz: Quiz, scorer: ReplyScorer): QuizTestReport {
  const diagnostics: Diagnostic[] = [];
  const withoutExample: string[] = [];
  let checked = 0;
  for (const question of questionsOf(quiz)) {
    if (question.type !== 'reply') continue;
    if (!question.example) {
      withoutExample.push(question.id);
      continue;
    }
    checked++;
    const rubrics = Object.keys(question.thresholds) as RubricId[];
    const results = scorer.score(question.example, { buyer: question.buyer, known: question.known, keyPoints: [] }, rubrics);
    const met = thresholdsMetBy(question, results);
    const short = rubrics.filter((r) => !met.includes(r));
    if (short.length === 0) continue;
    const misses = short.map((r) => `${r} scored ${results.find((x) => x.rubric === r)?.level ?? 'nothing'}, needs ${question.thresholds[r]}`);
    diagnostics.push(
      diagnostic(
        quiz.file,
        question.exampleAt ?? { line: question.line, column: 1 },
        'PARLEY089',
        `the example reply to "${question.id}" would not pass: ${misses.join('; ')}`,
        'sharpen the example, or see how the scorer reads it with npx parley score --buyer "..." --reply "..."',
      ),
    );
  }
  return { quiz: quiz.id, file: quiz.file, checked, diagnostics, withoutExample };
}
