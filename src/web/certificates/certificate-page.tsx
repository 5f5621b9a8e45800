import { Link, useParams } from 'react-router';
import { RequireAccount } from '../account/require-account.tsx';
import type { CertificateDetail } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatDay, formatPercent } from '../shell/date-format.ts';

const STATUS_NOTE = {
  valid: '',
  expired: 'This certificate has expired.',
  revoked: 'This certificate was revoked after a review of the attempt.',
} as const;

/** `/certificates/:certificateId`: the certificate as a page to print (print styles hide the app around it). */
export function CertificatePage() {
  const { certificateId = '' } = useParams();
  return (
    <RequireAccount what="A certificate">
      {() => <PrintableCertificate id={certificateId} />}
    </RequireAccount>
  );
}

function PrintableCertificate({ id }: { id: string }) {
  const state = useApi<{ certificate: CertificateDetail }>(`/api/certificates/${encodeURIComponent(id)}`);
  return (
    <article className="page narrow certificate-page">
      <ApiStateView state={state} what="the certificate" retry={() => void state.reload()}>
        {({ certificate: c }) => {
          const verifyAt = new URL(c.verifyPath, window.location.origin).href;
          return (
            <>
              <div className={`certificate certificate-${c.status}`}>
                <p className="certificate-kicker">Parley certificate</p>
                <h1>{c.certificate}</h1>
                <p className="certificate-line">awarded to</p>
                <p className="certificate-holder">{c.holder}</p>
                <p className="certificate-line">
                  for passing <strong>{c.quizTitle}</strong>
                  {c.percent !== null && ` with ${formatPercent(c.percent)}`}
                  {c.passMark !== null && ` (pass mark ${c.passMark}%)`}
                  {c.team ? `, as a member of ${c.team}` : ''}.
                </p>
                <dl className="certificate-facts">
                  <div>
                    <dt>Issued</dt>
                    <dd>{formatDay(c.issuedAt)}</dd>
                  </div>
                  <div>
                    <dt>Valid until</dt>
                    <dd>{formatDay(c.expiresAt)}</dd>
                  </div>
                  <div>
                    <dt>Certificate id</dt>
                    <dd>
                      <code>{c.id}</code>
                    </dd>
                  </div>
                </dl>
                <p className="certificate-verify">
                  Check it at <span className="certificate-url">{verifyAt}</span>
                </p>
                {c.status !== 'valid' && <p className="notice">{STATUS_NOTE[c.status]}</p>}
              </div>
              <p className="no-print">
                <button type="button" onClick={() => window.print()}>
                  Print or save as PDF
                </button>{' '}
                <Link to={paths.verify.to(c.id)}>Open the public verification page</Link>
              </p>
            </>
          );
        }}
      </ApiStateView>
    </article>
  );
}
