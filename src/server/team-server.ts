import { RUBRIC_IDS } from '../core/content/vocabulary.ts';
import { createRubricScorer } from '../core/scoring/score-reply.ts';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from './app.ts';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './auth/login-limit.ts';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './auth/password.ts';
import { applyMigrations } from './db/migrations.ts';
import { openDatabase, type DatabaseLocation } from './db/open-database.ts';
import type { Database } from './db/database.ts';
import { recordQuizVersions } from './quiz/quiz-versions.ts';
import { loadServerContent, type ServerContent } from './server-content.ts';
import type { ServerContext, ServerEnv } from './server-context.ts';

export interface TeamServerOptions extends AppOptions {
  /** The project root whose content/ and scenarios/ the server loads. */
  root: string;
  /** Where the data lives. */
  database: DatabaseLocation;
  /** Content already compiled (tests pass their own); read from `root` when absent. */
  content?: ServerContent;
  clock?: () => Date;
  /** argon2id cost; only tests lower it, explicitly. */
  passwordCost?: PasswordCost;
  loginLimit?: LoginLimit;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (`PARLEY_TRUST_PROXY=1`). */
  trustProxy?: boolean;
}

/** A ready server: the app to serve, what it runs on, and how to shut it down. */
export interface TeamServer {
  app: Hono<ServerEnv>;
  context: ServerContext;
  /** The schema version after migrating. */
  migration: number;
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date, compiles the content
 * and builds the app. Everything the server knows at run time is in the
 * database, so any number of these can serve one PostgreSQL.
 */
export async function openTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const content = options.content ?? (await loadServerContent(options.root));
  const db: Database = await openDatabase(options.database);
  try {
    const migration = await applyMigrations(db);
    await recordQuizVersions(db, content.quizzes.values(), new Date());
    const context: ServerContext = {
      db,
      clock: options.clock ?? (() => new Date()),
      content,
      scorer: createRubricScorer({ coaching: content.rubrics }),
      passwordCost: options.passwordCost ?? DEFAULT_PASSWORD_COST,
      loginLimit: options.loginLimit ?? DEFAULT_LOGIN_LIMIT,
      trustProxy: options.trustProxy ?? false,
    };
    // The scorer loads its language model on first use (about a second): do it now, not in the first rep's submission.
    context.scorer.score('Warming up the scorer.', { buyer: '', known: [], keyPoints: [] }, RUBRIC_IDS);
    return { app: createApp(context, options), context, migration, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
