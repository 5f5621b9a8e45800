import type { User } from '../auth/user.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { ServerContext } from '../server-context.ts';
import { ATTEMPT_COLUMNS, type AttemptRow } from './attempt-record.ts';
import { settleAttempt } from './attempt-grading.ts';

/**
 * Loads an attempt the user may see, settled if its time ran out: the rep
 * who took it, or (`manager: true`) a manager of that rep's team. Anyone
 * else gets a 403; an unknown id a 404.
 */
export async function loadAttempt(server: ServerContext, user: User, id: string, allow: { manager: boolean }): Promise<AttemptRow> {
  const [row] = await server.db.query<AttemptRow & { owner_team: string | null }>(
    `select ${ATTEMPT_COLUMNS.replace(/(^|,\s*)/g, '$1a.')}, u.team_id as owner_team from attempts a join users u on u.id = a.user_id where a.id = $1`,
    [id],
  );
  if (!row) throw notFound('there is no such attempt');
  const own = row.user_id === user.id;
  const managesOwner = allow.manager && user.role === 'manager' && user.teamId !== null && row.owner_team === user.teamId;
  if (!own && !managesOwner) throw forbidden(allow.manager ? 'this attempt belongs to someone outside your team' : 'only the rep who started this attempt can change it');
  return settleAttempt(server, row);
}
