import { z } from 'zod';
import { diagnostic, type Compiled, type Diagnostic, type SourcePosition } from './diagnostic.ts';
import { parseFrontMatter } from './front-matter.ts';
import { validateFrontMatter } from './front-matter-schema.ts';
import { proseLines, unquote, type SourceLine } from './markdown-source.ts';
import { RUBRIC_IDS, type RubricId } from './vocabulary.ts';

/** One level (0-4) of a rubric scale. */
export interface RubricLevel {
  level: number;
  name: string;
  /** What a reply at this level does. */
  descriptor: string;
  /** How to move up from this level (for the top level: what keeps a reply there). */
  coaching: string;
  line: number;
}

/** A worked example in a rubric file. */
export interface RubricExample {
  kind: 'strong' | 'weak';
  buyer: string;
  reply: string;
  level: number;
  why: string;
  line: number;
}

/** A scoring rubric: a 0-4 scale with coaching for each level. */
export interface Rubric {
  id: RubricId;
  title: string;
  question: string;
  levels: RubricLevel[];
  notes: string[];
  examples: RubricExample[];
  file: string;
}

const rubricSchema = z.strictObject({
  id: z.enum(RUBRIC_IDS),
  title: z.string().trim().min(1),
  question: z.string().trim().min(1),
});

const HINTS = {
  id: `use one of: ${RUBRIC_IDS.join(', ')}`,
  title: 'the rubric name as shown to reps, e.g. "Active listening"',
  question: 'the one question the rubric answers, e.g. "Does the reply show the rep heard the buyer?"',
};

const LEVEL_HEADING = /^##\s+Level\s+(\d+)\s*[:.-]\s*(.+?)\s*$/i;
const SECTION = /^##\s+(.+?)\s*$/;
const SUBSECTION = /^###\s+(.+?)\s*$/;
const FIELD = /^\*\*(Coaching|Buyer|Reply|Level|Why):\*\*\s*(.*)$/i;

/** Compiles one rubric file. Never throws; problems are diagnostics. */
export function compileRubric(text: string, file: string): Compiled<Rubric> {
  const { value: fm, diagnostics } = parseFrontMatter(text, file);
  const checked = fm.ok ? validateFrontMatter(fm, rubricSchema, file, HINTS) : { value: undefined, diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const body = readBody(proseLines(fm.body, fm.bodyLine), file, { line: fm.bodyLine, column: 1 });
  diagnostics.push(...body.diagnostics);
  if (!checked.value) return { value: undefined, diagnostics };
  return { value: { ...checked.value, ...body.value, file }, diagnostics };
}

type Section = { kind: 'level'; level: RubricLevel; text: string[] } | { kind: 'notes' } | { kind: 'examples' } | { kind: 'other' };

function readBody(lines: SourceLine[], file: string, start: SourcePosition) {
  const diagnostics: Diagnostic[] = [];
  const levels = new Map<number, RubricLevel>();
  const notes: string[] = [];
  const examples: RubricExample[] = [];
  let section: Section = { kind: 'other' };
  let example: (Partial<RubricExample> & { line: number; levelLine?: number; kind: 'strong' | 'weak' }) | null = null;

  const closeLevel = () => {
    if (section.kind !== 'level') return;
    section.level.descriptor = section.text.join(' ').replace(/\s+/g, ' ').trim();
    if (!section.level.coaching) {
      diagnostics.push(
        diagnostic(file, { line: section.level.line, column: 1 }, 'PARLEY041', `level ${section.level.level} has no coaching`, 'add a line "**Coaching:** ..." saying how to move up from this level'),
      );
    }
    levels.set(section.level.level, section.level);
  };
  const closeExample = () => {
    if (!example) return;
    const missing = (['buyer', 'reply', 'level', 'why'] as const).filter((k) => example![k] === undefined || example![k] === '');
    const level = example.level;
    if (missing.length > 0 || level === undefined || !Number.isInteger(level) || level < 0 || level > 4) {
      diagnostics.push(
        diagnostic(
          file,
          { line: missing.length ? example.line : (example.levelLine ?? example.line), column: 1 },
          'PARLEY042',
          missing.length ? `the ${example.kind} example is missing ${missing.map((m) => `**${cap(m)}:**`).join(', ')}` : `the ${example.kind} example's level must be 0-4`,
          'an example has the lines **Buyer:**, **Reply:**, **Level:** (0-4) and **Why:**',
        ),
      );
    } else {
      const { levelLine: _, ...complete } = example;
      examples.push(complete as RubricExample);
    }
    example = null;
  };

  for (const { text, line } of lines) {
    const levelMatch = LEVEL_HEADING.exec(text);
    const sectionMatch = SECTION.exec(text);
    const sub = SUBSECTION.exec(text);
    if (levelMatch || sectionMatch) {
      closeLevel();
      closeExample();
      if (levelMatch) {
        const n = Number(levelMatch[1]);
        if (n > 4 || levels.has(n)) {
          diagnostics.push(diagnostic(file, { line, column: 1 }, 'PARLEY040', n > 4 ? `level ${n} is outside the 0-4 scale` : `level ${n} is defined twice`, 'rubrics have exactly the levels 0, 1, 2, 3 and 4'));
          section = { kind: 'other' };
        } else {
          section = { kind: 'level', level: { level: n, name: levelMatch[2]!, descriptor: '', coaching: '', line }, text: [] };
        }
      } else {
        const name = sectionMatch![1]!.toLowerCase();
        section = name === 'rater notes' ? { kind: 'notes' } : name === 'examples' ? { kind: 'examples' } : { kind: 'other' };
      }
      continue;
    }
    if (section.kind === 'examples' && sub) {
      closeExample();
      const kind = sub[1]!.toLowerCase();
      if (kind === 'strong' || kind === 'weak') example = { kind, line };
      continue;
    }
    const field = FIELD.exec(text.trim());
    if (section.kind === 'level') {
      if (field && field[1]!.toLowerCase() === 'coaching') section.level.coaching = field[2]!.trim();
      else if (section.level.coaching && text.trim()) section.level.coaching += ` ${text.trim()}`;
      else section.text.push(text);
    } else if (section.kind === 'notes' && /^\s*[-*]\s+/.test(text)) {
      notes.push(text.replace(/^\s*[-*]\s+/, '').trim());
    } else if (example && field) {
      const key = field[1]!.toLowerCase() as 'buyer' | 'reply' | 'level' | 'why';
      const value = field[2]!.trim();
      if (key === 'level') {
        example.level = /^\d+$/.test(value) ? Number(value) : Number.NaN;
        example.levelLine = line;
      }
      else example[key] = unquote(value);
    }
  }
  closeLevel();
  closeExample();

  for (let n = 0; n <= 4; n++) {
    if (!levels.has(n)) {
      diagnostics.push(diagnostic(file, start, 'PARLEY040', `level ${n} is missing`, `add a heading "## Level ${n}: <name>" with its descriptor and coaching`));
    }
  }
  return {
    value: { levels: [...levels.values()].sort((a, b) => a.level - b.level), notes, examples },
    diagnostics,
  };
}


function cap(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
