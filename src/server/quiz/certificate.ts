import type { Quiz } from '../../core/quiz/quiz.ts';
import type { Queryable } from '../db/database.ts';
import { newCertificateId } from '../random-token.ts';

const DAY_MS = 86_400_000;

/** A certificate as stored. */
export interface CertificateRow {
  id: string;
  attempt_id: string;
  user_id: string;
  quiz_id: string;
  name: string;
  quiz_title: string;
  holder_name: string;
  issued_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

export const CERTIFICATE_COLUMNS = 'id, attempt_id, user_id, quiz_id, name, quiz_title, holder_name, issued_at, expires_at, revoked_at, revoked_reason';

/** The certificate columns under `c_` names, for joining a certificate onto another row. */
export const CERTIFICATE_JOIN_COLUMNS = CERTIFICATE_COLUMNS.split(', ')
  .map((column) => `c.${column} as c_${column}`)
  .join(', ');

/** The certificate in a row that joined `CERTIFICATE_JOIN_COLUMNS` (undefined when the join found none). */
export function joinedCertificate(row: Record<string, unknown>): CertificateRow | undefined {
  if (row.c_id === null || row.c_id === undefined) return undefined;
  return Object.fromEntries(CERTIFICATE_COLUMNS.split(', ').map((column) => [column, row[`c_${column}`]])) as unknown as CertificateRow;
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

export function certificateStatus(row: CertificateRow, now: Date): CertificateStatus {
  return row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'valid';
}

/** What anyone may see of a certificate: enough to check it, nothing more. */
export function verificationJson(row: CertificateRow, now: Date) {
  return {
    id: row.id,
    holder: row.holder_name,
    certificate: row.name,
    quizId: row.quiz_id,
    quizTitle: row.quiz_title,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    status: certificateStatus(row, now),
    ...(row.revoked_at ? { revokedAt: row.revoked_at, revokedReason: row.revoked_reason } : {}),
  };
}

/** A certificate as its holder's lists show it. */
export function certificateJson(row: CertificateRow, now: Date) {
  return { ...verificationJson(row, now), attemptId: row.attempt_id, verifyUrl: `/api/certificates/${row.id}/verify`, verifyPath: `/verify/${row.id}` };
}

/**
 * Makes sure a passed attempt has a live certificate: issues one (valid for
 * the quiz's `valid_days` from `issuedAt`), or reinstates one a failing
 * review had revoked. One certificate per attempt at most.
 */
export async function issueCertificate(db: Queryable, attempt: { id: string; user_id: string }, quiz: Quiz, issuedAt: Date): Promise<void> {
  const [holder] = await db.query<{ name: string }>('select name from users where id = $1', [attempt.user_id]);
  await db.query(
    `insert into certificates (id, attempt_id, user_id, quiz_id, name, quiz_title, holder_name, issued_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (attempt_id) do update set revoked_at = null, revoked_reason = null`,
    [newCertificateId(), attempt.id, attempt.user_id, quiz.id, quiz.certificate.name, quiz.title, holder?.name ?? '', issuedAt, new Date(issuedAt.getTime() + quiz.certificate.validDays * DAY_MS)],
  );
}

/** Revokes an attempt's certificate, if it has a live one. */
export async function revokeCertificate(db: Queryable, attemptId: string, at: Date, reason: string): Promise<void> {
  await db.query('update certificates set revoked_at = $1, revoked_reason = $2 where attempt_id = $3 and revoked_at is null', [at, reason, attemptId]);
}

/** The certificate of each of the given attempts. */
export async function certificatesOfAttempts(db: Queryable, attemptIds: readonly string[]): Promise<Map<string, CertificateRow>> {
  if (attemptIds.length === 0) return new Map();
  const rows = await db.query<CertificateRow>(`select ${CERTIFICATE_COLUMNS} from certificates where attempt_id = any($1::text[])`, [attemptIds]);
  return new Map(rows.map((r) => [r.attempt_id, r]));
}
