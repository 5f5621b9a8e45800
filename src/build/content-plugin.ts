import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileContent, contentKindOf, type ContentSet, type SourceFile } from '../core/content/content-set.ts';
import { summarizeLesson, type LessonPage } from '../core/content/lesson.ts';
import { renderMarkdown } from '../core/content/markdown.ts';
import { practiceBundle, summarizePracticeQuiz } from '../core/quiz/practice-catalogue.ts';
import { summarizeScenario, type Scenario } from '../core/scenario/scenario.ts';
import { CONTENT_ROOTS, readContentFiles } from '../node/content-files.ts';

/** The virtual module the web app imports its content from. */
export const CONTENT_MODULE = 'virtual:parley-content';
const RESOLVED = `\0${CONTENT_MODULE}`;
const LESSON_PREFIX = `\0parley-lesson:`;
const SCENARIO_PREFIX = `\0parley-scenario:`;
const SOURCE_PREFIX = `\0parley-scenario-source:`;
const QUIZ_PREFIX = `\0parley-practice-quiz:`;

/** The scenario as the browser plays it: the persona's trainer-only brief stays out of the bundle. */
function playable(scenario: Scenario): Scenario {
  return { ...scenario, persona: { ...scenario.persona, brief: '' } };
}

export interface ContentPluginOptions {
  /** Project root holding content/ and scenarios/. */
  root: string;
  /** Extra folders of content to include (e.g. test fixtures for the browser tests). */
  extraDirs?: readonly string[];
}

/**
 * Compiles content/ and scenarios/ at build time with the core compiler.
 * The catalogue (summaries and diagnostics) is one small module; each
 * lesson's rendered page, each playable scenario and each quiz's practice
 * pools are their own chunk, loaded when opened (a quiz's certification
 * pools are never emitted: they stay on the team server). Under
 * `vite` (dev), saving a content file reloads the app with fresh content.
 */
export function parleyContent(options: ContentPluginOptions): Plugin {
  const dirs = [...CONTENT_ROOTS.map((d) => resolve(options.root, d)), ...(options.extraDirs ?? []).map((d) => resolve(options.root, d))];
  let cache: Promise<ContentSet & { files: SourceFile[] }> | undefined;
  const content = () => (cache ??= readContentFiles(dirs, options.root).then(({ files }) => ({ ...compileContent(files), files })));

  return {
    name: 'parley-content',
    resolveId(id) {
      if (id === CONTENT_MODULE) return RESOLVED;
      if (id.startsWith(LESSON_PREFIX) || id.startsWith(SCENARIO_PREFIX) || id.startsWith(SOURCE_PREFIX) || id.startsWith(QUIZ_PREFIX)) return id;
      return undefined;
    },
    async load(id) {
      if (id === RESOLVED) {
        const set = await content();
        const loaders = set.lessons
          .map((l) => `  ${JSON.stringify(l.id)}: () => import(${JSON.stringify(`${LESSON_PREFIX}${l.id}`)})`)
          .join(',\n');
        const scenarioLoaders = set.scenarios
          .map((s) => `  ${JSON.stringify(s.id)}: () => import(${JSON.stringify(`${SCENARIO_PREFIX}${s.id}`)})`)
          .join(',\n');
        // Every scenario file's Markdown, broken ones included, for the studio to open.
        const sources = set.files
          .filter((f) => contentKindOf(f.path) === 'scenario')
          .map((f) => `  ${JSON.stringify(f.path)}: () => import(${JSON.stringify(`${SOURCE_PREFIX}${f.path}`)})`)
          .join(',\n');
        // Practice only: the certification pools (questions and keys) never reach the bundle.
        const practiceQuizzes = set.quizzes.map(summarizePracticeQuiz).filter((q) => q !== undefined);
        const quizLoaders = practiceQuizzes.map((q) => `  ${JSON.stringify(q.id)}: () => import(${JSON.stringify(`${QUIZ_PREFIX}${q.id}`)})`).join(',\n');
        return [
          `export const lessons = ${JSON.stringify(set.lessons.map(summarizeLesson))};`,
          `export const rubrics = ${JSON.stringify(set.rubrics)};`,
          `export const diagnostics = ${JSON.stringify(set.diagnostics)};`,
          `export const lessonPages = {\n${loaders}\n};`,
          `export const scenarios = ${JSON.stringify(set.scenarios.map(summarizeScenario))};`,
          `export const scenarioData = {\n${scenarioLoaders}\n};`,
          `export const scenarioSources = {\n${sources}\n};`,
          `export const practiceQuizzes = ${JSON.stringify(practiceQuizzes)};`,
          `export const practiceQuizData = {\n${quizLoaders}\n};`,
        ].join('\n');
      }
      if (id.startsWith(LESSON_PREFIX)) {
        const lesson = (await content()).lessons.find((l) => l.id === id.slice(LESSON_PREFIX.length));
        if (!lesson) return 'export default undefined;';
        const page: LessonPage = {
          ...summarizeLesson(lesson),
          headings: lesson.headings.map(({ depth, text, slug }) => ({ depth, text, slug })),
          html: renderMarkdown(lesson.body),
        };
        return `export default ${JSON.stringify(page)};`;
      }
      if (id.startsWith(SOURCE_PREFIX)) {
        const file = (await content()).files.find((f) => f.path === id.slice(SOURCE_PREFIX.length));
        return `export default ${JSON.stringify(file?.text)};`;
      }
      if (id.startsWith(QUIZ_PREFIX)) {
        const quiz = (await content()).quizzes.find((q) => q.id === id.slice(QUIZ_PREFIX.length));
        const practice = quiz && practiceBundle(quiz);
        return `export default ${practice ? JSON.stringify(practice) : 'undefined'};`;
      }
      if (id.startsWith(SCENARIO_PREFIX)) {
        const scenario = (await content()).scenarios.find((s) => s.id === id.slice(SCENARIO_PREFIX.length));
        return `export default ${scenario ? JSON.stringify(playable(scenario)) : 'undefined'};`;
      }
      return undefined;
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(dirs);
      const onChange = (file: string) => {
        if (!file.endsWith('.md') || !dirs.some((d) => file.startsWith(d))) return;
        cache = undefined;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id === RESOLVED || mod.id?.startsWith(LESSON_PREFIX) || mod.id?.startsWith(SCENARIO_PREFIX) || mod.id?.startsWith(SOURCE_PREFIX) || mod.id?.startsWith(QUIZ_PREFIX)) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
