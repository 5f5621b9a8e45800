import { serve as listen } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/app.ts';
import type { Terminal } from '../terminal.ts';

export const SERVE_HELP = `Usage: parley serve [--port N] [--host HOST] [--dir DIR]

Serves the built web app (and, later, the team API) on localhost.

Options:
  --port N     port to listen on (default 4173, or $PORT)
  --host HOST  address to bind (default 127.0.0.1)
  --dir DIR    folder of the built app (default dist)
  -h, --help   show this help

Exit codes: 0 stopped cleanly, 1 could not start, 2 bad usage.`;

/** `parley serve`: runs until interrupted. */
export async function serve(args: string[], terminal: Terminal, root: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4173' },
      host: { type: 'string', default: '127.0.0.1' },
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
  const staticDir = join(root, values.dir);
  if (!existsSync(join(staticDir, 'index.html'))) {
    terminal.err(`parley serve: no built app in ${values.dir}/ (run "npm run build" first)`);
    return 1;
  }
  const app = createApp({ staticDir });
  return await new Promise<number>((resolve) => {
    const server = listen({ fetch: app.fetch, port, hostname: values.host }, (info) => {
      terminal.out(`Parley is running at http://${values.host}:${info.port}/  (Ctrl+C to stop)`);
    });
    server.on('error', (error: NodeJS.ErrnoException) => {
      terminal.err(`parley serve: ${error.code === 'EADDRINUSE' ? `port ${port} is already in use (try --port)` : error.message}`);
      resolve(1);
    });
    const stop = () => server.close(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
