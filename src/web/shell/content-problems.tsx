import { diagnostics } from 'virtual:parley-content';

/**
 * Lists errors found in the content at build time, so a trainer running
 * `npm run dev` sees a broken file in the app as well as in `parley lint`.
 */
export function ContentProblems() {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <details className="content-problems" role="status">
      <summary>
        {errors.length} content problem{errors.length === 1 ? '' : 's'}: a lesson or scenario with an error is not shown
      </summary>
      <ul>
        {errors.map((d) => (
          <li key={`${d.file}:${d.line}:${d.column}:${d.code}`}>
            <code>
              {d.file}:{d.line}:{d.column}
            </code>{' '}
            {d.code} {d.message} <span className="hint">({d.hint})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
