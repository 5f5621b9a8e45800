import type { LessonSummary } from '../../core/content/lesson.ts';
import type { Methodology, Skill } from '../../core/content/vocabulary.ts';

/** What the library is filtered by; kept in the URL so a filtered view can be shared. */
export interface LessonFilter {
  methodology?: Methodology;
  skill?: Skill;
  query?: string;
}

/** Lessons matching every given criterion; the query matches words in the title, in any order. */
export function filterLessons(lessons: readonly LessonSummary[], filter: LessonFilter): LessonSummary[] {
  const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return lessons.filter(
    (lesson) =>
      (!filter.methodology || lesson.methodology === filter.methodology) &&
      (!filter.skill || lesson.skills.includes(filter.skill)) &&
      words.every((word) => lesson.title.toLowerCase().includes(word)),
  );
}
