import { useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { problemText, type ApiProblem } from '../api/api-client.ts';

/** What went wrong with a form: the field it is about (if any) and the sentence to show. */
export interface FormError {
  field?: string;
  message: string;
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  name: string;
  /** The form's error; shown here when it names this field. */
  error?: FormError;
  hint?: ReactNode;
}

/**
 * A labelled input whose error sits right under it, tied to it with
 * aria-describedby and announced as an alert. The value is the caller's
 * (controlled), so an error never clears what the user typed.
 */
export function Field({ label, name, error, hint, ...input }: FieldProps) {
  const id = useId();
  const mine = error?.field === name ? error.message : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = mine ? `${id}-error` : undefined;
  return (
    <div className={`field${mine ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={mine ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...input} />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {mine && (
        <p id={errorId} className="field-error" role="alert">
          {mine}
        </p>
      )}
    </div>
  );
}

/** A form's error that names no field: announced, at the top of the form's actions. */
export function FormAlert({ error, fields }: { error?: FormError; fields: readonly string[] }) {
  if (!error || (error.field && fields.includes(error.field))) return null;
  return (
    <p className="notice" role="alert">
      {error.message}
    </p>
  );
}

/**
 * A form's ref and its error. `show` sets the error (or clears it) and moves
 * focus to the input it names, so a keyboard or screen-reader user lands on
 * what to fix.
 */
export function useFormError() {
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<FormError>();
  const show = (next: FormError | undefined) => {
    setError(next);
    focusField(form.current, next);
  };
  return { form, error, show };
}

/** Moves focus to the input named in the error. */
function focusField(form: HTMLFormElement | null, error: FormError | undefined): void {
  if (!form || !error?.field) return;
  const input = form.elements.namedItem(error.field);
  if (input instanceof HTMLElement) input.focus();
}

/**
 * An API problem as a form error: on the field its reason names
 * (`password: ...`), else on the field its code is about (`conflict` on
 * sign-up is the email), else on the form.
 */
export function formErrorOf(problem: ApiProblem, fieldByCode: Readonly<Record<string, string>> = {}): FormError {
  const field = problem.field ?? fieldByCode[problem.error];
  return { field, message: problemText(problem, problem.field !== undefined) };
}
