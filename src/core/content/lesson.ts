import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { diagnostic, type Compiled, type Diagnostic, type SourcePosition } from './diagnostic.ts';
import { parseFrontMatter } from './front-matter.ts';
import { validateFrontMatter } from './front-matter-schema.ts';
import { countWords, findHeadings, findLinks, proseLines, type SourceHeading, type SourceLink } from './markdown-source.ts';
import { LEVELS, METHODOLOGIES, SKILLS, type Level, type Methodology, type Skill } from './vocabulary.ts';

/** A lesson: reading material that teaches a method or skill. */
export interface Lesson {
  id: string;
  title: string;
  methodology: Methodology;
  skills: Skill[];
  level: Level;
  minutes: number;
  /** Ids of related lessons. */
  related: string[];
  /** Markdown body without the front matter. */
  body: string;
  headings: SourceHeading[];
  wordCount: number;
  source: LessonSource;
}

/** Where the parts of a lesson came from, for cross-file diagnostics. */
export interface LessonSource {
  file: string;
  bodyLine: number;
  idAt: SourcePosition;
  relatedAt: SourcePosition[];
  links: SourceLink[];
}

const ID = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

const lessonSchema = z.strictObject({
  id: ID,
  title: z.string().trim().min(1),
  methodology: z.enum(METHODOLOGIES),
  skills: z.array(z.enum(SKILLS)).min(1),
  level: z.enum(LEVELS),
  minutes: z.number().int().min(1).max(60),
  related: z.array(ID),
});

const HINTS = {
  id: 'use lowercase words joined by hyphens, e.g. "spin-selling"',
  title: 'give the lesson a short title in quotes',
  methodology: `use one of: ${METHODOLOGIES.join(', ')}`,
  skills: `list one or more of: ${SKILLS.join(', ')}`,
  level: `use one of: ${LEVELS.join(', ')}`,
  minutes: 'a whole number of minutes between 1 and 60',
  related: 'a list of lesson ids, e.g. [active-listening, empathy]; use [] for none',
};

/** Sections every lesson is expected to have (a missing one is a warning). */
export const LESSON_SECTIONS = ['Worked example', 'Common mistakes', 'Self-check'] as const;
export const LESSON_WORDS = { min: 600, max: 1500 } as const;

/** Compiles one lesson file. Never throws; problems are diagnostics. */
export function compileLesson(text: string, file: string): Compiled<Lesson> {
  const { value: fm, diagnostics } = parseFrontMatter(text, file);
  const lines = proseLines(fm.body, fm.bodyLine);
  const headings = findHeadings(lines);
  const checked = fm.ok ? validateFrontMatter(fm, lessonSchema, file, HINTS) : { value: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  // Without usable front matter the body's layout is unknown; one root cause, one diagnostic.
  const wordCount = countWords(lines);
  if (fm.ok) diagnostics.push(...checkBody(headings, wordCount, file, fm.bodyLine));
  const data = checked.value;
  if (!data) return { value: undefined, diagnostics };

  const expectedName = `${data.id}.md`;
  if (!file.endsWith(`/${expectedName}`) && file !== expectedName) {
    diagnostics.push(
      diagnostic(file, fm.valueAt(['id']), 'PARLEY023', `lesson id "${data.id}" does not match the file name`, `rename the file to ${expectedName} so links by file name work`),
    );
  }
  return {
    value: {
      ...data,
      body: fm.body,
      headings,
      wordCount,
      source: {
        file,
        bodyLine: fm.bodyLine,
        idAt: fm.valueAt(['id']),
        relatedAt: data.related.map((_, i) => fm.valueAt(['related', i])),
        links: findLinks(lines),
      },
    },
    diagnostics,
  };
}

function checkBody(headings: SourceHeading[], words: number, file: string, bodyLine: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const title = headings.find((h) => h.depth === 1);
  if (!title) {
    out.push(diagnostic(file, { line: bodyLine, column: 1 }, 'PARLEY030', 'the lesson has no "# Title" heading', 'start the body with a line "# " followed by the lesson title'));
  }
  const end = { line: bodyLine, column: 1 };
  for (const section of LESSON_SECTIONS) {
    if (!headings.some((h) => h.depth === 2 && h.text.toLowerCase() === section.toLowerCase())) {
      out.push(diagnostic(file, title ?? end, 'PARLEY031', `the lesson has no "## ${section}" section`, `add a "## ${section}" section; every lesson has ${LESSON_SECTIONS.join(', ')}`));
    }
  }
  if (words < LESSON_WORDS.min || words > LESSON_WORDS.max) {
    out.push(
      diagnostic(
        file,
        title ?? end,
        'PARLEY032',
        `the lesson has ${words} words`,
        `lessons read best at ${LESSON_WORDS.min}-${LESSON_WORDS.max} words; ${words < LESSON_WORDS.min ? 'add a worked example or more depth' : 'split it into two lessons'}`,
      ),
    );
  }
  return out;
}

/** What the library lists about a lesson (no body). */
export type LessonSummary = Pick<Lesson, 'id' | 'title' | 'methodology' | 'skills' | 'level' | 'minutes' | 'related' | 'wordCount'>;

/** A lesson ready to read: its summary, headings and rendered (unsanitized) HTML. */
export interface LessonPage extends LessonSummary {
  headings: Pick<SourceHeading, 'depth' | 'text' | 'slug'>[];
  html: string;
}

export function summarizeLesson(lesson: Lesson): LessonSummary {
  const { id, title, methodology, skills, level, minutes, related, wordCount } = lesson;
  return { id, title, methodology, skills, level, minutes, related, wordCount };
}

/** The hint for an unknown lesson id: the closest real id, or where ids come from. */
export function suggestLessonId(id: string, known: Iterable<string>): string {
  const ids = [...known];
  const best = ids.length ? closest(id, ids) : undefined;
  return best && distance(id, best) <= 3
    ? `did you mean "${best}"?`
    : 'check the lesson id; lesson ids are the file names in content/lessons/ without .md';
}
