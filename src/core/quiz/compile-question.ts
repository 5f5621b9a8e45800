import { closest, distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic, type DiagnosticCode, type SourcePosition } from '../content/diagnostic.ts';
import { unquote } from '../content/markdown-source.ts';
import { RUBRIC_IDS, type RubricId } from '../content/vocabulary.ts';
import { markdownOf, type FieldDraft, type QuestionDraft } from './question-reader.ts';
import { CHOICE_OPTIONS, ORDER_ITEMS, type ChoiceOption, type Question } from './quiz.ts';

/** A `###` question as compiled; `question` is absent when it has an error of its own. */
export interface ParsedQuestion {
  id: string;
  title: string;
  at: SourcePosition;
  question?: Question;
}

type QuestionFields = Pick<Question, 'id' | 'title' | 'line' | 'points' | 'promptMarkdown' | 'feedback'>;
type Report = (at: SourcePosition, code: DiagnosticCode, message: string, hint: string) => void;

const THRESHOLD = /^([A-Za-z_][\w-]*)\s*(>=|≥|=>|>|<=|≤|<|==|=)\s*(\S+)$/;

/**
 * Checks the shape of a question as read (prompt, options and which are
 * correct, items, reply fields and thresholds) and builds the `Question`.
 * The question is returned only when it has no error of its own.
 */
export function compileQuestion(draft: QuestionDraft, file: string, diagnostics: Diagnostic[]): ParsedQuestion {
  const { id, title, at, type } = draft;
  if (!type) return { id, title, at };
  const before = diagnostics.length;
  const report: Report = (where, code, message, hint) => diagnostics.push(diagnostic(file, where, code, message, hint));
  const promptMarkdown = markdownOf(draft.prompt);
  if (!promptMarkdown) {
    report(at, 'PARLEY072', `the question "${title}" has no prompt`, 'write the question itself between the type tag and the answers');
  }
  let feedback: string | undefined;
  if (draft.feedback) {
    feedback = markdownOf(draft.feedback.lines);
    if (!feedback) report(draft.feedback.at, 'PARLEY079', '**Feedback:** is empty', 'write the feedback after the label, or remove the line');
  }
  const fields: QuestionFields = { id, title, line: at.line, points: draft.points, promptMarkdown, ...(feedback ? { feedback } : {}) };
  const question =
    type === 'order' ? finishOrder(draft, fields, report) : type === 'reply' ? finishReply(draft, fields, report) : finishChoice(draft, type, fields, report);
  const clean = !diagnostics.slice(before).some((d) => d.severity === 'error');
  return clean ? { id, title, at, question } : { id, title, at };
}

function finishChoice(draft: QuestionDraft, type: 'single' | 'multiple' | 'true-false', fields: QuestionFields, report: Report): Question {
  const { at, title } = draft;
  const options = draft.options;
  const first = options[0]?.at ?? at;
  for (const option of options) {
    if (!option.text) report(option.boxAt, 'PARLEY079', 'this option has no text', 'write the option after the checkbox: "- [ ] text"');
  }
  if (type === 'true-false') {
    const texts = options.map((o) => o.text.toLowerCase()).sort();
    if (texts.length !== 2 || texts[0] !== 'false' || texts[1] !== 'true') {
      const found = options.length ? options.map((o) => `"${o.text}"`).join(', ') : 'no options';
      report(first, 'PARLEY076', `a true-false question has exactly the options True and False; "${title}" has ${found}`, 'write "- [x] True" and "- [ ] False", or the other way round, and nothing else');
      return { ...fields, type, options: [] };
    }
  } else if (options.length < CHOICE_OPTIONS.min || options.length > CHOICE_OPTIONS.max) {
    report(
      first,
      'PARLEY074',
      `a ${type} question has ${CHOICE_OPTIONS.min}-${CHOICE_OPTIONS.max} options; "${title}" has ${options.length}`,
      options.length === 0
        ? 'list the options as a task list under the prompt: "- [x] right" and "- [ ] wrong"'
        : options.length < CHOICE_OPTIONS.min
          ? 'add another option'
          : 'remove options, or split the question in two',
    );
  }
  reportDuplicates(options, 'option', report);
  const correct = options.filter((o) => o.correct);
  if (options.length > 0) {
    if (type === 'multiple') {
      if (correct.length === 0) report(first, 'PARLEY073', `the multiple question "${title}" has no correct option`, 'mark each correct option "[x]"');
      else if (correct.length === options.length) {
        report(first, 'PARLEY073', `every option of the multiple question "${title}" is marked correct`, 'leave at least one option "[ ]", so ticking everything is not full marks');
      }
    } else if (correct.length === 0) {
      report(first, 'PARLEY073', `the ${type} question "${title}" has no correct option`, 'mark the one correct option "[x]"');
    } else if (correct.length > 1) {
      report(
        correct[1]!.boxAt,
        'PARLEY073',
        `the ${type} question "${title}" has ${correct.length} options marked correct`,
        type === 'single' ? 'mark exactly one option "[x]", or make it a `multiple` question' : 'mark exactly one option "[x]"',
      );
    }
  }
  const built: ChoiceOption[] = options.map((o) => ({ text: o.text, correct: o.correct, ...(o.feedback.length ? { feedback: o.feedback.join(' ') } : {}), line: o.at.line }));
  return { ...fields, type, options: built };
}

function finishOrder(draft: QuestionDraft, fields: QuestionFields, report: Report): Question {
  const { at, title } = draft;
  const items = draft.items;
  if (items.length < ORDER_ITEMS.min || items.length > ORDER_ITEMS.max) {
    report(
      items[0]?.at ?? at,
      'PARLEY074',
      `an order question has ${ORDER_ITEMS.min}-${ORDER_ITEMS.max} items; "${title}" has ${items.length}`,
      items.length === 0
        ? 'list the items in the correct order as a numbered list: "1. first", "2. second", ...'
        : items.length < ORDER_ITEMS.min
          ? 'add items, or ask it as a single question'
          : 'remove items, or split the question in two',
    );
  }
  for (const item of items) {
    if (!item.text) report(item.at, 'PARLEY079', 'this item has no text', 'write the item after its number: "1. text"');
  }
  reportDuplicates(items, 'item', report);
  return { ...fields, type: 'order', items: items.map((i) => i.text) };
}

function reportDuplicates(entries: readonly { text: string; at: SourcePosition }[], noun: 'option' | 'item', report: Report) {
  const seen = new Map<string, SourcePosition>();
  for (const entry of entries) {
    const key = entry.text.toLowerCase().replace(/\s+/g, ' ');
    if (!key) continue;
    const first = seen.get(key);
    if (first) report(entry.at, 'PARLEY075', `the ${noun} "${entry.text}" is listed twice (first on line ${first.line})`, `make each ${noun} read differently, so the rep can tell them apart`);
    else seen.set(key, entry.at);
  }
}

function finishReply(draft: QuestionDraft, fields: QuestionFields, report: Report): Question {
  const { at, title } = draft;
  const { buyer, known, pass, example } = draft.fields;
  const buyerText = buyer ? unquote(buyer.value) : '';
  if (!buyerText && !draft.misspelled.includes('buyer')) {
    report(buyer?.at ?? at, 'PARLEY077', `the reply question "${title}" has no **Buyer:** line`, 'add "**Buyer:** ..." with the line the rep answers');
  }
  const thresholds: Partial<Record<RubricId, number>> = {};
  if (!pass && draft.misspelled.includes('pass')) {
    // Already reported as a misspelled label.
  } else if (!pass || !pass.value.trim()) {
    report(pass?.at ?? at, 'PARLEY077', `the reply question "${title}" has no **Pass:** thresholds`, `add e.g. "**Pass:** empathy >= 2, value_framing >= 3", one threshold per rubric: ${RUBRIC_IDS.join(', ')}`);
  } else {
    readThresholds(pass, thresholds, report);
  }
  const question: Question = {
    ...fields,
    type: 'reply',
    buyer: buyerText,
    known: known ? known.value.split(';').map((k) => k.trim()).filter(Boolean) : [],
    thresholds,
  };
  const exampleText = example ? unquote(example.value) : '';
  if (example && !exampleText) report(example.at, 'PARLEY079', '**Example:** is empty', 'write a reply you expect to pass after the label, or remove the line');
  if (example && exampleText) {
    question.example = exampleText;
    question.exampleAt = { line: example.at.line, column: example.valueColumn };
  }
  return question;
}

function readThresholds(pass: FieldDraft, thresholds: Partial<Record<RubricId, number>>, report: Report) {
  const hint = `write "rubric >= level" with a level from 0 to 4, e.g. "empathy >= 2", separated by commas; the rubrics are ${RUBRIC_IDS.join(', ')}`;
  let offset = 0;
  for (const part of pass.value.split(',')) {
    const source = part.trim();
    const partAt = { line: pass.at.line, column: pass.valueColumn + offset + (part.length - part.trimStart().length) };
    offset += part.length + 1;
    if (!source) continue;
    const m = THRESHOLD.exec(source);
    if (!m) {
      report(partAt, 'PARLEY078', `cannot read the threshold "${source}"`, hint);
      continue;
    }
    const [, rubric, op, level] = m as unknown as [string, string, string, string];
    if (!(RUBRIC_IDS as readonly string[]).includes(rubric)) {
      const near = nearest(rubric.toLowerCase(), RUBRIC_IDS);
      report(partAt, 'PARLEY078', `unknown rubric "${rubric}"`, near ? `did you mean "${near}"?` : `the rubrics are ${RUBRIC_IDS.join(', ')}`);
      continue;
    }
    if (op !== '>=' && op !== '≥' && op !== '=>') {
      report(partAt, 'PARLEY078', `a threshold is written "${rubric} >= level", not with "${op}"`, 'a threshold is the least level that passes, so it always uses ">="');
      continue;
    }
    if (!/^[0-4]$/.test(level)) {
      report({ line: partAt.line, column: partAt.column + source.lastIndexOf(level) }, 'PARLEY078', `the level "${level}" is not a whole number from 0 to 4`, 'rubric levels run from 0 to 4');
      continue;
    }
    if (thresholds[rubric as RubricId] !== undefined) {
      report(partAt, 'PARLEY078', `"${rubric}" is listed twice`, 'give each rubric one threshold');
      continue;
    }
    thresholds[rubric as RubricId] = Number(level);
  }
}

function nearest<T extends string>(word: string, known: readonly T[]): T | undefined {
  const best = closest(word, [...known]) as T;
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
