import type { ReplyScorer } from '../core/scoring/reply-scorer.ts';
import type { LoginLimit } from './auth/login-limit.ts';
import type { PasswordCost } from './auth/password.ts';
import type { User } from './auth/user.ts';
import type { Database } from './db/database.ts';
import type { ProxyTrust } from './http/request-origin.ts';
import type { ServerContent } from './server-content.ts';

/** What every route needs, made once at start and shared (none of it changes per request). */
export interface ServerContext extends ProxyTrust {
  db: Database;
  /** The server's clock; tests move it to pass deadlines and expiries. */
  clock: () => Date;
  content: ServerContent;
  /** The deterministic rubric scorer that grades reply questions. */
  scorer: ReplyScorer;
  passwordCost: PasswordCost;
  loginLimit: LoginLimit;
}

/** Hono's per-request variables. */
export interface ServerEnv {
  Variables: { user: User | undefined };
}
