/**
 * The studio's Markdown editor: CodeMirror 6 with line numbers, history,
 * search, and the compiler's diagnostics underlined in the text. The only
 * importer of CodeMirror.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { Diagnostic } from '../../core/content/diagnostic.ts';

export interface CodeEditorHandle {
  /** Puts the cursor at the start of a line (1-based), scrolls to it and focuses the editor. */
  goToLine(line: number, column?: number): void;
}

interface CodeEditorProps {
  text: string;
  diagnostics: readonly Diagnostic[];
  label: string;
  onChange(text: string): void;
  /** The line (1-based) the cursor is on, whenever it moves. */
  onCursorLine(line: number): void;
}

/** A diagnostic's position as editor offsets: from its column to the end of the word there (at least one character). */
function toEditor(doc: Text, d: Diagnostic): EditorDiagnostic {
  const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
  const from = Math.min(line.to, line.from + Math.max(0, d.column - 1));
  const rest = doc.sliceString(from, line.to);
  const word = /^\S+/.exec(rest)?.[0].length ?? 0;
  const to = word > 0 ? from + word : Math.min(line.to, from + 1);
  return {
    from,
    to: Math.max(to, from),
    severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
    source: d.code,
    message: d.hint ? `${d.message} (${d.hint})` : d.message,
  };
}

export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function CodeEditor({ text, diagnostics, label, onChange, onCursorLine }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const callbacks = useRef({ onChange, onCursorLine });
  callbacks.current = { onChange, onCursorLine };

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          highlightSelectionMatches(),
          lintGutter(),
          EditorView.lineWrapping,
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
          // An explicit tabindex tells accessibility checkers the scrolling editor is reachable by keyboard.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
            if (update.docChanged || update.selectionSet) callbacks.current.onCursorLine(update.state.doc.lineAt(update.state.selection.main.head).number);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; text changes from outside are pushed in by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new document from outside (opening a file) replaces the editor's content.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== text) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    // Diagnostics may describe a slightly older text (they are debounced): keep them inside the document.
    editor.dispatch(setDiagnostics(editor.state, diagnostics.map((d) => toEditor(editor.state.doc, d))));
  }, [diagnostics]);

  useImperativeHandle(ref, () => ({
    goToLine(line, column = 1) {
      const editor = view.current;
      if (!editor) return;
      const target = editor.state.doc.line(Math.min(Math.max(1, line), editor.state.doc.lines));
      const at = Math.min(target.to, target.from + column - 1);
      editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'start', yMargin: 40 }) });
      editor.focus();
    },
  }));

  return <div ref={host} className="code-editor" />;
});
