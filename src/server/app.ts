import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { relative } from 'node:path';
import { currentUser } from './auth/current-user.ts';
import { ApiError, errorBody, errorResponse } from './http/api-error.ts';
import { sameOriginGuard } from './http/request-origin.ts';
import { accountRoutes } from './routes/accounts.ts';
import { assignmentRoutes } from './routes/assignments.ts';
import { attemptRoutes } from './routes/attempts.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { healthRoutes } from './routes/health.ts';
import { practiceRoutes } from './routes/practice.ts';
import { quizRoutes } from './routes/quizzes.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { teamRoutes } from './routes/teams.ts';
import type { ServerContext, ServerEnv } from './server-context.ts';

export interface AppOptions {
  /** Folder of the built web app (vite's `dist/`); without it only the API is served. */
  staticDir?: string;
  /** Origins besides the server's own that may send state-changing requests (`PARLEY_ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  /** Where unexpected errors are reported (default: stderr). */
  logError?: (error: unknown) => void;
}

/** Largest request body in general, and for a practice sync (many runs with their transcripts). */
export const BODY_LIMIT = 256 * 1024;
export const SYNC_BODY_LIMIT = 4 * 1024 * 1024;

const tooLarge = (limit: number) => {
  const error = new ApiError(413, 'too_large', `the body is over ${Math.round(limit / 1024)} KB`);
  return bodyLimit({ maxSize: limit, onError: (c) => errorResponse(c, error) });
};

/**
 * The HTTP app: the team API under /api, and the built web app as static
 * files with client-side routes (e.g. /lessons/spin-selling) answered by
 * index.html. Holds no state of its own: everything lives in the database.
 */
export function createApp(server: ServerContext, options: AppOptions = {}): Hono<ServerEnv> {
  const logError = options.logError ?? ((error: unknown) => console.error('parley server:', error));
  const app = new Hono<ServerEnv>();
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }));

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) return c.json({ error: 'bad_request', reason: error.message || 'the request could not be read' }, error.status);
    logError(error);
    // Never the error's message or stack: they can name tables, paths or values.
    return c.json(errorBody(new ApiError(500, 'internal', 'the server could not handle this request; it has been logged')), 500);
  });

  const api = new Hono<ServerEnv>();
  const generalLimit = tooLarge(BODY_LIMIT);
  const syncLimit = tooLarge(SYNC_BODY_LIMIT);
  const limitBody: MiddlewareHandler = (c, next) => (c.req.path === '/api/practice/runs' ? syncLimit(c, next) : generalLimit(c, next));
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  api.use('*', sameOriginGuard(options.allowedOrigins ?? []));
  api.use('*', limitBody);
  api.use('*', currentUser(server));
  api.route('/', healthRoutes(server));
  api.route('/', accountRoutes(server));
  api.route('/', teamRoutes(server));
  api.route('/', quizRoutes(server));
  api.route('/', attemptRoutes(server));
  api.route('/', certificateRoutes(server));
  api.route('/', practiceRoutes(server));
  api.route('/', assignmentRoutes(server));
  api.route('/', dashboardRoutes(server));
  api.route('/', reviewRoutes(server));
  api.all('*', (c) => errorResponse(c, new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`)));
  app.route('/api', api);

  if (options.staticDir) {
    // serveStatic resolves `root` against the working directory.
    const root = relative(process.cwd(), options.staticDir) || '.';
    app.use('/assets/*', serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
    app.use('*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  app.notFound((c) => c.json({ error: 'not_found', reason: `nothing at ${c.req.path}` }, 404));
  return app;
}
