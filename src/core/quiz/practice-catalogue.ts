import type { Skill } from '../content/vocabulary.ts';
import { paperLength, poolsFor, practiceQuiz, type Quiz } from './quiz.ts';

/** A quiz as the practice catalogue lists it: no questions, and nothing of its certification pools. */
export interface PracticeQuizSummary {
  id: string;
  title: string;
  summary: string;
  /** The certificate a certification attempt (on a team server) would earn. */
  certificateName: string;
  skills: Skill[];
  lessons: string[];
  /** Questions on a practice paper. */
  questionCount: number;
}

/** The catalogue entry of a quiz that has practice pools; undefined when it has none. */
export function summarizePracticeQuiz(quiz: Quiz): PracticeQuizSummary | undefined {
  if (poolsFor(quiz, 'practice').length === 0) return undefined;
  return {
    id: quiz.id,
    title: quiz.title,
    summary: quiz.summary,
    certificateName: quiz.certificate.name,
    skills: [...quiz.skills],
    lessons: [...quiz.lessons],
    questionCount: paperLength(quiz, 'practice'),
  };
}

/**
 * What a browser may hold of a quiz to run it in practice: the practice
 * pools only (their keys included, to grade locally). The certification
 * pools, and so their questions and keys, are left out entirely.
 */
export function practiceBundle(quiz: Quiz): Quiz | undefined {
  return poolsFor(quiz, 'practice').length ? practiceQuiz(quiz) : undefined;
}
