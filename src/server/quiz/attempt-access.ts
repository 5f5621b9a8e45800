import type { User } from '../auth/user.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { ServerContext } from '../server-context.ts';
import { attemptColumns, type AttemptRow } from './attempt-record.ts';
import { settleAttempt } from './attempt-grading.ts';
import { CERTIFICATE_JOIN_COLUMNS, joinedCertificate, type CertificateRow } from './certificate.ts';

/** An attempt with its certificate, if it earned one. */
export interface LoadedAttempt {
  row: AttemptRow;
  certificate: CertificateRow | undefined;
}

const SELECT = `select ${attemptColumns('a')}, u.team_id as owner_team, ${CERTIFICATE_JOIN_COLUMNS}
  from attempts a join users u on u.id = a.user_id left join certificates c on c.attempt_id = a.id
  where a.id = $1`;

/** Reads an attempt and its certificate in one query. */
async function read(server: ServerContext, id: string) {
  const [row] = await server.db.query<AttemptRow & { owner_team: string | null } & Record<string, unknown>>(SELECT, [id]);
  return row;
}

/**
 * Loads an attempt the user may see, settled if its time ran out: the rep
 * who took it, or (`manager: true`) a manager of that rep's team. Anyone
 * else gets a 403; an unknown id a 404.
 */
export async function loadAttempt(server: ServerContext, user: User, id: string, allow: { manager: boolean }): Promise<LoadedAttempt> {
  const row = await read(server, id);
  if (!row) throw notFound('there is no such attempt');
  const own = row.user_id === user.id;
  const managesOwner = allow.manager && user.role === 'manager' && user.teamId !== null && row.owner_team === user.teamId;
  if (!own && !managesOwner) throw forbidden(allow.manager ? 'this attempt belongs to someone outside your team' : 'only the rep who started this attempt can change it');
  if (row.status !== 'in_progress' || row.deadline > server.clock()) return { row, certificate: joinedCertificate(row) };
  // Its time ran out: settle it, then read it again with whatever certificate that issued.
  await settleAttempt(server, row);
  const settled = (await read(server, id))!;
  return { row: settled, certificate: joinedCertificate(settled) };
}
