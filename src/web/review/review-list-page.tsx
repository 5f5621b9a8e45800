import { Link, useSearchParams } from 'react-router';
import { LABELS } from '../../core/content/vocabulary.ts';
import { RequireAccount } from '../account/require-account.tsx';
import type { ScoredReply } from '../api/api-types.ts';
import { ApiStateView } from '../api/api-state-view.tsx';
import { useApi } from '../api/use-api.ts';
import { paths } from '../paths.ts';
import { formatMoment } from '../shell/date-format.ts';
import { TeamNav } from '../team/team-nav.tsx';

/** Where one scored reply is reviewed. */
export function replyPath(reply: ScoredReply): string {
  return reply.source === 'quiz' ? paths.quizReply.to(reply.attemptId ?? '', reply.questionId ?? '') : paths.practiceReply.to(reply.runId ?? '', reply.turn ?? 0);
}

/** "Empathy 3/4 (scorer 2)": the level that counts, and the scorer's when a reviewer changed it. */
export function levelsLine(reply: Pick<ScoredReply, 'results'>): string {
  return reply.results.map((r) => `${LABELS[r.rubric]} ${r.level}/4${r.scoredLevel !== undefined && r.scoredLevel !== r.level ? ` (scorer ${r.scoredLevel})` : ''}`).join(' · ');
}

/** `/team/review`: every scored reply of the team (quiz reply questions and synced practice), to open and review. */
export function ReviewListPage() {
  return (
    <RequireAccount role="manager" what="Reviewing scored replies">
      {() => (
        <section className="page">
          <h1>Review scored replies</h1>
          <TeamNav />
          <ReviewList />
        </section>
      )}
    </RequireAccount>
  );
}

function ReviewList() {
  const [params, setParams] = useSearchParams();
  const source = params.get('source') ?? '';
  const overridden = params.get('overridden') ?? '';
  const rep = params.get('rep') ?? '';
  const query = new URLSearchParams({ ...(source ? { source } : {}), ...(overridden ? { overridden } : {}) }).toString();
  const replies = useApi<{ replies: ScoredReply[] }>(`/api/team/replies${query ? `?${query}` : ''}`);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <p>Open a reply to see its evidence and set a rubric level by hand. The level you set counts everywhere: in the attempt's score, the dashboard and the CSV.</p>
      <div className="filters">
        <label htmlFor="review-source">Source</label>
        <select id="review-source" value={source} onChange={(e) => set('source', e.target.value)}>
          <option value="">Quizzes and practice</option>
          <option value="quiz">Certification quizzes</option>
          <option value="practice">Synced practice</option>
        </select>
        <label htmlFor="review-overridden">Reviewed</label>
        <select id="review-overridden" value={overridden} onChange={(e) => set('overridden', e.target.value)}>
          <option value="">Either</option>
          <option value="false">Not reviewed yet</option>
          <option value="true">Already reviewed</option>
        </select>
      </div>
      <ApiStateView state={replies} what="scored replies" retry={() => void replies.reload()}>
        {({ replies: all }) => {
          const list = rep ? all.filter((r) => r.rep.id === rep) : all;
          return (
            <>
              {rep && (
                <p className="meta">
                  Showing one rep's replies. <button type="button" className="secondary small" onClick={() => set('rep', '')}>Show everyone's</button>
                </p>
              )}
              {list.length === 0 ? (
                <p>No scored replies match.</p>
              ) : (
                <table className="data-table">
                  <caption>{list.length} scored {list.length === 1 ? 'reply' : 'replies'}, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Rep</th>
                      <th scope="col">From</th>
                      <th scope="col">Levels</th>
                      <th scope="col">Reply</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((r) => (
                      <tr key={replyPath(r)}>
                        <td>{formatMoment(r.at)}</td>
                        <td>{r.rep.name}</td>
                        <td>
                          {r.title} <span className="meta">({r.source === 'quiz' ? 'quiz' : 'practice'})</span>
                        </td>
                        <td>
                          {levelsLine(r)}
                          {r.overrides.length > 0 && <div className="meta">{r.overrides.length} {r.overrides.length === 1 ? 'change' : 'changes'} by reviewers</div>}
                        </td>
                        <td>
                          <Link to={replyPath(r)}>“{r.reply.length > 60 ? `${r.reply.slice(0, 60)}…` : r.reply}”</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </ApiStateView>
    </>
  );
}
