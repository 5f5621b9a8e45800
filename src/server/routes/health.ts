import { Hono } from 'hono';
import { schemaVersion } from '../db/migrations.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';

/** `GET /api/health`: the database answers, which kind it is, and the schema's version. */
export function healthRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/health', async (c) => {
    try {
      return c.json({ ok: true, database: server.db.kind, migration: await schemaVersion(server.db) });
    } catch {
      return c.json({ ok: false, error: 'unavailable', reason: 'the database is not answering', database: server.db.kind }, 503);
    }
  });
  return app;
}
