import { useParams } from 'react-router';
import type { Verification } from '../api/api-types.ts';
import { problemText } from '../api/api-client.ts';
import { useApi } from '../api/use-api.ts';
import { formatDay, formatMoment } from '../shell/date-format.ts';

const HEADING = { valid: 'Valid certificate', expired: 'Expired certificate', revoked: 'Revoked certificate' } as const;

/**
 * `/verify/:certificateId`: public, no account needed. Anyone holding a
 * certificate's link or id can check that the team server issued it, to
 * whom, and whether it is still valid.
 */
export function VerifyPage() {
  const { certificateId = '' } = useParams();
  const state = useApi<Verification>(`/api/certificates/${encodeURIComponent(certificateId)}/verify`);
  return (
    <article className="page narrow verify-page">
      {state.status === 'loading' && (
        <>
          <h1>Certificate check</h1>
          <p role="status">Checking the certificate…</p>
        </>
      )}
      {state.status === 'failed' && (
        <>
          <h1>{state.problem.status === 404 ? 'No such certificate' : 'Certificate check'}</h1>
          <p role="alert" className="notice">
            {state.problem.status === 404
              ? `No certificate has the id ${certificateId}. Check that the link or id was copied in full.`
              : state.problem.error === 'no_server'
                ? 'Certificates are checked by the team server that issued them, and this copy of Parley runs without one.'
                : `The certificate could not be checked: ${problemText(state.problem)}`}
          </p>
        </>
      )}
      {state.status === 'ready' && (
        <>
          <h1>{HEADING[state.data.status]}</h1>
          <div className={`verification verification-${state.data.status}`} role="status">
            <p>
              {state.data.status === 'valid'
                ? `This certificate is valid: ${state.data.holder} holds ${state.data.certificate}.`
                : state.data.status === 'expired'
                  ? `This certificate expired on ${formatDay(state.data.expiresAt)}.`
                  : `This certificate was revoked${state.data.revokedAt ? ` on ${formatMoment(state.data.revokedAt)}` : ''}${state.data.revokedReason ? `: ${state.data.revokedReason}` : ''}.`}
            </p>
          </div>
          <dl className="certificate-facts">
            <div>
              <dt>Holder</dt>
              <dd>{state.data.holder}</dd>
            </div>
            <div>
              <dt>Certificate</dt>
              <dd>{state.data.certificate}</dd>
            </div>
            <div>
              <dt>Earned by passing</dt>
              <dd>{state.data.quizTitle}</dd>
            </div>
            <div>
              <dt>Issued</dt>
              <dd>{formatDay(state.data.issuedAt)}</dd>
            </div>
            <div>
              <dt>Valid until</dt>
              <dd>{formatDay(state.data.expiresAt)}</dd>
            </div>
            <div>
              <dt>Certificate id</dt>
              <dd>
                <code>{state.data.id}</code>
              </dd>
            </div>
          </dl>
        </>
      )}
    </article>
  );
}
