/** Every route of the web app, defined once (bulletproof-react's paths.ts). */
const at = (segment: string) => encodeURIComponent(segment);
/** `?next=` for a page to come back to after signing in; only app paths are kept. */
const next = (to: string | undefined) => (to && to.startsWith('/') && !to.startsWith('//') ? `?next=${encodeURIComponent(to)}` : '');

export const paths = {
  home: { pattern: '/', to: () => '/' },
  lessons: { pattern: '/lessons', to: () => '/lessons' },
  lesson: { pattern: '/lessons/:lessonId', to: (lessonId: string) => `/lessons/${at(lessonId)}` },
  practice: { pattern: '/practice', to: () => '/practice' },
  play: { pattern: '/practice/:scenarioId', to: (scenarioId: string) => `/practice/${at(scenarioId)}` },
  debrief: { pattern: '/runs/:runId', to: (runId: string) => `/runs/${at(runId)}` },
  progress: { pattern: '/progress', to: () => '/progress' },
  studio: { pattern: '/studio', to: () => '/studio' },
  signIn: { pattern: '/signin', to: (then?: string) => `/signin${next(then)}` },
  signUp: { pattern: '/signup', to: (invite?: string) => `/signup${invite ? `?invite=${encodeURIComponent(invite)}` : ''}` },
  team: { pattern: '/team', to: () => '/team' },
  assignments: { pattern: '/team/assignments', to: () => '/team/assignments' },
  dashboard: { pattern: '/team/dashboard', to: () => '/team/dashboard' },
  rep: { pattern: '/team/reps/:userId', to: (userId: string) => `/team/reps/${at(userId)}` },
  review: { pattern: '/team/review', to: () => '/team/review' },
  quizReply: { pattern: '/team/review/quiz/:attemptId/:questionId', to: (attemptId: string, questionId: string) => `/team/review/quiz/${at(attemptId)}/${at(questionId)}` },
  practiceReply: { pattern: '/team/review/practice/:runId/:turn', to: (runId: string, turn: number) => `/team/review/practice/${at(runId)}/${turn}` },
  quizzes: { pattern: '/quizzes', to: () => '/quizzes' },
  quiz: { pattern: '/quizzes/:quizId', to: (quizId: string) => `/quizzes/${at(quizId)}` },
  practiceQuiz: { pattern: '/quizzes/:quizId/practice', to: (quizId: string) => `/quizzes/${at(quizId)}/practice` },
  attempt: { pattern: '/attempts/:attemptId', to: (attemptId: string) => `/attempts/${at(attemptId)}` },
  certificate: { pattern: '/certificates/:certificateId', to: (id: string) => `/certificates/${at(id)}` },
  /** Public: the team server's certificates name this path as their `verifyPath`. */
  verify: { pattern: '/verify/:certificateId', to: (id: string) => `/verify/${at(id)}` },
} as const;
