import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from './home/home-page.tsx';
import { LessonLibrary } from './lessons/lesson-library.tsx';
import { paths } from './paths.ts';
import { PracticeCatalog } from './practice/practice-catalog.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { NotFound } from './shell/not-found.tsx';

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <NotFound />,
    children: [
      {
        errorElement: <NotFound />,
        children: [
          { path: paths.home.pattern, element: <HomePage /> },
          { path: paths.lessons.pattern, element: <LessonLibrary /> },
          {
            path: paths.lesson.pattern,
            // The reader (and its sanitizer) load only when a lesson is opened.
            lazy: async () => {
              const { LessonReader, lessonLoader } = await import('./lessons/lesson-reader.tsx');
              return { Component: LessonReader, loader: lessonLoader };
            },
          },
          { path: paths.practice.pattern, element: <PracticeCatalog /> },
          {
            path: paths.play.pattern,
            lazy: async () => {
              const { PlayerPage, scenarioLoader } = await import('./player/player-page.tsx');
              return { Component: PlayerPage, loader: scenarioLoader };
            },
          },
          {
            path: paths.debrief.pattern,
            lazy: async () => {
              const { DebriefPage } = await import('./debrief/debrief-page.tsx');
              return { Component: DebriefPage };
            },
          },
          {
            path: paths.progress.pattern,
            // The charts library loads only on this page.
            lazy: async () => {
              const { ProgressPage } = await import('./progress/progress-page.tsx');
              return { Component: ProgressPage };
            },
          },
          {
            path: paths.studio.pattern,
            // The editor (CodeMirror) and the graph layout load only here.
            lazy: async () => {
              const { StudioPage } = await import('./studio/studio-page.tsx');
              return { Component: StudioPage };
            },
          },
          // Accounts and the team: each page its own chunk, so home stays small.
          { path: paths.signIn.pattern, lazy: async () => ({ Component: (await import('./account/sign-in-page.tsx')).SignInPage }) },
          { path: paths.signUp.pattern, lazy: async () => ({ Component: (await import('./account/sign-up-page.tsx')).SignUpPage }) },
          { path: paths.team.pattern, lazy: async () => ({ Component: (await import('./team/team-page.tsx')).TeamPage }) },
          { path: paths.assignments.pattern, lazy: async () => ({ Component: (await import('./team/assignments-page.tsx')).AssignmentsPage }) },
          { path: paths.dashboard.pattern, lazy: async () => ({ Component: (await import('./team/dashboard-page.tsx')).DashboardPage }) },
          { path: paths.rep.pattern, lazy: async () => ({ Component: (await import('./team/rep-page.tsx')).RepPage }) },
          { path: paths.review.pattern, lazy: async () => ({ Component: (await import('./review/review-list-page.tsx')).ReviewListPage }) },
          { path: paths.quizReply.pattern, lazy: async () => ({ Component: (await import('./review/review-reply-page.tsx')).QuizReplyPage }) },
          { path: paths.practiceReply.pattern, lazy: async () => ({ Component: (await import('./review/review-reply-page.tsx')).PracticeReplyPage }) },
          // Quizzes: certification on the team server, practice in the browser.
          { path: paths.quizzes.pattern, lazy: async () => ({ Component: (await import('./quiz/quiz-list-page.tsx')).QuizListPage }) },
          { path: paths.quiz.pattern, lazy: async () => ({ Component: (await import('./quiz/quiz-page.tsx')).QuizPage }) },
          {
            path: paths.practiceQuiz.pattern,
            lazy: async () => {
              const { PracticeQuizPage, practiceQuizLoader } = await import('./quiz/practice-quiz-page.tsx');
              return { Component: PracticeQuizPage, loader: practiceQuizLoader };
            },
          },
          { path: paths.attempt.pattern, lazy: async () => ({ Component: (await import('./quiz/attempt-page.tsx')).AttemptPage }) },
          { path: paths.certificate.pattern, lazy: async () => ({ Component: (await import('./certificates/certificate-page.tsx')).CertificatePage }) },
          { path: paths.verify.pattern, lazy: async () => ({ Component: (await import('./certificates/verify-page.tsx')).VerifyPage }) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
