import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { compileLesson, suggestLessonId, type Lesson } from './lesson.ts';
import { lessonIdOfLink } from './markdown-source.ts';
import { compileRubric, type Rubric } from './rubric.ts';
import { parseFrontMatter } from './front-matter.ts';
import { compileQuiz } from '../quiz/compile-quiz.ts';
import type { Quiz } from '../quiz/quiz.ts';
import { compileScenario } from '../scenario/compile-scenario.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** A content file as read by a face or adapter: a path (forward slashes) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** What kind of content a file holds, decided by the folder it lives in. */
export type ContentKind = 'lesson' | 'rubric' | 'quiz' | 'scenario';

/** Every compiled piece of content, plus all diagnostics across files. */
export interface ContentSet {
  lessons: Lesson[];
  rubrics: Rubric[];
  /** Scenarios that compiled without errors (a scenario with errors is not playable). */
  scenarios: Scenario[];
  /** Quizzes that compiled without errors (a quiz with errors could grade wrongly). */
  quizzes: Quiz[];
  diagnostics: Diagnostic[];
}

export interface CompileContentOptions {
  /**
   * Files that are only context: they resolve references (related lessons,
   * links) but their own diagnostics are not reported. Used when linting a
   * subset of files against the project's library.
   */
  context?: readonly SourceFile[];
}

/** The kind of a content file from its path, or undefined when it is not content Parley knows. */
export function contentKindOf(path: string): ContentKind | undefined {
  if (!path.endsWith('.md')) return undefined;
  const dirs = path.split('/').slice(0, -1);
  for (let i = dirs.length - 1; i >= 0; i--) {
    switch (dirs[i]) {
      case 'lessons':
        return 'lesson';
      case 'rubrics':
        return 'rubric';
      case 'quizzes':
        return 'quiz';
      case 'scenarios':
        return 'scenario';
    }
  }
  return undefined;
}

/**
 * Compiles a set of content files and checks references between them:
 * duplicate ids, related lessons that do not exist, broken lesson links,
 * lessons named by scenarios and quizzes.
 */
export function compileContent(files: readonly SourceFile[], options: CompileContentOptions = {}): ContentSet {
  const reported = new Set(files.map((f) => f.path));
  const all = [...files, ...(options.context ?? []).filter((f) => !reported.has(f.path))];
  const diagnostics: Diagnostic[] = [];
  const lessons: Lesson[] = [];
  const rubrics: Rubric[] = [];
  const scenarioFiles: SourceFile[] = [];
  const quizFiles: SourceFile[] = [];

  for (const file of all) {
    const report = (ds: Diagnostic[]) => {
      if (reported.has(file.path)) diagnostics.push(...ds);
    };
    switch (contentKindOf(file.path)) {
      case 'lesson': {
        const { value, diagnostics: ds } = compileLesson(file.text, file.path);
        report(ds);
        if (value) lessons.push(value);
        break;
      }
      case 'rubric': {
        const { value, diagnostics: ds } = compileRubric(file.text, file.path);
        report(ds);
        if (value) rubrics.push(value);
        break;
      }
      case 'scenario':
        // Compiled after the lessons, which scenarios link to.
        scenarioFiles.push(file);
        break;
      case 'quiz':
        // Compiled after the lessons, which quizzes name.
        quizFiles.push(file);
        break;
      default:
        report([
          diagnostic(file.path, { line: 1, column: 1 }, 'PARLEY005', 'Parley does not know what kind of content this file is', 'put lessons in content/lessons/, rubrics in content/rubrics/, quizzes in content/quizzes/ and scenarios in scenarios/'),
        ]);
    }
  }

  const seen = new Map<string, Lesson>();
  for (const lesson of lessons) {
    const first = seen.get(lesson.id);
    if (first) {
      if (reported.has(lesson.source.file)) {
        diagnostics.push(
          diagnostic(lesson.source.file, lesson.source.idAt, 'PARLEY020', `lesson id "${lesson.id}" is already used by ${first.source.file}`, 'give each lesson its own id'),
        );
      }
      continue;
    }
    seen.set(lesson.id, lesson);
  }
  const seenRubrics = new Map<string, Rubric>();
  for (const rubric of rubrics) {
    const first = seenRubrics.get(rubric.id);
    if (first && reported.has(rubric.file)) {
      diagnostics.push(diagnostic(rubric.file, { line: 2, column: 1 }, 'PARLEY020', `rubric id "${rubric.id}" is already used by ${first.file}`, 'each rubric id may be defined once'));
    }
    if (!first) seenRubrics.set(rubric.id, rubric);
  }

  for (const lesson of lessons) {
    if (!reported.has(lesson.source.file)) continue;
    lesson.related.forEach((id, i) => {
      if (!seen.has(id)) {
        diagnostics.push(diagnostic(lesson.source.file, lesson.source.relatedAt[i]!, 'PARLEY021', `related lesson "${id}" does not exist`, suggestion(id, seen)));
      }
    });
    for (const link of lesson.source.links) {
      const id = lessonIdOfLink(link.href);
      if (id !== undefined && !seen.has(id)) {
        diagnostics.push(diagnostic(lesson.source.file, link, 'PARLEY022', `the link "${link.href}" points to no lesson`, suggestion(id, seen)));
      }
    }
  }

  const lessonIds = new Set(seen.keys());
  const scenarios = new Map<string, Scenario>();
  for (const file of scenarioFiles) {
    const { value, diagnostics: ds } = compileScenario(file.text, file.path, { lessonIds });
    const report = reported.has(file.path);
    if (report) diagnostics.push(...ds);
    if (!value || hasErrors(ds)) continue;
    const first = scenarios.get(value.id);
    if (first) {
      if (report) diagnostics.push(diagnostic(file.path, { line: 2, column: 1 }, 'PARLEY020', `scenario id "${value.id}" is already used by ${first.file}`, 'give each scenario its own id'));
      continue;
    }
    scenarios.set(value.id, value);
  }

  const quizzes = new Map<string, Quiz>();
  for (const file of quizFiles) {
    const { value, diagnostics: ds } = compileQuiz(file.text, file.path, { lessonIds });
    const report = reported.has(file.path);
    if (report) diagnostics.push(...ds);
    if (!value) continue;
    const first = quizzes.get(value.id);
    if (first) {
      if (report) {
        const at = parseFrontMatter(file.text, file.path).value.valueAt(['id']);
        diagnostics.push(diagnostic(file.path, at, 'PARLEY020', `quiz id "${value.id}" is already used by ${first.file}`, 'give each quiz its own id; attempts and certificates are recorded by it'));
      }
      continue;
    }
    quizzes.set(value.id, value);
  }

  return {
    lessons: [...seen.values()],
    rubrics: [...seenRubrics.values()],
    scenarios: [...scenarios.values()],
    quizzes: [...quizzes.values()],
    diagnostics: sortDiagnostics(diagnostics),
  };
}

function suggestion(id: string, lessons: Map<string, Lesson>): string {
  return suggestLessonId(id, lessons.keys());
}
