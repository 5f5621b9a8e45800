import { closest, distance } from 'fastest-levenshtein';
import { contentHash } from '../content/content-hash.ts';
import { diagnostic, hasErrors, type Compiled, type DiagnosticCode, type SourcePosition } from '../content/diagnostic.ts';
import { parseFrontMatter, type FrontMatter } from '../content/front-matter.ts';
import { validateFrontMatter } from '../content/front-matter-schema.ts';
import { suggestLessonId } from '../content/lesson.ts';
import { parseQuizBody, type ParsedSection } from './quiz-body.ts';
import { QUIZ_HINTS, quizSchema, type QuizFrontMatter } from './quiz-front-matter.ts';
import type { Question, Quiz, QuizPool } from './quiz.ts';

export interface CompileQuizOptions {
  /** Ids of the lessons that exist; when given, an unknown id in `lessons:` is reported (PARLEY021). */
  lessonIds?: ReadonlySet<string>;
}

type Report = (at: SourcePosition, code: DiagnosticCode, message: string, hint: string) => void;

/**
 * Compiles a quiz file into a typed `Quiz` plus diagnostics. Never throws.
 * `value` is present only when there is no error (warnings allowed): a quiz
 * with an error could grade a rep wrongly, so nothing should run it.
 */
export function compileQuiz(text: string, file: string, options: CompileQuizOptions = {}): Compiled<Quiz> {
  const { value: fm, diagnostics } = parseFrontMatter(typeof text === 'string' ? text : '', file);
  const report: Report = (at, code, message, hint) => diagnostics.push(diagnostic(file, at, code, message, hint));
  const checked = fm.ok ? validateFrontMatter(fm, quizSchema, file, QUIZ_HINTS) : { value: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  // Without a front matter block the body's start is unknown: one root cause, one diagnostic.
  const blockFound = !diagnostics.some((d) => d.code === 'PARLEY001' || d.code === 'PARLEY002');
  const body = blockFound ? parseQuizBody(fm.body, fm.bodyLine, file) : { introMarkdown: '', sections: [], diagnostics: [] };
  diagnostics.push(...body.diagnostics);
  checkSections(body.sections, report);
  const meta = checked.value;
  if (!meta) return { value: undefined, diagnostics };

  checkPools(meta, fm, body.sections, report);
  if (options.lessonIds) {
    meta.lessons.forEach((id, i) => {
      if (!options.lessonIds!.has(id)) report(fm.valueAt(['lessons', i]), 'PARLEY021', `the lesson "${id}" does not exist`, suggestLessonId(id, options.lessonIds!));
    });
  }
  const expected = `${meta.id}.md`;
  if (file !== expected && !file.endsWith(`/${expected}`)) {
    report(fm.valueAt(['id']), 'PARLEY023', `quiz id "${meta.id}" does not match the file name`, `rename the file to ${expected}`);
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  const entries = new Map(meta.pools.map((p) => [p.id, p]));
  const pools: QuizPool[] = body.sections.map((section) => {
    const entry = entries.get(section.id)!;
    return {
      id: section.id,
      title: section.title,
      pick: entry.pick,
      practice: entry.practice,
      line: section.at.line,
      introMarkdown: section.introMarkdown,
      questions: section.questions.map((q) => q.question as Question),
    };
  });
  const quiz: Quiz = {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    introMarkdown: body.introMarkdown,
    certificate: { name: meta.certificate.name, validDays: meta.certificate.valid_days },
    timeLimitMinutes: meta.time_limit_minutes,
    onTimeout: meta.on_timeout,
    passMark: meta.pass_mark,
    attempts: meta.attempts,
    shuffle: meta.shuffle,
    skills: meta.skills,
    lessons: meta.lessons,
    pools,
    contentHash: contentHash(text),
    file,
  };
  return { value: quiz, diagnostics };
}

/** Checks the body alone: duplicate pools and question ids, pools without questions. */
function checkSections(sections: readonly ParsedSection[], report: Report) {
  const pools = new Map<string, ParsedSection>();
  const questions = new Map<string, SourcePosition>();
  for (const section of sections) {
    const first = pools.get(section.id);
    if (first) {
      report(section.at, 'PARLEY081', `a pool with the id "${section.id}" already exists (line ${first.at.line})`, 'give each "##" heading a different title; the pool id is made from the title');
    } else {
      pools.set(section.id, section);
    }
    if (section.questions.length === 0) {
      report(section.at, 'PARLEY086', `the pool "${section.title}" has no questions`, 'add "### Question" headings under it, or remove the pool');
    }
    for (const question of section.questions) {
      const seen = questions.get(question.id);
      if (seen) {
        report(question.at, 'PARLEY080', `a question with the id "${question.id}" already exists (line ${seen.line})`, 'give each "###" heading a different title; the question id is made from the title and is recorded with every answer');
      } else {
        questions.set(question.id, question.at);
      }
    }
  }
}

/** Checks the front matter's pools against the body's sections. */
function checkPools(meta: QuizFrontMatter, fm: FrontMatter, sections: readonly ParsedSection[], report: Report) {
  const bySlug = new Map<string, ParsedSection>();
  for (const section of sections) if (!bySlug.has(section.id)) bySlug.set(section.id, section);
  const listed = new Set<string>();
  meta.pools.forEach((pool, i) => {
    const at = fm.valueAt(['pools', i, 'id']);
    if (listed.has(pool.id)) {
      report(at, 'PARLEY081', `the pool "${pool.id}" is listed twice`, 'list each pool once under pools:');
      return;
    }
    listed.add(pool.id);
    const section = bySlug.get(pool.id);
    if (!section) {
      const known = [...bySlug.keys()];
      const near = known.length ? closest(pool.id, known) : undefined;
      report(
        at,
        'PARLEY082',
        `the pool "${pool.id}" has no "##" section`,
        near && distance(pool.id, near) <= 3 && !meta.pools.some((p) => p.id === near)
          ? `did you mean "${near}"? A pool's id is its heading's slug`
          : `add a "## ${pool.id}" section with its questions; a pool's id is its heading's slug, and the sections are: ${known.join(', ') || 'none'}`,
      );
      return;
    }
    if (section.questions.length > 0 && pool.pick > section.questions.length) {
      report(
        fm.valueAt(['pools', i, 'pick']),
        'PARLEY084',
        `the pool "${pool.id}" picks ${pool.pick} questions but has ${section.questions.length}`,
        `pick at most ${section.questions.length}, or write more questions in "## ${section.title}"`,
      );
    }
  });
  for (const section of bySlug.values()) {
    if (!listed.has(section.id)) {
      report(section.at, 'PARLEY083', `the section "${section.title}" is not a pool in the front matter`, `add "- { id: ${section.id}, pick: 1 }" under pools:, with practice: true if it is a practice pool`);
    }
  }
  const poolsAt = fm.keyAt(['pools']);
  if (meta.pools.every((p) => p.practice)) {
    report(poolsAt, 'PARLEY087', 'every pool is a practice pool, so a certification attempt would have no questions', 'remove "practice: true" from the pools a certification attempt should draw from');
  } else if (!meta.pools.some((p) => p.practice)) {
    report(poolsAt, 'PARLEY088', 'the quiz has no practice pool, so it cannot be practised offline', 'add a "## Warm-up" section of practice questions and list it with practice: true; only practice pools ship with the web app');
  }
}
