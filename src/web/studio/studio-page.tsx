import { useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { lessons, scenarioSources } from 'virtual:parley-content';
import { sortDiagnostics } from '../../core/content/diagnostic.ts';
import { compileScenario } from '../../core/scenario/compile-scenario.ts';
import { scenarioTemplate } from '../../core/scenario/scenario-template.ts';
import { nodeAtLine, scenarioMap } from '../../core/studio/scenario-map.ts';
import { downloadText } from '../shell/download.ts';
import { BranchMap } from './branch-map.tsx';
import { CodeEditor, type CodeEditorHandle } from './code-editor.tsx';
import { PlayTest } from './play-test.tsx';
import { loadDraft, saveDraft, type Draft } from './studio-draft.ts';
import { TestPanel, type Coverage } from './test-panel.tsx';

const lessonIds = new Set(lessons.map((l) => l.id));


/** The trainer studio: edit a scenario's Markdown with live diagnostics, see its map, play-test it, run the tester. */
export function StudioPage() {
  const [draft, setDraft] = useState<Draft>(() => loadDraft() ?? { name: 'scenarios/new-scenario.md', text: scenarioTemplate('New scenario') });
  // The compiler follows the editor as a deferred value: React compiles once typing leaves it time, never in a keystroke's way.
  const compiledText = useDeferredValue(draft.text);
  const [cursorLine, setCursorLine] = useState(1);
  const [tab, setTab] = useState<'map' | 'play' | 'tests'>('map');
  const [coverage, setCoverage] = useState<Coverage>();
  const [message, setMessage] = useState<string>();
  const editor = useRef<CodeEditorHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const saver = setTimeout(() => {
      if (!saveDraft(draft)) setMessage('This browser would not autosave the file; download it to keep your work.');
    }, 400);
    return () => clearTimeout(saver);
  }, [draft]);

  const compiled = useMemo(() => compileScenario(compiledText, draft.name, { lessonIds }), [compiledText, draft.name]);
  const diagnostics = useMemo(() => sortDiagnostics(compiled.diagnostics), [compiled]);
  const map = useMemo(() => (compiled.value ? scenarioMap(compiled.value) : undefined), [compiled]);
  const current = map ? nodeAtLine(map, cursorLine) : undefined;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  // Coverage belongs to the text it was measured on.
  const shownCoverage = coverage?.text === compiledText ? coverage : undefined;

  const open = (name: string, text: string) => {
    setDraft({ name, text });
    setCoverage(undefined);
    setMessage(`Opened ${name}.`);
  };
  const openLibrary = async (path: string) => {
    const load = scenarioSources[path];
    const text = load ? (await load()).default : undefined;
    if (text === undefined) setMessage(`${path} could not be loaded.`);
    else open(path, text);
  };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    if (!file.name.endsWith('.md')) {
      setMessage(`${file.name} is not a Markdown (.md) file; nothing was opened.`);
      return;
    }
    open(`scenarios/${file.name}`, await file.text());
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void openFile(event.dataTransfer.files[0]);
  };
  const goToNode = (id: string) => {
    const node = map?.nodes.find((n) => n.id === id);
    if (node) editor.current?.goToLine(node.line);
  };

  return (
    <section className="studio" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h1>Studio</h1>
      <div className="studio-toolbar">
        <label>
          Open from the library{' '}
          <select value="" onChange={(e) => void openLibrary(e.target.value)}>
            <option value="">Choose a scenario…</option>
            {Object.keys(scenarioSources).map((path) => (
              <option key={path} value={path}>
                {path}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
          Open a file…
        </button>
        <input ref={fileInput} type="file" accept=".md,text/markdown" className="visually-hidden" tabIndex={-1} aria-label="Scenario file to open" onChange={(e) => void openFile(e.target.files?.[0])} />
        <button type="button" className="secondary" onClick={() => open('scenarios/new-scenario.md', scenarioTemplate('New scenario'))}>
          New from template
        </button>
        <button type="button" onClick={() => downloadText(draft.name.split('/').pop() || 'scenario.md', draft.text, 'text/markdown')}>
          Download .md
        </button>
      </div>
      <p className="meta">
        Editing <strong>{draft.name}</strong> · autosaved in this browser · drop a .md file anywhere here to open it
      </p>
      {message && (
        <p className="meta" role="status">
          {message}
        </p>
      )}
      <div className="studio-grid">
        <div className="studio-editor">
          <CodeEditor ref={editor} text={draft.text} diagnostics={diagnostics} label={`Markdown of ${draft.name}`} onChange={(text) => setDraft((d) => ({ ...d, text }))} onCursorLine={setCursorLine} />
          <section aria-labelledby="problems-heading" className="problems-panel">
            <h2 id="problems-heading">
              Problems <span className="meta">({errors} {errors === 1 ? 'error' : 'errors'}, {diagnostics.length - errors} other)</span>
            </h2>
            {diagnostics.length === 0 ? (
              <p className="success">No problems found.</p>
            ) : (
              <ul className="problem-list" aria-label="Problems">
                {diagnostics.map((d, i) => (
                  <li key={i}>
                    <button type="button" className={`problem problem-${d.severity}`} onClick={() => editor.current?.goToLine(d.line, d.column)}>
                      <span className="problem-where">
                        {d.line}:{d.column}
                      </span>{' '}
                      {d.severity} {d.code} {d.message}
                      {d.hint && <span className="hint"> ({d.hint})</span>}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="studio-side">
          <div role="tablist" aria-label="Studio panels" className="tabs">
            {(
              [
                ['map', 'Map'],
                ['play', 'Play-test'],
                ['tests', 'Tests'],
              ] as const
            ).map(([id, label]) => (
              <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} className={tab === id ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'map' && (map ? <BranchMap map={map} current={current} covered={shownCoverage?.covered} onSelect={goToNode} /> : <p>The map appears once the front matter and a first "##" node can be read.</p>)}
            {tab === 'play' && (compiled.value && errors === 0 ? <PlayTest scenario={compiled.value} /> : <p>Fix the errors listed under Problems to play-test this scenario.</p>)}
            {tab === 'tests' &&
              (compiled.value && errors === 0 ? (
                <TestPanel scenario={compiled.value} text={compiledText} onCoverage={setCoverage} onJump={(line) => editor.current?.goToLine(line)} />
              ) : (
                <p>Fix the errors listed under Problems to run the tester.</p>
              ))}
          </div>
        </div>
      </div>
    </section>
  );
}
