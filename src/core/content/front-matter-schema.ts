import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import type { DataPath, FrontMatter } from './front-matter.ts';

/** Per-key advice shown as the hint when a value is invalid. */
export type KeyHints = Readonly<Record<string, string>>;

/**
 * Validates front matter against a strict zod object schema and turns every
 * problem into a positioned diagnostic: unknown keys (with a "did you mean"),
 * missing keys and invalid values.
 */
export function validateFrontMatter<S extends z.ZodObject>(
  frontMatter: FrontMatter,
  schema: S,
  file: string,
  hints: KeyHints,
): { value: z.infer<S> | undefined; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const known = Object.keys(schema.shape);
  // A misspelled key explains the "missing" key it was meant to be: report it once.
  const misspelled = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys) {
        const best = nearKey(key, known);
        if (best) misspelled.add(best);
      }
    }
  }
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = [...path, key];
        diagnostics.push(
          diagnostic(file, frontMatter.keyAt(where), 'PARLEY010', `unknown key "${dotted(where)}"`, suggestKey(key, path.length === 0 ? known : [])),
        );
      }
    } else if (issue.code === 'invalid_type' && valueAtPath(frontMatter.data, path) === undefined) {
      if (path.length === 1 && misspelled.has(String(path[0]))) continue;
      const parent = path.slice(0, -1);
      diagnostics.push(
        diagnostic(
          file,
          parent.length ? frontMatter.keyAt(parent) : { line: 1, column: 1 },
          'PARLEY011',
          `missing required key "${dotted(path)}"`,
          hintFor(path, hints) ?? `add "${String(path[path.length - 1])}:" to the front matter`,
        ),
      );
    } else {
      diagnostics.push(
        diagnostic(
          file,
          frontMatter.valueAt(path),
          'PARLEY012',
          `invalid value for "${dotted(path)}": ${describeIssue(issue)}`,
          hintFor(path, hints) ?? 'see docs/authoring.md for the allowed values',
        ),
      );
    }
  }
  return { value: undefined, diagnostics };
}

function nearKey(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(key, [...known]);
  return distance(key, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function suggestKey(key: string, known: readonly string[]): string {
  if (known.length === 0) return 'remove the key or check its spelling in docs/authoring.md';
  const best = nearKey(key, known);
  return best ? `did you mean "${best}"?` : `the allowed keys are: ${known.join(', ')}`;
}

function hintFor(path: DataPath, hints: KeyHints): string | undefined {
  return hints[String(path[0])];
}

function dotted(path: DataPath): string {
  return path.map(String).join('.');
}

function valueAtPath(data: unknown, path: DataPath): unknown {
  let current: unknown = data;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    default:
      return issue.message.replace(/^Invalid input:\s*/, '');
  }
}
