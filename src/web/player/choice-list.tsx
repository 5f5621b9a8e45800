import { useId } from 'react';
import type { OfferedChoice } from '../../core/engine/engine.ts';

interface ChoiceListProps {
  legend: string;
  choices: readonly OfferedChoice[];
  /** All choices wait while a reply is being scored. */
  disabled: boolean;
  onChoose(index: number): void;
}

/** The choices on offer as buttons; one the author held back is shown disabled with the reason. */
export function ChoiceList({ legend, choices, disabled, onChoose }: ChoiceListProps) {
  const id = useId();
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <div key={c.index} className="choice">
          <button type="button" disabled={!c.enabled || disabled} aria-describedby={c.reason ? `${id}-why-${c.index}` : undefined} onClick={() => onChoose(c.index)}>
            {c.text}
          </button>
          {c.reason && (
            <p id={`${id}-why-${c.index}`} className="choice-reason">
              Not available: {c.reason}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
