/**
 * The linguistic signals every rubric reads, computed once per reply: the
 * reply's sentences with their overlap with the buyer's line and the known
 * facts, question kinds, and every lexicon match.
 */
import { hasKey, isContent, personKey, quantitiesOf, vocabularyOf, wordKey, type Quantity, type Vocabulary } from './content-words.ts';
import { CONCEPT_OF, OUTCOME_VERBS, matchLexicons, normalizeText, type LexiconName, type Match } from './lexicon.ts';
import { analyze, type Analysis, type Token } from './nlp.ts';
import type { ReplyContext } from './reply-scorer.ts';

/** What kind of question a sentence asks, if any. */
export type QuestionKind = 'open' | 'checking' | 'closed' | 'leading';

/** One sentence of the reply with the signals found in it. */
export interface SentenceSignals {
  start: number;
  end: number;
  text: string;
  question: QuestionKind | null;
  /** Distinct buyer content words the sentence picks up. */
  buyerOverlap: number;
  /** Distinct known-fact content words (not in the buyer's line) it picks up. */
  knownOverlap: number;
  /** Topics (money, time, people...) it shares with the buyer's line. */
  conceptOverlap: number;
  /** Addresses the buyer ("you", "your"). */
  addressesBuyer: boolean;
  /** The rep's company is the subject ("we", "our", "ours"). */
  aboutUs: boolean;
  /** Has a verb of change (save, cut, protect, sink...), as a lemma, so any tense counts. */
  outcomeVerb: boolean;
  has: (list: LexiconName) => boolean;
}

/** Every signal of one reply in its context. */
export interface ReplySignals {
  reply: string;
  sentences: SentenceSignals[];
  matches: Record<LexiconName, Match[]>;
  quantities: Quantity[];
  /** Quantities whose value the buyer and the known facts do not already give. */
  newQuantities: Quantity[];
  wordCount: number;
}

const WH = new Set(['what', 'how', 'why', 'which', 'where', 'when', 'who', 'whats', "what's", 'hows', "how's", 'whose']);
const AUX_START = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would', 'will', 'should', 'have', 'has', 'shall', 'may', 'am', 'want', 'wanna']);
const US = new Set(['we', 'our', 'ours', 'us', "we're", "we've", "we'll", "we'd"]);

/** Context analysis is cached by text: a session scores many replies against one buyer line. */
const contextCache = new Map<string, { buyer: Vocabulary; known: Vocabulary }>();

function contextVocabulary(context: ReplyContext): { buyer: Vocabulary; known: Vocabulary } {
  const cacheKey = `${context.buyer}\u0000${context.known.join('\u0000')}\u0000${context.keyPoints.join('\u0000')}`;
  let found = contextCache.get(cacheKey);
  if (!found) {
    const buyer = vocabularyOf([analyze(context.buyer)]);
    const known = vocabularyOf([...context.known, ...context.keyPoints].map(analyze));
    found = { buyer, known };
    if (contextCache.size > 200) contextCache.clear();
    contextCache.set(cacheKey, found);
  }
  return found;
}

/** Splits wink's sentences further at every terminal punctuation, for chat-style replies. */
function sentenceRanges(a: Analysis): [number, number][] {
  const ranges: [number, number][] = [];
  for (const s of a.sentences) {
    let first = s.first;
    for (let t = s.first; t <= s.last; t++) {
      const tok = a.tokens[t]!;
      const terminal = /^[.?!…]+$/.test(tok.text) || tok.text === '...';
      const nextIsPunct = t < s.last && /^[.?!…"')\]]+$/.test(a.tokens[t + 1]!.text);
      if (terminal && !nextIsPunct && t < s.last) {
        ranges.push([first, t]);
        first = t + 1;
      }
    }
    if (first <= s.last) ranges.push([first, s.last]);
  }
  return ranges;
}

/** Computes every signal for a reply. Never throws for any string. */
export function replySignals(reply: string, context: ReplyContext): ReplySignals {
  const a = analyze(reply);
  const normalized = normalizeText(reply);
  const matches = matchLexicons(normalized);
  for (const list of Object.values(matches)) for (const m of list) trim(m, reply);
  const { buyer, known } = contextVocabulary(context);

  const sentences: SentenceSignals[] = [];
  for (const [first, last] of sentenceRanges(a)) {
    const tokens = a.tokens.slice(first, last + 1);
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    const text = reply.slice(start, end);
    const keys = new Set<string>();
    const concepts = new Set<string>();
    for (const t of tokens) {
      const c = CONCEPT_OF.get(t.lemma) ?? CONCEPT_OF.get(t.lower);
      if (c) concepts.add(c);
      if (isContent(t)) keys.add(wordKey(t));
      const person = personKey(t.lower);
      if (person) keys.add(person);
    }
    let buyerOverlap = 0;
    let knownOverlap = 0;
    for (const k of keys) {
      if (hasKey(buyer, k)) buyerOverlap++;
      else if (hasKey(known, k)) knownOverlap++;
    }
    let conceptOverlap = 0;
    for (const c of concepts) if (buyer.concepts.has(c)) conceptOverlap++;
    const inside = (m: Match) => m.start >= start && m.start < end;
    const has = (list: LexiconName) => matches[list].some(inside);
    sentences.push({
      start,
      end,
      text,
      question: questionKind(tokens, text, has),
      buyerOverlap,
      knownOverlap,
      conceptOverlap,
      addressesBuyer: tokens.some((t) => t.lower === 'you' || t.lower === 'your' || t.lower === "you're" || t.lower === 'u' || t.lower === 'ur'),
      aboutUs: tokens.some((t) => US.has(t.lower)),
      outcomeVerb: tokens.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && OUTCOME_VERBS.has(t.lemma)),
      has,
    });
  }

  const quantities = quantitiesOf(a);
  const newQuantities = quantities.filter((q) => !buyer.numbers.has(q.value) && !known.numbers.has(q.value));
  return { reply, sentences, matches, quantities, newQuantities, wordCount: a.tokens.filter((t) => /\w/.test(t.text)).length };
}

function questionKind(tokens: readonly Token[], text: string, has: (list: LexiconName) => boolean): QuestionKind | null {
  if (!/\?/.test(text)) return null;
  if (has('checking')) return 'checking';
  if (has('leading') || has('pressure') || has('dismissal')) return 'leading';
  const words = tokens.filter((t) => /\w/.test(t.text));
  // The question proper starts at the last clause opener: "..., so what would you want?"
  const wh = words.findIndex((t, i) => WH.has(t.lower) && (i === 0 || /^(so|and|but|or|then|also|now|plus)$/.test(words[i - 1]!.lower) || punctBefore(tokens, t)));
  if (wh >= 0) {
    const w = words[wh]!;
    // "When you say X, how..." has its question after the comma; "when" alone opens a clause.
    if (w.lower === 'when' && words.slice(wh + 1).some((t) => WH.has(t.lower) && t.lower !== 'when')) return 'open';
    return 'open';
  }
  if (has('invite')) return 'open';
  if (words.some((t) => WH.has(t.lower))) return 'open';
  const firstWord = words[0]?.lower ?? '';
  if (AUX_START.has(firstWord) || words.length > 0) return 'closed';
  return null;
}

function punctBefore(tokens: readonly Token[], t: Token): boolean {
  const i = tokens.indexOf(t);
  return i > 0 && /^[,:;—–-]$/.test(tokens[i - 1]!.text);
}

function trim(m: Match, text: string): void {
  while (m.start < m.end && /\s/.test(text[m.start]!)) m.start++;
  while (m.end > m.start && /\s/.test(text[m.end - 1]!)) m.end--;
}
