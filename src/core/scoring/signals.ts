/**
 * The linguistic signals every rubric reads, computed once per reply: the
 * reply's sentences with their overlap with the buyer's line and the known
 * facts, question kinds, and every lexicon match.
 */
import { hasKey, isContent, personKey, quantitiesOf, vocabularyOf, wordKey, type Quantity, type Vocabulary } from './content-words.ts';
import { CONCEPT_OF, OUTCOME_VERBS, matchLexicons, normalizeText, type LexiconName, type Match } from './lexicon.ts';
import { analyze, type Analysis, type Token } from './nlp.ts';
import type { ReplyContext } from './reply-scorer.ts';

/** Whose sentence it is: the grammatical subject of its main clause. */
export type Person = 'you' | 'we' | 'i' | 'third';

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
  /** wink's sentiment for the sentence: evaluative language, in any vocabulary. */
  sentiment: number;
  /** Subject of the main clause, after any stock opener ("Got it, ..."). */
  subject: Person | null;
  /** Opens with a reflection frame ("So you...", "It sounds like..."), so what follows is the buyer's view. */
  framed: boolean;
  /** Turns against something: opens with or turns on "but", "however", "actually", "though". */
  contrast: boolean;
  /** Contains a negation (not, never, no...). */
  negated: boolean;
  /** Puts words in quotation marks: scare quotes around the buyer's words mock them. */
  quotes: boolean;
  /** A "X is Y" sentence: the shape of a judgement ("december is chaos", "that's rough"). */
  copular: boolean;
  /** Number of words. */
  words: number;
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
const PERSON: Record<string, Person> = {
  you: 'you', your: 'you', yours: 'you', "you're": 'you', "you've": 'you', "you'd": 'you', "you'll": 'you', u: 'you', ur: 'you', youre: 'you', yall: 'you', "y'all": 'you',
  we: 'we', our: 'we', us: 'we', ours: 'we', "we're": 'we', "we've": 'we', "we'll": 'we', "we'd": 'we',
  i: 'i', my: 'i', me: 'i', "i'm": 'i', "i've": 'i', "i'll": 'i', "i'd": 'i', im: 'i',
};
const CONTRAST = /^(but|however|though|although|actually|yet|still|except|honestly)$/;
const NEGATION = /^(not|n't|nt|never|no|nothing|none|nobody|neither|nor|cannot|without|dont|cant|wont|isnt|arent|doesnt|didnt|wouldnt|shouldnt|couldnt|wasnt|werent|havent|hasnt|aint)$/;

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
      // Chat replies end a thought with an emoji as often as with a full stop.
      const terminal = /^[.?!…]+$/.test(tok.text) || tok.text === '...' || /^\p{Extended_Pictographic}+$/u.test(tok.text);
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
    const openers = [...matches.genericAck, ...matches.formulaic].filter(inside);
    const words = tokens.filter((t) => /\w/.test(t.text));
    const wink = a.sentences[tokens[0]!.sentence];
    const from = firstContentStart(tokens, openers);
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
      sentiment: wink?.sentiment ?? 0,
      subject: subjectOf(tokens, from),
      // A sentence opening "So..." summarises, unless the rep is its subject ("So we...", "So if...").
      framed: matches.frame.some((m) => m.start >= start && m.start <= from + 1) || /^\W*so\b,?\s+(?!(?:we|i|let's|lets|our|if|that|what|how|why|when|can|could|shall|should|would|will|do|does|did|are|is|may)\b)/i.test(text),
      contrast: opensWithContrast(tokens, from),
      negated: tokens.some((t) => NEGATION.test(t.lower) || /n't$/.test(t.lower)),
      copular: tokens.some((t) => t.lemma === 'be' && (t.pos === 'AUX' || t.pos === 'VERB')),
      words: words.length,
      quotes: /(^|[\s(])['"“‘][^'"“”‘’]{2,60}['"”’](?=[\s,.;:!?)]|$)/.test(text),
      has,
    });
  }

  const quantities = quantitiesOf(a);
  const newQuantities = quantities.filter((q) => !buyer.numbers.has(q.value) && !known.numbers.has(q.value));
  return { reply, sentences, matches, quantities, newQuantities, wordCount: a.tokens.filter((t) => /\w/.test(t.text)).length };
}

/** Where the sentence's own content starts, after stock openers ("Got it, I hear you, ..."). */
function firstContentStart(tokens: readonly Token[], openers: readonly Match[]): number {
  let at = tokens[0]!.start;
  for (const t of tokens) {
    if (t.start < at) continue;
    const opener = openers.find((m) => m.start <= t.start && t.start < m.end);
    if (opener) at = opener.end;
    else if (/^[,;:.!—–-]+$/.test(t.text) || /^(so|and|well|ok|okay|oh|ah|yeah|yes|right|look|honestly|totally|absolutely|sure|hey)$/.test(t.lower)) at = t.end;
    else return t.start;
  }
  return at;
}

/** The sentence's own content opens with "but", "however", "actually"... (after any stock opener). */
function opensWithContrast(tokens: readonly Token[], from: number): boolean {
  const content = tokens.filter((t) => t.start >= from && /\w/.test(t.text));
  if (content[0] && CONTRAST.test(content[0].lower)) return true;
  // "...way better tho": a trailing "tho"/"though" turns the whole sentence against what was said.
  const last = content[content.length - 1];
  if (last && /^(tho|though)$/.test(last.lower) && content.length > 2) return true;
  // "Got it, but...": the opener skipped "but" only if it came right after a stock phrase.
  const before = tokens.filter((t) => t.start < from && /\w/.test(t.text));
  return before.length > 0 && /^(but|however|though|actually)$/.test(before[before.length - 1]!.lower);
}

/** The subject of the sentence's main clause: the last pronoun or noun before its first verb. */
function subjectOf(tokens: readonly Token[], from: number): Person | null {
  let subject: Person | null = null;
  for (const t of tokens) {
    if (t.start < from) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX') return subject ?? (t.lower === "let's" ? 'we' : null);
    const person = PERSON[t.lower];
    if (person) {
      // "our platform", "your team": the possessive decides whose subject it is.
      if (subject === null || t.pos === 'PRON') subject = person;
    } else if ((t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') && subject === null) subject = 'third';
    if (/^[,;:—–]$/.test(t.text) && subject !== null) return subject;
  }
  return subject;
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
