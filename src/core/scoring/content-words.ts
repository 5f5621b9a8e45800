/**
 * Content words and quantities: what the buyer's line and the known facts are
 * about, so a reply can be checked for picking them up. Overlap is on lemmas,
 * crudely stemmed, with typos of longer words forgiven.
 */
import { distance } from 'fastest-levenshtein';
import { CONCEPT_OF, NUMBER_WORDS, STOP_WORDS, UNIT_AFTER } from './lexicon.ts';
import type { Analysis, Token } from './nlp.ts';

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV', 'X']);

/** A key for comparing words: the word's stem, so "remodels" meets "remodeling"; numbers as values. */
export function wordKey(token: Pick<Token, 'lower' | 'stem'>): string {
  const number = numberValue(token.lower);
  if (number !== undefined) return `#${number}`;
  return token.stem.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/** The numeric value of a token such as "$3,200", "19k", "15%", "fourteen"; undefined if none. */
export function numberValue(lower: string): number | undefined {
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower];
  const m = /^[~$£€]?(\d[\d,]*(?:\.\d+)?)(k|m)?%?$/.exec(lower);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return m[2] === 'k' ? n * 1000 : m[2] === 'm' ? n * 1_000_000 : n;
}

/**
 * A third person the buyer talked about ("she handles the books") is part of
 * their topic: a reply that talks about "her" picks it up.
 */
export function personKey(lower: string): string | undefined {
  if (lower === 'she' || lower === 'her' || lower === 'hers') return '@she';
  if (lower === 'he' || lower === 'him' || lower === 'his') return '@he';
  return undefined;
}

/** True when the token carries topic: a content part of speech, not a stop word. */
export function isContent(token: Token): boolean {
  if (!CONTENT_POS.has(token.pos) && numberValue(token.lower) === undefined) return false;
  if (STOP_WORDS.has(token.lemma) || STOP_WORDS.has(token.lower)) return false;
  return /[a-z0-9]/.test(token.lower) && (token.lower.length > 1 || /\d/.test(token.lower));
}

/** The content keys and concepts of a text. */
export interface Vocabulary {
  keys: Set<string>;
  concepts: Set<string>;
  numbers: Set<number>;
}

/** Collects the content vocabulary of analysed text (or several). */
export function vocabularyOf(analyses: readonly Analysis[]): Vocabulary {
  const vocab: Vocabulary = { keys: new Set(), concepts: new Set(), numbers: new Set() };
  for (const a of analyses) {
    a.tokens.forEach((t, i) => {
      // "$8K" can arrive as "$8" then "K": the suffix scales the number, as in quantitiesOf.
      const next = a.tokens[i + 1];
      const n = numberValue(t.lower);
      if (n !== undefined && next?.start === t.end && /^(k|m)$/.test(next.lower)) vocab.numbers.add(n * (next.lower === 'k' ? 1_000 : 1_000_000));
      const concept = CONCEPT_OF.get(t.lemma) ?? CONCEPT_OF.get(t.lower) ?? (/^[$£€]/.test(t.lower) ? 'money' : undefined);
      if (concept) vocab.concepts.add(concept);
      const person = personKey(t.lower);
      if (person) vocab.keys.add(person);
      if (!isContent(t)) return;
      vocab.keys.add(wordKey(t));
      if (n !== undefined) vocab.numbers.add(n);
    });
  }
  return vocab;
}

/** True when `key` appears in `vocab`, allowing one typo in words of five letters or more. */
export function hasKey(vocab: Vocabulary, key: string): boolean {
  if (vocab.keys.has(key)) return true;
  if (key.length < 5 || key.startsWith('#')) return false;
  for (const k of vocab.keys) {
    if (Math.abs(k.length - key.length) <= 1 && k.length >= 5 && k[0] === key[0] && distance(k, key) <= 1) return true;
  }
  return false;
}

/** A number with a unit in the reply ("$170 a month", "30%", "ten weeks"). */
export interface Quantity {
  value: number;
  /** Money, a percentage or a span of time: the units an outcome is measured in. */
  measure: boolean;
  start: number;
  end: number;
}

const MEASURE_AFTER = /^\s*(?:-\s*)?(?:a\s+|per\s+|an\s+)?(?:%|percent|per cent|dollars?|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|points?)(?![\w])/;

/** Finds quantities: numbers with a money sign, a percent or a unit after them. */
export function quantitiesOf(a: Analysis): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    const parsed = numberValue(t.lower);
    if (parsed === undefined) continue;
    const prev = a.tokens[i - 1];
    // The tokenizer can split "$90k" into "90" and "k": the suffix belongs to the number.
    const suffix = a.tokens[i + 1]?.start === t.end && /^(k|m)$/.test(a.tokens[i + 1]!.lower) ? a.tokens[i + 1] : undefined;
    const value = suffix ? parsed * (suffix.lower === 'k' ? 1_000 : 1_000_000) : parsed;
    const next = suffix ? a.tokens[i + 2] : a.tokens[i + 1];
    const last = suffix ?? t;
    const money = /^[$£€]/.test(t.lower) || (prev !== undefined && /^[$£€]$/.test(prev.lower) && prev.end === t.start);
    const rest = a.text.slice(last.end, last.end + 24).toLowerCase();
    const unit = suffix !== undefined || /%|k$/.test(t.lower) || UNIT_AFTER.test(rest) || (next?.lower === '%' && next.start === last.end);
    if (!money && !unit) continue;
    const measure = money || suffix !== undefined || /%/.test(t.lower) || next?.lower === '%' || MEASURE_AFTER.test(rest) || /\d(k|m)$/.test(t.lower);
    out.push({ value, measure, start: money && prev && !/^[$£€]/.test(t.lower) ? prev.start : t.start, end: next?.lower === '%' && next.start === last.end ? next.end : last.end });
  }
  return out;
}
