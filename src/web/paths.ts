/** Every route of the web app, defined once (bulletproof-react's paths.ts). */
export const paths = {
  home: { pattern: '/', to: () => '/' },
  lessons: { pattern: '/lessons', to: () => '/lessons' },
  lesson: { pattern: '/lessons/:lessonId', to: (lessonId: string) => `/lessons/${encodeURIComponent(lessonId)}` },
  practice: { pattern: '/practice', to: () => '/practice' },
  play: { pattern: '/practice/:scenarioId', to: (scenarioId: string) => `/practice/${encodeURIComponent(scenarioId)}` },
  debrief: { pattern: '/runs/:runId', to: (runId: string) => `/runs/${encodeURIComponent(runId)}` },
  progress: { pattern: '/progress', to: () => '/progress' },
  studio: { pattern: '/studio', to: () => '/studio' },
} as const;
