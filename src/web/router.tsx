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
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
