import { useId } from 'react';
import { Link } from 'react-router';
import { scenarios } from 'virtual:parley-content';
import { LABELS, METHODOLOGIES, SKILLS } from '../../core/content/vocabulary.ts';
import { scenarioRecords } from '../../core/progress/progress.ts';
import { OBJECTION_LABELS, OBJECTIONS } from '../../core/scenario/scenario.ts';
import { paths } from '../paths.ts';
import { useProgress } from '../progress/progress-store.ts';
import { oneOf, useFilterParams } from '../shell/filter-params.ts';
import { filterScenarios } from './scenario-filter.ts';

// Only the objections, methodologies and skills some scenario has are worth offering as filters.
const objections = OBJECTIONS.filter((o) => scenarios.some((s) => s.objection === o));
const methodologies = METHODOLOGIES.filter((m) => scenarios.some((s) => s.methodology === m));
const skills = SKILLS.filter((k) => scenarios.some((s) => s.skills.includes(k)));

/** Every scenario with its buyer, difficulty, skills and length; filtered; marked with what you have done. */
export function PracticeCatalog() {
  const [params, update] = useFilterParams();
  const filter = {
    objection: oneOf(params.get('objection'), objections),
    methodology: oneOf(params.get('methodology'), methodologies),
    skill: oneOf(params.get('skill'), skills),
  };
  const shown = filterScenarios(scenarios, filter);
  const runs = useProgress((s) => s.runs);
  const active = useProgress((s) => s.active);
  const records = scenarioRecords(runs);
  const ids = { objection: useId(), methodology: useId(), skill: useId() };

  return (
    <section className="page">
      <h1>Practice</h1>
      <p className="lead">Pick a buyer and a situation. Each conversation takes a few minutes and ends with a debrief of what worked.</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter scenarios">
        <label htmlFor={ids.objection}>Objection</label>
        <select id={ids.objection} value={filter.objection ?? ''} onChange={(e) => update('objection', e.target.value)}>
          <option value="">All objections</option>
          {objections.map((o) => (
            <option key={o} value={o}>
              {OBJECTION_LABELS[o]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.methodology}>Methodology</label>
        <select id={ids.methodology} value={filter.methodology ?? ''} onChange={(e) => update('methodology', e.target.value)}>
          <option value="">All methodologies</option>
          {methodologies.map((m) => (
            <option key={m} value={m}>
              {LABELS[m]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.skill}>Skill</label>
        <select id={ids.skill} value={filter.skill ?? ''} onChange={(e) => update('skill', e.target.value)}>
          <option value="">All skills</option>
          {skills.map((k) => (
            <option key={k} value={k}>
              {LABELS[k]}
            </option>
          ))}
        </select>
      </form>
      <p className="result-count" aria-live="polite">
        {shown.length === scenarios.length ? `${scenarios.length} scenarios` : `${shown.length} of ${scenarios.length} scenarios`}
      </p>
      {shown.length === 0 ? (
        <p>No scenario matches these filters.</p>
      ) : (
        <ul className="lesson-list" aria-label="Scenarios">
          {shown.map((s) => {
            const record = records[s.id];
            const inProgress = active.some((a) => a.scenarioId === s.id);
            return (
              <li key={s.id} className="lesson-card scenario-card">
                <h2>
                  <Link to={paths.play.to(s.id)}>{s.title}</Link>
                </h2>
                <p className="meta">
                  {s.persona.name}, {s.persona.role} · {s.persona.company}
                </p>
                <p className="meta">
                  {OBJECTION_LABELS[s.objection]} · {LABELS[s.difficulty]} · about {s.minutes} min
                  {s.typedReplies ? ' · typed replies' : ''}
                </p>
                <p>{s.summary}</p>
                <ul className="tags" aria-label="Skills">
                  {s.skills.map((k) => (
                    <li key={k}>{LABELS[k]}</li>
                  ))}
                </ul>
                <p className="status-line">
                  {inProgress && <span className="badge">In progress</span>}
                  {record ? (
                    <span className="badge done">
                      Completed{record.best !== null ? ` · best ${record.best}%` : ''}
                      {record.won ? ' · won' : ''}
                    </span>
                  ) : (
                    !inProgress && <span className="badge">Not started</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
