import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { relative } from 'node:path';

export interface AppOptions {
  /** Folder of the built web app (vite's `dist/`). */
  staticDir: string;
}

/**
 * The HTTP app: serves the built web app as static files, with client-side
 * routes (e.g. /lessons/spin-selling) answered by index.html.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  // serveStatic resolves `root` against the working directory.
  const root = relative(process.cwd(), options.staticDir) || '.';
  app.use('/assets/*', serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root }));
  app.get('/api/*', (c) => c.json({ error: 'not found', path: c.req.path }, 404));
  app.get('*', serveStatic({ root, path: 'index.html' }));
  return app;
}
