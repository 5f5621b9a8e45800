import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listen } from '../../server/listen.ts';
import { openTeamServer } from '../../server/team-server.ts';
import type { Terminal } from '../terminal.ts';

export const SERVE_HELP = `Usage: parley serve [--port N] [--host HOST] [--data DIR] [--dir DIR]

Runs the team server: the built web app and the team API (accounts, teams,
certification quizzes graded on the server, the manager's dashboard).

Options:
  --port N     port to listen on (default 4173, or $PORT)
  --host HOST  address to bind (default 127.0.0.1, or $HOST; 0.0.0.0 for all)
  --data DIR   folder of the embedded database (default ./data, or $PARLEY_DATA_DIR);
               ignored when $DATABASE_URL names a PostgreSQL server
  --dir DIR    folder of the built app (default dist); without one only the API is served
  -h, --help   show this help

Environment: DATABASE_URL, PARLEY_DATA_DIR, PORT, HOST, PARLEY_TRUST_PROXY=1
(behind a proxy that sets X-Forwarded-For/-Proto), PARLEY_ALLOWED_ORIGINS
(comma-separated origins allowed to send changes). See README.md.

Exit codes: 0 stopped cleanly, 1 could not start, 2 bad usage.`;

/** `parley serve`: runs until interrupted. */
export async function serve(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4173' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      data: { type: 'string', default: process.env.PARLEY_DATA_DIR ?? 'data' },
      dir: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    terminal.out(SERVE_HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    terminal.err(`parley serve: --port must be a number from 0 to 65535, got "${values.port}"`);
    return 2;
  }
  const staticDir = resolve(root, values.dir);
  const hasApp = existsSync(resolve(staticDir, 'index.html'));
  if (!hasApp) terminal.err(`parley serve: no built app in ${values.dir}/ (run "npm run build"); serving the API only`);
  const url = process.env.DATABASE_URL || undefined;

  let server;
  try {
    server = await openTeamServer({
      root,
      database: url ? { url } : { dataDir: resolve(root, values.data) },
      staticDir: hasApp ? staticDir : undefined,
      trustProxy: process.env.PARLEY_TRUST_PROXY === '1',
      allowedOrigins: (process.env.PARLEY_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    });
  } catch (error) {
    terminal.err(`parley serve: could not open the database (${url ? 'DATABASE_URL' : values.data}): ${(error as Error).message}`);
    return 1;
  }
  const { app, context, migration } = server;
  for (const d of context.content.diagnostics.filter((d) => d.severity === 'error')) {
    terminal.err(`${d.file}:${d.line}:${d.column}: ${d.code} ${d.message} (left out until fixed)`);
  }
  let http;
  try {
    http = (await listen(app.fetch, port, values.host)).server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    terminal.err(`parley serve: ${code === 'EADDRINUSE' ? `port ${port} is already in use (try --port)` : (error as Error).message}`);
    await server.close().catch(() => {});
    return 1;
  }
  const where = url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${values.data}/`;
  const address = http.address();
  terminal.out(`Parley is running at http://${values.host}:${typeof address === 'object' && address ? address.port : port}/  (database: ${where}, schema ${migration}; Ctrl+C to stop)`);
  return await new Promise<number>((done) => {
    const stop = () => {
      http.close(async () => {
        // Closing the database flushes PGlite's files; do it before exiting.
        await server.close().catch(() => {});
        done(0);
      });
      http.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
