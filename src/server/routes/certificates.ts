import { Hono } from 'hono';
import { requireUser } from '../auth/current-user.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import { CERTIFICATE_COLUMNS, certificateJson, verificationJson, type CertificateRow } from '../quiz/certificate.ts';
import type { ServerContext, ServerEnv } from '../server-context.ts';

// Ids are 26 base32 characters; anything else cannot be one, so it is not looked up.
const CERTIFICATE_ID = /^[a-z2-7]{26}$/;

/** Public verification, the printable certificate, and my certificates. */
export function certificateRoutes(server: ServerContext): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  const find = async (id: string) => {
    const [row] = CERTIFICATE_ID.test(id) ? await server.db.query<CertificateRow>(`select ${CERTIFICATE_COLUMNS} from certificates where id = $1`, [id]) : [];
    if (!row) throw notFound('there is no certificate with this id');
    return row;
  };

  app.get('/certificates/:id/verify', async (c) => {
    const row = await find(c.req.param('id'));
    return c.json(verificationJson(row, server.clock()));
  });

  app.get('/certificates/:id', async (c) => {
    const user = requireUser(c);
    const row = await find(c.req.param('id'));
    const [detail] = await server.db.query<{ team_id: string | null; team_name: string | null; percent: number | null; pass_mark: number }>(
      `select u.team_id, t.name as team_name, a.percent, (a.paper->>'passMark')::int as pass_mark
         from certificates c join users u on u.id = c.user_id left join teams t on t.id = u.team_id join attempts a on a.id = c.attempt_id
        where c.id = $1`,
      [row.id],
    );
    const holder = row.user_id === user.id;
    const manager = user.role === 'manager' && user.teamId !== null && detail?.team_id === user.teamId;
    if (!holder && !manager) throw forbidden('only the holder and their manager can open this certificate; anyone can verify it');
    return c.json({ certificate: { ...certificateJson(row, server.clock()), team: detail?.team_name ?? null, percent: detail?.percent ?? null, passMark: detail?.pass_mark ?? null } });
  });

  app.get('/me/certificates', async (c) => {
    const user = requireUser(c);
    const rows = await server.db.query<CertificateRow>(`select ${CERTIFICATE_COLUMNS} from certificates where user_id = $1 order by issued_at desc, id`, [user.id]);
    const now = server.clock();
    return c.json({ certificates: rows.map((r) => certificateJson(r, now)) });
  });

  return app;
}
