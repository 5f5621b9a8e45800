/** Every route of the web app, defined once (bulletproof-react's paths.ts). */
export const paths = {
  home: { pattern: '/', to: () => '/' },
  lessons: { pattern: '/lessons', to: () => '/lessons' },
  lesson: { pattern: '/lessons/:lessonId', to: (lessonId: string) => `/lessons/${encodeURIComponent(lessonId)}` },
} as const;
