import { useState } from 'react';

/** Copies a text to the clipboard and says so; where the clipboard is refused, says what to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied');
    } catch {
      setSaid(`Copy it by hand: ${text}`);
    }
  };
  return (
    <>
      <button type="button" className="secondary small" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {said}
      </span>
    </>
  );
}
