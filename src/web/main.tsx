import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { useSession } from './account/session-store.ts';
import { useProgress } from './progress/progress-store.ts';
import { createRouter } from './router.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Saved progress loads alongside the first render; pages that need it wait for it.
void useProgress.getState().load();
// Who is signed in (or whether a team server answers at all) is asked once, at start.
void useSession.getState().load();
// Practice sync is its own chunk, loaded once a rep is signed in; from then on it follows sign-ins and finished runs.
const stopWatching = useSession.subscribe((session) => {
  if (session.user?.role !== 'rep') return;
  stopWatching();
  void import('./progress/practice-sync.ts').then((sync) => sync.startPracticeSync());
});
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={createRouter()} />
  </StrictMode>,
);
