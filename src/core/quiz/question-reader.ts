import { closest, distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic, type DiagnosticCode, type SourcePosition } from '../content/diagnostic.ts';
import { DEFAULT_POINTS, POINTS_RANGE, QUESTION_TYPES, type QuestionType } from './quiz.ts';

/** A body line with its 1-based line number in the file. */
export interface SourceLine {
  text: string;
  line: number;
}

const TAG = /^ {0,3}`([^`]*)`[ \t]*$/;
const TASK_ITEM = /^( {0,3})[-*+][ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;
const BULLET = /^ {0,3}[-*+](?:[ \t]+.*)?$/;
const SUB_BULLET = /^(?: {2,}|\t)[ \t]*[-*+][ \t]+(.*)$/;
const ORDERED_ITEM = /^( {0,3})\d{1,9}[.)](?:[ \t]+(.*))?$/;
const FIELD = /^ {0,3}\*\*([^*]+?):\*\*[ \t]*(.*)$/;
const FEEDBACK = /^ {0,3}\*\*Feedback:\*\*[ \t]*(.*)$/i;
const REPLY_FIELDS = ['buyer', 'known', 'pass', 'example'] as const;
export type ReplyField = (typeof REPLY_FIELDS)[number];
/** The types as a hint lists them. */
export const TYPE_LIST = QUESTION_TYPES.map((t) => `\`${t}\``).join(', ');

export const isBlank = (text: string) => text.trim() === '';
const isIndented = (text: string) => /^(?: {2,}|\t)/.test(text) && !isBlank(text);

/** Joins Markdown lines, dropping blank lines at either end. */
export function markdownOf(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]!)) start++;
  while (end > start && isBlank(lines[end - 1]!)) end--;
  return lines.slice(start, end).join('\n');
}

/** A task-list option as written. */
export interface OptionDraft {
  text: string;
  correct: boolean;
  feedback: string[];
  /** Where the option's text starts. */
  at: SourcePosition;
  /** Where its checkbox is, for diagnostics about what is marked correct. */
  boxAt: SourcePosition;
}

/** A reply field (`**Buyer:** ...`) as written, wrapped lines joined. */
export interface FieldDraft {
  value: string;
  at: SourcePosition;
  /** Column where the value starts, for positions inside it. */
  valueColumn: number;
}

/** Everything one question's lines said, with positions, before any check of its shape. */
export interface QuestionDraft {
  id: string;
  title: string;
  /** The `###` heading. */
  at: SourcePosition;
  /** Absent when the type tag is missing or unreadable (already reported). */
  type?: QuestionType;
  points: number;
  prompt: string[];
  feedback?: { lines: string[]; at: SourcePosition };
  options: OptionDraft[];
  items: { text: string; at: SourcePosition }[];
  fields: Partial<Record<ReplyField, FieldDraft>>;
  /** Fields whose label was misspelled (already reported), so they are not reported missing too. */
  misspelled: ReplyField[];
}

type Phase = 'tag' | 'prompt' | 'body' | 'feedback' | 'skip';

/**
 * Reads one question, from the line after its `###` heading to the next
 * heading: the type tag, the prompt, the type's body (options, items or
 * reply fields) and the feedback, keeping the position of each part. Lines
 * it cannot place are reported here; the shape of what it read (how many
 * options, which is correct) is checked by `compileQuestion`.
 */
export class QuestionReader {
  private phase: Phase = 'tag';
  private type: QuestionType | undefined;
  private points: number = DEFAULT_POINTS;
  private readonly prompt: string[] = [];
  private readonly feedback: string[] = [];
  private feedbackAt: SourcePosition | undefined;
  private readonly options: OptionDraft[] = [];
  private readonly items: { text: string; at: SourcePosition }[] = [];
  private readonly fields: Partial<Record<ReplyField, FieldDraft>> = {};
  private readonly misspelled: ReplyField[] = [];
  /** The reply field that a non-blank line right below it continues. */
  private openField: ReplyField | undefined;

  constructor(
    private readonly head: { id: string; title: string; at: SourcePosition },
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report(at: SourcePosition, code: DiagnosticCode, message: string, hint: string) {
    this.diagnostics.push(diagnostic(this.file, at, code, message, hint));
  }

  /** Takes the next line; `fenced` lines (inside a code block) are prose whatever they look like. */
  read({ text, line }: SourceLine, fenced: boolean) {
    const at = { line, column: isBlank(text) ? 1 : text.length - text.trimStart().length + 1 };
    if (fenced && (this.phase === 'prompt' || this.phase === 'feedback')) {
      (this.phase === 'prompt' ? this.prompt : this.feedback).push(text);
      return;
    }
    switch (this.phase) {
      case 'skip':
        return;
      case 'tag':
        if (!isBlank(text)) this.readTag(text, at);
        return;
      case 'prompt':
        return this.readPrompt(text, at);
      case 'body':
        return fenced ? this.unexpected(at, 'a code block among the options') : this.readBody(text, at);
      case 'feedback':
        // Reply fields may come in any order, the feedback included.
        if (this.type === 'reply' && this.startsBody(text)) {
          this.phase = 'body';
          return this.readBody(text, at);
        }
        this.feedback.push(text);
    }
  }

  private readTag(text: string, at: SourcePosition) {
    const tag = TAG.exec(text);
    if (!tag) {
      this.phase = 'skip';
      if (text.trimStart().startsWith('`')) {
        this.report(at, 'PARLEY070', 'cannot read the type tag', `the tag is one code span alone on its line, e.g. \`multiple points=2\`; the types are ${TYPE_LIST}`);
      } else {
        this.report(at, 'PARLEY070', `the question "${this.head.title}" has no type tag`, `write the type as the first line under the heading, in backticks: ${TYPE_LIST}`);
      }
      return;
    }
    const [typeWord, ...settings] = [...tag[1]!.matchAll(/\S+/g)];
    const type = typeWord?.[0];
    if (!type || !(QUESTION_TYPES as readonly string[]).includes(type)) {
      this.phase = 'skip';
      const near = type ? nearest(type.toLowerCase(), QUESTION_TYPES) : undefined;
      this.report(at, 'PARLEY070', type ? `unknown question type "${type}"` : 'the type tag is empty', near ? `did you mean \`${near}\`?` : `the types are ${TYPE_LIST}`);
      return;
    }
    this.type = type as QuestionType;
    const tagColumn = at.column + 1;
    for (const setting of settings) {
      const settingAt = { line: at.line, column: tagColumn + setting.index };
      const points = /^points=(.*)$/.exec(setting[0]);
      if (!points) {
        this.report(settingAt, 'PARLEY071', `unknown setting "${setting[0]}" in the type tag`, `the only setting is points, e.g. \`${type} points=2\``);
        continue;
      }
      const n = Number(points[1]);
      if (!/^\d+$/.test(points[1]!) || n < POINTS_RANGE.min || n > POINTS_RANGE.max) {
        this.report(settingAt, 'PARLEY071', `points must be a whole number from ${POINTS_RANGE.min} to ${POINTS_RANGE.max}, not "${points[1]}"`, `write e.g. \`${type} points=2\`; without it a question is worth ${DEFAULT_POINTS}`);
        continue;
      }
      this.points = n;
    }
    this.phase = 'prompt';
  }

  private startsBody(text: string): boolean {
    switch (this.type) {
      case 'single':
      case 'multiple':
      case 'true-false':
        return TASK_ITEM.test(text);
      case 'order':
        return ORDERED_ITEM.test(text);
      case 'reply': {
        // A label one slip from a field (two for long ones) starts the fields too, so the slip is
        // reported rather than read as prompt; a prompt's own "**Task:**" stays prompt.
        const name = FIELD.exec(text)?.[1]?.trim().toLowerCase();
        if (name === undefined || name === 'feedback') return false;
        const near = closest(name, [...REPLY_FIELDS]);
        return distance(name, near) <= (near.length >= 6 ? 2 : 1);
      }
      default:
        return false;
    }
  }

  private readPrompt(text: string, at: SourcePosition) {
    const feedback = FEEDBACK.exec(text);
    if (feedback) return this.startFeedback(feedback[1]!, at);
    if (this.startsBody(text)) {
      this.phase = 'body';
      return this.readBody(text, at);
    }
    this.prompt.push(text);
  }

  private startFeedback(first: string, at: SourcePosition) {
    if (this.feedbackAt) {
      this.report(at, 'PARLEY079', '**Feedback:** is given twice', `give the feedback once (the first is on line ${this.feedbackAt.line})`);
      this.phase = 'feedback';
      return;
    }
    this.phase = 'feedback';
    this.feedbackAt = at;
    this.feedback.push(first);
  }

  private readBody(text: string, at: SourcePosition) {
    const feedback = FEEDBACK.exec(text);
    if (feedback) return this.startFeedback(feedback[1]!, at);
    if (isBlank(text)) {
      this.openField = undefined;
      return;
    }
    if (this.type === 'order') this.readItem(text, at);
    else if (this.type === 'reply') this.readField(text, at);
    else this.readOption(text, at);
  }

  private readOption(text: string, at: SourcePosition) {
    const task = TASK_ITEM.exec(text);
    if (task) {
      const body = task[3] ?? '';
      const box = text.indexOf('[');
      this.options.push({
        text: body.trim(),
        correct: task[2] !== ' ',
        feedback: [],
        at: { line: at.line, column: body ? text.indexOf(body, box + 3) + 1 : box + 1 },
        boxAt: { line: at.line, column: box + 1 },
      });
      return;
    }
    const option = this.options[this.options.length - 1];
    const sub = SUB_BULLET.exec(text);
    if (option && sub) {
      option.feedback.push(sub[1]!.trim());
      return;
    }
    if (option && isIndented(text)) {
      // A wrapped option or feedback line continues on an indented line.
      if (option.feedback.length) option.feedback[option.feedback.length - 1] += ` ${text.trim()}`;
      else option.text = `${option.text} ${text.trim()}`.trim();
      return;
    }
    if (BULLET.test(text)) {
      this.report(at, 'PARLEY079', 'this option has no checkbox', 'write each option as "- [ ] text", or "- [x] text" for a correct one');
      return;
    }
    this.unexpected(at, 'text after the options');
  }

  private readItem(text: string, at: SourcePosition) {
    const item = ORDERED_ITEM.exec(text);
    if (item) {
      const body = item[2] ?? '';
      const marker = text.search(/[.)]/);
      this.items.push({ text: body.trim(), at: { line: at.line, column: body ? text.indexOf(body, marker + 1) + 1 : at.column } });
      return;
    }
    const last = this.items[this.items.length - 1];
    if (last && isIndented(text) && !SUB_BULLET.test(text)) {
      last.text = `${last.text} ${text.trim()}`.trim();
      return;
    }
    this.unexpected(at, 'text after the items');
  }

  private readField(text: string, at: SourcePosition) {
    const field = FIELD.exec(text);
    if (field) {
      this.openField = undefined;
      const name = field[1]!.trim().toLowerCase();
      if (!(REPLY_FIELDS as readonly string[]).includes(name)) {
        const near = nearest(name, REPLY_FIELDS);
        if (near) this.misspelled.push(near);
        this.report(at, 'PARLEY079', `unknown field "**${field[1]}:**" in a reply question`, near ? `did you mean "**${capitalize(near)}:**"?` : 'the fields are **Buyer:**, **Known:**, **Pass:**, **Example:** and **Feedback:**');
        return;
      }
      const key = name as ReplyField;
      const first = this.fields[key];
      if (first) {
        this.report(at, 'PARLEY079', `**${capitalize(key)}:** is given twice`, `give each field once (the first is on line ${first.at.line})`);
        return;
      }
      const value = field[2]!;
      this.fields[key] = { value, at, valueColumn: text.length - value.length + 1 };
      this.openField = key;
      return;
    }
    if (this.openField) {
      // A long field wraps onto the following lines, up to a blank line.
      const open = this.fields[this.openField]!;
      open.value = `${open.value} ${text.trim()}`;
      return;
    }
    this.unexpected(at, 'text after the reply fields');
  }

  private unexpected(at: SourcePosition, what: string) {
    const choice = 'after the options only "**Feedback:** ..." may follow; write an option\'s own feedback indented under it, as "  - ..."';
    const hints: Record<QuestionType, string> = {
      single: choice,
      multiple: choice,
      'true-false': 'after the two options only "**Feedback:** ..." may follow',
      order: 'after the numbered items only "**Feedback:** ..." may follow',
      reply: 'after its prompt a reply question has the lines **Buyer:**, **Known:**, **Pass:**, **Example:** and **Feedback:**',
    };
    this.report(at, 'PARLEY079', `Parley cannot read this line: ${what}`, this.type ? hints[this.type] : 'see the question layouts in docs/authoring.md');
  }

  /** What was read. A question whose heading is followed by nothing is reported here as having no type tag. */
  draft(): QuestionDraft {
    if (this.phase === 'tag') {
      this.report(this.head.at, 'PARLEY070', `the question "${this.head.title}" has no type tag`, `write the type as the first line under the heading, in backticks: ${TYPE_LIST}`);
    }
    const usable = this.phase !== 'tag' && this.phase !== 'skip';
    return {
      ...this.head,
      ...(usable && this.type ? { type: this.type } : {}),
      points: this.points,
      prompt: this.prompt,
      ...(this.feedbackAt ? { feedback: { lines: this.feedback, at: this.feedbackAt } } : {}),
      options: this.options,
      items: this.items,
      fields: this.fields,
      misspelled: this.misspelled,
    };
  }
}

function nearest<T extends string>(word: string, known: readonly T[]): T | undefined {
  const best = closest(word, [...known]) as T;
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
