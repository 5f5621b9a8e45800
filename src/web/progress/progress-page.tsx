import { useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { scenarios } from 'virtual:parley-content';
import { LABELS, SKILLS, type Skill } from '../../core/content/vocabulary.ts';
import { currentSkillLevels, localDay, scenarioRecords, skillHistory, streaks } from '../../core/progress/progress.ts';
import { paths } from '../paths.ts';
import { downloadText } from '../shell/download.ts';
import { useProgress } from './progress-store.ts';
import { useReviewedRuns } from './use-reviewed-runs.ts';
import { SyncStatus } from './sync-status.tsx';

// Distinct in light and dark themes, and told apart by the legend and the table as well as by colour.
const SKILL_COLOURS = ['#2f7ed8', '#d35400', '#16a085', '#8e44ad', '#c0392b', '#7f8c8d', '#b7950b', '#1abc9c', '#e84393', '#34495e', '#27ae60'];

/** Each skill's level run by run as one chart: one line per skill, x = the run's order. */
function SkillChart({ history }: { history: Partial<Record<Skill, { level: number; finishedAt: string }[]>> }) {
  const practised = SKILLS.filter((s) => history[s]?.length);
  const times = [...new Set(practised.flatMap((s) => history[s]!.map((p) => p.finishedAt)))].sort();
  const rows = times.map((t, i) => {
    const row: Record<string, number | string> = { run: i + 1 };
    for (const s of practised) {
      const point = history[s]!.find((p) => p.finishedAt === t);
      if (point) row[s] = point.level;
    }
    return row;
  });
  return (
    <figure className="chart" aria-label="Skill levels over time">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="run" stroke="var(--muted)" label={{ value: 'Run', position: 'insideBottomRight', offset: -4, fill: 'var(--muted)' }} />
          <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} stroke="var(--muted)" />
          <Tooltip contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }} />
          <Legend />
          {practised.map((s, i) => (
            <Line key={s} type="monotone" dataKey={s} name={LABELS[s]} stroke={SKILL_COLOURS[i % SKILL_COLOURS.length]} connectNulls dot isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Best score per scenario played. */
function ScenarioChart({ rows }: { rows: { title: string; best: number }[] }) {
  return (
    <figure className="chart" aria-label="Best score per scenario">
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 38)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis type="number" domain={[0, 100]} stroke="var(--muted)" />
          <YAxis type="category" dataKey="title" width={180} stroke="var(--muted)" />
          <Tooltip contentStyle={{ background: 'var(--surface)', color: 'var(--text)' }} />
          <Bar dataKey="best" name="Best score (%)" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Charts, streaks and history; export, import and clearing of everything saved. */
export function ProgressPage() {
  const played = useProgress((s) => s.runs);
  const { runs, reviewed } = useReviewedRuns(played);
  const active = useProgress((s) => s.active);
  const status = useProgress((s) => s.status);
  const problem = useProgress((s) => s.problem);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  if (status === 'loading') return <p className="page" role="status">Loading your progress…</p>;

  const history = skillHistory(runs);
  const current = currentSkillLevels(runs);
  const records = scenarioRecords(runs);
  const streak = streaks(runs, localDay(new Date()));
  const sorted = [...runs].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
  const bestRows = Object.entries(records)
    .filter(([, r]) => r.best !== null)
    .map(([id, r]) => ({ title: scenarios.find((s) => s.id === id)?.title ?? runs.find((x) => x.scenarioId === id)!.scenarioTitle, best: r.best! }));

  const exportProgress = async () => {
    const file = await useProgress.getState().exportFile();
    downloadText(`parley-progress-${localDay(new Date())}.json`, JSON.stringify(file, null, 2), 'application/json');
    setMessage({ kind: 'ok', text: `Exported ${file.runs.length} finished ${file.runs.length === 1 ? 'run' : 'runs'} and ${file.active.length} in progress.` });
  };

  const importProgress = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await useProgress.getState().importFile(await file.text());
    if (!result.ok) setMessage({ kind: 'error', text: `Nothing was imported from ${file.name}: ${result.error}` });
    else {
      const { added, alreadyThere, activeAdded } = result.summary;
      setMessage({
        kind: 'ok',
        text: `Imported ${added} ${added === 1 ? 'run' : 'runs'} from ${file.name}${alreadyThere ? ` (${alreadyThere} already here)` : ''}${activeAdded ? ` and ${activeAdded} in progress` : ''}.`,
      });
    }
  };

  const clearAll = async () => {
    await useProgress.getState().clear();
    setConfirming(false);
    setMessage({ kind: 'ok', text: 'All progress in this browser was deleted.' });
  };

  return (
    <section className="page progress">
      <h1>Your progress</h1>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      <SyncStatus />
      {runs.length === 0 ? (
        <p>
          No finished conversations yet. <Link to={paths.practice.to()}>Start practising</Link> and your skills will show here.
        </p>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>Conversations finished</dt>
              <dd>{runs.length}</dd>
            </div>
            <div>
              <dt>Current streak</dt>
              <dd>
                {streak.current} {streak.current === 1 ? 'day' : 'days'}
              </dd>
            </div>
            <div>
              <dt>Longest streak</dt>
              <dd>
                {streak.longest} {streak.longest === 1 ? 'day' : 'days'}
              </dd>
            </div>
          </dl>

          <h2>Skills over time</h2>
          {reviewed > 0 && (
            <p className="meta reviewed-note">
              Your manager re-rated replies in {reviewed} {reviewed === 1 ? 'run' : 'runs'}; the levels below count their ratings.
            </p>
          )}
          <SkillChart history={history} />
          <table className="data-table">
            <caption>Current level per skill (mean of the last three runs, 0-4)</caption>
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col">Level</th>
                <th scope="col">Runs</th>
              </tr>
            </thead>
            <tbody>
              {SKILLS.filter((s) => current[s] !== undefined).map((s) => (
                <tr key={s}>
                  <th scope="row">{LABELS[s]}</th>
                  <td>{current[s]}</td>
                  <td>{history[s]!.length}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {bestRows.length > 0 && (
            <>
              <h2>Best score per scenario</h2>
              <ScenarioChart rows={bestRows} />
            </>
          )}

          <h2>History</h2>
          <table className="data-table">
            <caption>Every finished conversation, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Scenario</th>
                <th scope="col">Outcome</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id}>
                  <td>{r.day}</td>
                  <td>
                    <Link to={paths.debrief.to(r.id)}>{r.scenarioTitle}</Link>
                  </td>
                  <td>{r.outcome}</td>
                  <td>{r.score === null ? 'not scored' : `${r.score}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>Your data</h2>
      <p>
        Progress is kept in this browser only ({runs.length} finished, {active.length} in progress). Export it to keep a copy or move it to another browser.
      </p>
      <div className="data-controls">
        <button type="button" onClick={() => void exportProgress()}>
          Export progress
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import progress
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" className="visually-hidden" aria-label="Progress file to import" tabIndex={-1} onChange={(e) => void importProgress(e)} />
        {!confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={runs.length + active.length === 0}>
            Clear all progress…
          </button>
        ) : (
          <div role="group" aria-label="Confirm clearing" className="confirm">
            <p>
              Delete {runs.length} finished and {active.length} in-progress {runs.length + active.length === 1 ? 'conversation' : 'conversations'} from this browser? This cannot be undone; export first if you
              may want them back.
            </p>
            <button type="button" className="danger" onClick={() => void clearAll()}>
              Delete everything
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        )}
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'notice' : 'success'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
