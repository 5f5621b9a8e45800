/**
 * The only module that imports wink-nlp: turns text into tokens (with
 * character offsets, lemmas, parts of speech and negation) and sentences.
 * The model is loaded once, on first use, and works in Node and the browser.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of analysed text; offsets are [start, end) into the text. */
export interface Token {
  text: string;
  /** Lower-cased text with curly apostrophes straightened. */
  lower: string;
  lemma: string;
  /** Porter stem of the word ("supers" and "super" both "super"), for matching the buyer's words. */
  stem: string;
  pos: string;
  /** True when wink marks the token as inside a negation's scope. */
  negated: boolean;
  start: number;
  end: number;
  sentence: number;
}

/** A sentence: its token range [first, last] and character span. */
export interface Sentence {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** Ends with a question mark (or is phrased as one). */
  question: boolean;
  /** wink's sentiment score, -1 (negative) to 1 (positive); 0 for neutral text. */
  sentiment: number;
}

/** Text split into tokens and sentences. */
export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

type Wink = ReturnType<typeof winkNLP>;
let engine: Wink | undefined;

function nlp(): Wink {
  engine ??= winkNLP(model, ['sbd', 'pos', 'negation', 'sentiment']);
  return engine;
}

/** Very long inputs are analysed up to this many characters, to keep scoring fast. */
export const MAX_ANALYSED_CHARS = 6000;

/** Analyses text once; every signal reads from the result. Never throws on odd input. */
export function analyze(text: string): Analysis {
  const source = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  if (!source.trim()) return { text, tokens: [], sentences: [] };
  const wink = nlp();
  const its = wink.its;
  const doc = wink.readDoc(source);
  const values = doc.tokens().out() as string[];
  // The lemma helper's declared type does not fit `out`'s signature, though it works at run time.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const stems = doc.tokens().out(its.stem as unknown as typeof its.value) as string[];
  const negations = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];

  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    // wink keeps the original text of each token; find it from the cursor so
    // offsets stay exact even around contractions and odd whitespace.
    let at = value ? source.indexOf(value, cursor) : -1;
    if (at < 0 || at - cursor > 40) at = Math.min(cursor, source.length);
    const end = Math.min(source.length, at + value.length);
    tokens.push({
      text: value,
      lower: value.toLowerCase().replace(/[’‘]/g, "'"),
      lemma: (lemmas[i] ?? value).toLowerCase().replace(/[’‘]/g, "'"),
      stem: (stems[i] ?? value).toLowerCase(),
      pos: pos[i] ?? 'X',
      negated: negations[i] === true,
      start: at,
      end,
      sentence: 0,
    });
    cursor = end;
  }

  const sentences: Sentence[] = [];
  for (const [n, [first, last]] of spans.entries()) {
    if (first > last || !tokens[first] || !tokens[last]) continue;
    const index = sentences.length;
    for (let t = first; t <= last; t++) tokens[t]!.sentence = index;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const body = source.slice(start, end);
    sentences.push({ first, last, start, end, text: body, question: /\?\s*["')\]]*\s*$/.test(body) || /\?/.test(body.slice(-3)), sentiment: Number(sentiments[n]) || 0 });
  }
  return { text, tokens, sentences };
}
