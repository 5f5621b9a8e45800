declare module 'virtual:parley-content' {
  /** Every lesson that compiled, in file order. */
  export const lessons: import('../core/content/lesson.ts').LessonSummary[];
  export const rubrics: import('../core/content/rubric.ts').Rubric[];
  /** Problems found in the content at build time. */
  export const diagnostics: import('../core/content/diagnostic.ts').Diagnostic[];
  /** Loads one lesson's page (its own chunk). */
  export const lessonPages: Record<string, () => Promise<{ default: import('../core/content/lesson.ts').LessonPage | undefined }>>;
  /** Every scenario that compiled without errors, for the practice catalogue. */
  export const scenarios: import('../core/scenario/scenario.ts').ScenarioSummary[];
  /** Loads one playable scenario (its own chunk). */
  export const scenarioData: Record<string, () => Promise<{ default: import('../core/scenario/scenario.ts').Scenario | undefined }>>;
  /** Every scenario file's Markdown by path (broken ones too), loaded when the studio opens it. */
  export const scenarioSources: Record<string, () => Promise<{ default: string | undefined }>>;
  /** Every quiz that has practice pools, as the practice catalogue lists it. */
  export const practiceQuizzes: import('../core/quiz/practice-catalogue.ts').PracticeQuizSummary[];
  /** Loads one quiz with its practice pools only (its own chunk; certification pools are never in the bundle). */
  export const practiceQuizData: Record<string, () => Promise<{ default: import('../core/quiz/quiz.ts').Quiz | undefined }>>;
}
