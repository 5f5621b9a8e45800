import { compileContent } from '../core/content/content-set.ts';
import type { Diagnostic } from '../core/content/diagnostic.ts';
import type { Rubric } from '../core/content/rubric.ts';
import type { Skill } from '../core/content/vocabulary.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import { readProjectContent } from '../node/content-files.ts';

/** A scenario as the server needs it: to assign it and to label synced runs. */
export interface ScenarioEntry {
  id: string;
  title: string;
  skills: Skill[];
}

/**
 * The content the server works with, compiled once at start from the
 * project's files by the same pipeline as the linter and the web build.
 * Immutable: a content change takes a restart.
 */
export interface ServerContent {
  /** Certification quizzes by id, answer keys included: they never leave the server as such. */
  quizzes: ReadonlyMap<string, Quiz>;
  scenarios: ReadonlyMap<string, ScenarioEntry>;
  /** The rubric files whose coaching the scorer's feedback quotes. */
  rubrics: readonly Rubric[];
  /** Problems found; content with errors is left out. */
  diagnostics: readonly Diagnostic[];
}

/** Reads and compiles content/ and scenarios/ under the project root. */
export async function loadServerContent(root: string): Promise<ServerContent> {
  const set = compileContent(await readProjectContent(root));
  return {
    quizzes: new Map(set.quizzes.map((q) => [q.id, q])),
    scenarios: new Map(set.scenarios.map((s) => [s.id, { id: s.id, title: s.title, skills: s.skills }])),
    rubrics: set.rubrics,
    diagnostics: set.diagnostics,
  };
}
