import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

interface ReplyBoxProps {
  prompt: string;
  busy: 'scoring' | 'loading-scorer' | undefined;
  /** Resolves true when the reply was taken; on false the text stays so nothing is lost. */
  onSubmit(text: string): Promise<boolean>;
}

/** A free-text reply: multi-line, sent with the button or Ctrl/Cmd+Enter, with a character count. */
export function ReplyBox({ prompt, busy, onSubmit }: ReplyBoxProps) {
  const [text, setText] = useState('');
  const id = useId();

  const send = async () => {
    if (!text.trim() || busy) return;
    if (await onSubmit(text)) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };
  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form className="reply-box" onSubmit={onFormSubmit}>
      <label htmlFor={`${id}-reply`}>{prompt || 'Your reply'}</label>
      <textarea id={`${id}-reply`} rows={5} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} aria-describedby={`${id}-hint ${id}-count`} />
      <div className="reply-footer">
        <span id={`${id}-hint`} className="meta">
          Ctrl+Enter (⌘+Enter on a Mac) sends.
        </span>
        <span id={`${id}-count`} className="meta">
          {text.length} {text.length === 1 ? 'character' : 'characters'}
        </span>
      </div>
      <button type="submit" disabled={!text.trim() || busy !== undefined}>
        {busy === 'loading-scorer' ? 'Loading the scorer…' : busy === 'scoring' ? 'Scoring…' : 'Send reply'}
      </button>
    </form>
  );
}
