/**
 * The project's lexicons (JSON files in ./lexicons) compiled into one regular
 * expression per list, matched against a reply's lower-cased text so every
 * match keeps exact character offsets.
 */
import acknowledgements from './lexicons/acknowledgements.json' with { type: 'json' };
import autonomy from './lexicons/autonomy.json' with { type: 'json' };
import feelings from './lexicons/feelings.json' with { type: 'json' };
import misspellings from './lexicons/misspellings.json' with { type: 'json' };
import pressure from './lexicons/pressure.json' with { type: 'json' };
import questions from './lexicons/questions.json' with { type: 'json' };
import reflection from './lexicons/reflection.json' with { type: 'json' };
import validation from './lexicons/validation.json' with { type: 'json' };
import value from './lexicons/value.json' with { type: 'json' };
import words from './lexicons/words.json' with { type: 'json' };

/** A phrase found in the text: [start, end) and the list it came from. */
export interface Match {
  list: LexiconName;
  start: number;
  end: number;
}

const PHRASE_LISTS = {
  genericAck: acknowledgements.generic,
  formulaic: acknowledgements.formulaic,
  feeling: feelings.phrases,
  validate: validation.validate,
  normalize: validation.normalize,
  perspective: autonomy.perspective,
  autonomy: autonomy.autonomy,
  pressure: pressure.pressure,
  dismissal: pressure.dismissal,
  defensive: pressure.defensive,
  checking: questions.checking,
  invite: questions.invite,
  leading: questions.leading,
  frame: reflection.frames,
  argument: reflection.argument,
  discount: value.discount,
  genericBenefit: value.generic_benefit,
  benefit: value.benefit,
  proof: value.proof,
  inaction: value.inaction,
  comparison: value.comparison,
  priceTrivialized: value.price_trivialized,
  feature: value.feature,
  tie: value.tie,
} as const;

/** The names of the phrase lists. */
export type LexiconName = keyof typeof PHRASE_LISTS;
export const LEXICON_NAMES = Object.keys(PHRASE_LISTS) as LexiconName[];

const NUMBER = String.raw`[$£€]?\d[\d,.]*(?:k|m)?%?`;

const escapeSource = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One pattern finds every word the misspellings list knows; longest first so "a lot" wins over "a".
const MISSPELLABLE = new RegExp(
  String.raw`(?<![\w\\])(${Object.keys(misspellings.words).sort((a, b) => b.length - a.length).map(escapeSource).join('|')})(?![\w])`,
  'g',
);

/** Lets a phrase's words also match their common misspellings ("totally" also matches "totaly"), keeping offsets exact. */
function allowMisspellings(phrase: string): string {
  return phrase.replace(MISSPELLABLE, (word) => {
    const variants = (misspellings.words as Record<string, string[]>)[word]!;
    return `(?:${[word, ...variants].map(escapeSource).join('|')})`;
  });
}

/** Turns one lexicon phrase into a regular-expression source (see lexicons/README.md). */
export function phraseSource(phrase: string): string {
  return expandContractions(allowMisspellings(phrase.trim()))
    .replace(/(?<!\(\?)'(?!\?)/g, "'?")
    .replace(/ \?/g, String.raw`\s*`)
    .replace(/(^|\s)\*(?=\s|$)/g, String.raw`$1(?:\S+\s+){0,3}`)
    .replace(/#/g, NUMBER)
    .replace(/\s+/g, String.raw`\s+`);
}

const CONTRACTIONS: [RegExp, string][] = [
  [/\b(won)'t\b/g, "(?:won'?t|will not)"],
  [/\b(can)'t\b/g, "(?:can'?t|cannot|can not)"],
  [/\b(\w+)n't\b/g, "$1(?:n'?t| not)"],
  [/\b(you|we|they)'re\b/g, "$1(?:'?re| are)"],
  [/\bi'm\b/g, "i(?:'?m| am)"],
  [/\b(i|you|we|they|he|she)'ll\b/g, "$1(?:'?ll| will)"],
  [/\b(i|you|we|they|he|she)'d\b/g, "$1(?:'?d| would| had)"],
  [/\b(i|you|we|they)'ve\b/g, "$1(?:'?ve| have)"],
  [/\b(that|it|there|what|here|he|she)'s\b/g, "$1(?:'?s| is| has)"],
];

/** Lets a phrase written with a contraction also match the long form ("you're" also matches "you are"). */
function expandContractions(phrase: string): string {
  let out = phrase;
  for (const [re, replacement] of CONTRACTIONS) out = out.replace(re, replacement);
  // Chat spelling: "you" also matches "u" and "ya", "your" also matches "ur".
  return out.replace(/(?<![\w'?])you(?![\w'(])/g, '(?:you|u|ya)').replace(/(?<![\w'?])your(?![\w'(])/g, '(?:your|ur)');
}

function compile(phrases: readonly string[]): RegExp {
  // Longest phrases first so alternation prefers the fuller match.
  const sources = [...phrases].sort((a, b) => b.length - a.length).map((p) => `(?:${phraseSource(p)})`);
  return new RegExp(String.raw`(?<![\w'])(?:${sources.join('|')})(?![\w'])`, 'g');
}

let compiled: Record<LexiconName, RegExp> | undefined;

function regexes(): Record<LexiconName, RegExp> {
  compiled ??= Object.fromEntries(LEXICON_NAMES.map((name) => [name, compile(PHRASE_LISTS[name])])) as Record<LexiconName, RegExp>;
  return compiled;
}

/** Lower-cases text without changing its length, and straightens apostrophes. */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = ch === '’' || ch === '‘' || ch === '`' ? "'" : lower.length === ch.length ? lower : ch;
    out += mapped;
  }
  return out;
}

/** Every match of every phrase list in already-normalized text. */
export function matchLexicons(normalized: string): Record<LexiconName, Match[]> {
  const out = {} as Record<LexiconName, Match[]>;
  const all = regexes();
  for (const name of LEXICON_NAMES) {
    const re = all[name];
    re.lastIndex = 0;
    const found: Match[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(normalized)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ list: name, start: m.index, end: m.index + m[0].length });
    }
    out[name] = found;
  }
  return out;
}

/** Lemmas that carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(words.stop);

/** Word -> the concept (topic) it names, e.g. "budget" -> "money". */
export const CONCEPT_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(words.concepts).flatMap(([concept, list]) => list.map((w) => [w, concept] as [string, string])),
);

/** Lemmas of verbs that describe an outcome (save, cut, protect, sink...). */
export const OUTCOME_VERBS: ReadonlySet<string> = new Set(words.outcome_verbs);

/** Number words -> values. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = words.numbers;

/** Matches a unit right after a number ("%", "hours", "a month"...). */
export const UNIT_AFTER = new RegExp(String.raw`^\s*(?:-\s*)?(?:a\s+|per\s+|an\s+)?(?:${words.units.join('|')})(?![\w])`);
