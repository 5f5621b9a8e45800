import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Idle keep-alive connections stay open this long. Longer than the usual
 * load balancer idle timeout (60 s), so the balancer, not the server,
 * closes an idle connection, and a request never races a closing socket.
 */
const KEEP_ALIVE_MS = 65_000;

/** Serves `fetch` on a port (0 picks a free one); resolves once listening, or rejects (e.g. EADDRINUSE). */
export function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }) as Server;
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
