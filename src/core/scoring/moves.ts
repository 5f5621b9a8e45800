/**
 * What each sentence of a reply does, in the terms a rater uses: restates the
 * buyer's concern, argues with it, pitches the offer, validates the buyer's
 * situation, or asks a question of some kind. The three rubrics read these
 * moves; the moves read the signals. Decided from structure (whose sentence
 * it is, contrast, negation, quotation, the buyer's words and topics) before
 * phrase lists, so a reply in unfamiliar words still lands where a rater
 * would put it.
 */
import type { Match } from './lexicon.ts';
import type { ReplySignals, SentenceSignals } from './signals.ts';

/** The moves of one sentence. A sentence can make several (validate and then pitch). */
export interface SentenceMoves {
  sentence: SentenceSignals;
  /** Puts the buyer's concern in the rep's words, from the buyer's side. */
  restates: boolean;
  /** Counters, corrects or dismisses what the buyer said. */
  argues: boolean;
  /** Talks about the offer: its features, its maker or what it does. */
  pitches: boolean;
  /** Names, evaluates or normalises the buyer's situation or feeling, on the buyer's side. */
  validates: Match | null;
  /** A question that invites the buyer to say more about their situation. */
  listeningQuestion: 'open' | 'checking' | 'discovery' | null;
  /** Picks up the buyer's topic (their words or the thing they talked about). */
  picksUpTopic: boolean;
}

/** The buyer's content a sentence carries: their own words count fully, their topics (money, time...) half. */
function buyerContent(s: SentenceSignals): number {
  return s.buyerOverlap + 0.5 * Math.min(2, s.conceptOverlap) + 0.5 * Math.min(2, s.knownOverlap);
}

/** A claim about the offer or the rep's company. */
function pitches(s: SentenceSignals): boolean {
  if (s.question) return false;
  if (s.subject === 'we') return true;
  return s.has('feature') || (s.aboutUs && (s.has('benefit') || s.has('genericBenefit') || s.has('proof')));
}

/**
 * Argues with the buyer: an explicit dismissal or counter-claim (including
 * "X isn't really free"), scare quotes around their words, or a sentence that
 * opens by turning on "but"/"actually" (or trails "tho"). A sentence framed as
 * the buyer's view ("So you're not...") reports their words instead.
 */
function argues(s: SentenceSignals): boolean {
  if (s.question && !s.has('dismissal')) return false;
  if (s.has('dismissal') || s.has('defensive') || s.has('argument')) return !reflectsNegation(s);
  // Arguing the price away ("it's less than a coffee", "nobody will notice it") answers the concern back.
  if (s.has('priceTrivialized')) return true;
  // Scare quotes around their words mock them; quoting them inside a sentence about their side ("looks like a lot for 'just texts'") does not.
  if (s.quotes && s.buyerOverlap > 0 && !s.addressesBuyer) return true;
  if (s.framed || s.subject === 'you') return false;
  // "But our...", "Actually, ...": a sentence that opens by turning against what the buyer said.
  return s.contrast && (s.buyerOverlap > 0 || s.aboutUs || s.negated);
}

/** "So you're not ready to..." : the negation is the buyer's, reported back. */
function reflectsNegation(s: SentenceSignals): boolean {
  return s.framed && !s.has('dismissal') && !s.has('defensive');
}

/** A statement that puts the buyer's concern in the rep's words. */
function restates(s: SentenceSignals, argued: boolean, pitched: boolean, signals: ReplySignals): boolean {
  if (s.question || argued) return false;
  // Unframed, a figure the buyer never gave ("about $4,400 in lost sales") is the rep's own working, not
  // the buyer's concern; framed ("So the gap is 26 people...") it is their concern summed up.
  if (!s.framed && signals.newQuantities.some((q) => q.measure && q.start >= s.start && q.start < s.end)) return false;
  // A pitch is not the buyer's view, even behind a frame ("So to answer it: our platform is audited..."),
  // unless the buyer is its subject ("So you're worried our plan charges for seats you won't use").
  if (pitched && (!s.framed || isFeatureList(s) || s.subject !== 'you')) return false;
  // A claim of what would change ("If reminders recover 10 of those, that's $1,800 against the $640") is value, not a restatement.
  if (!s.framed && (s.has('comparison') || s.has('proof') || s.has('benefit') || s.outcomeVerb)) return false;
  // With our company as the subject it is our side, framed or not.
  if (s.subject === 'we') return false;
  // A framed sentence ("So you...", "Sounds like...") reports the buyer's view: it needs their words in it.
  if (s.framed) return s.buyerOverlap >= 2 || (s.buyerOverlap >= 1 && (s.knownOverlap >= 1 || s.has('feeling')));
  // Unframed, it must carry the concern's specifics: three of the buyer's own words, or two in a full
  // sentence that also touches their topic or facts. "Budget freezes are tough" only picks up the topic.
  return s.buyerOverlap >= 3 || (s.buyerOverlap >= 2 && s.words >= 10 && s.conceptOverlap + s.knownOverlap >= 1);
}

const DEICTIC_EVALUATION = /^\W*(?:(?:oh|wow|man|ugh|ouch|yeah|ya|yes|sure|ok|okay|honestly),?\s+)*(?:that|this|it|which)(?:'s|\s+is|\s+was|\s+sounds(?:\s+like)?|\s+must\s+(?:be|have\s+been|feel)|\s+would\s+(?:be|make))\s/i;

/** A sentence on the buyer's side that evaluates or names their situation. */
function validates(s: SentenceSignals, all: ReplySignals, argued: boolean, pitched: boolean): Match | null {
  if (argued || pitched || s.question || s.has('pressure')) return null;
  const inSentence = (list: 'feeling' | 'validate' | 'normalize') => all.matches[list].find((m) => m.start >= s.start && m.start < s.end) ?? null;
  const normal = inSentence('normalize');
  if (normal) return normal;
  const validation = inSentence('validate');
  const feeling = inSentence('feeling');
  const onTopic = buyerContent(s) >= 0.5 || s.subject === 'you' || DEICTIC_EVALUATION.test(s.text);
  if (!onTopic) return null;
  if (validation) return validation;
  if (feeling) return feeling;
  // Open vocabulary: a clearly evaluative sentence ("december is chaos", "vanity metrics are the worst")
  // about the buyer's own topic, with no claim of ours in it.
  if (Math.abs(s.sentiment) >= 0.3 && s.copular && s.words <= 14 && !s.framed && !s.aboutUs && s.subject !== 'i' && (buyerContent(s) >= 1 || DEICTIC_EVALUATION.test(s.text))) return { list: 'feeling', start: s.start, end: s.end };
  return null;
}

const OFFER_QUESTION = /(?:^|[,;:—–-]\s*)\W*(?:so\s+|ok(?:ay)?,?\s+|great,?\s+)?(?:(?:(?:do\s+)?(?:you|u)\s+)?(?:want|wanna)|would\s+(?:you|u)\s+like|shall|should|can|could|may)\s+(?:me|i|we|us|a|an|the|to)\b|^\W*(?:want|wanna)\b/i;

const ASKS_PERMISSION_TO_ASK = /\b(?:can|could|may|mind if)\s+(?:i|we)\s+(?:just\s+)?(?:ask|check|understand|clarify|confirm)\b/i;

/**
 * A closed question digs into the buyer's concern only when it touches it: their words or topics, a
 * known fact, or a pointer back to what they said ("did that happen often?"). One that touches none of
 * it ("Do you have a budget?") qualifies the deal instead.
 */
function touchesConcern(s: SentenceSignals): boolean {
  return s.buyerOverlap + s.conceptOverlap + s.knownOverlap > 0 || /\b(that|this|it|those|these|they|them|then|there|happened|mean|feel|felt|worries|worry|concern)\b/i.test(s.text);
}

/** A suggestion put as a question: "what if...", "how about...", "would it help if...". */
export const PROPOSAL = /\b(?:what if|how about|what about if|would it help if|imagine if|suppose (?:we|you|u|it)|(?:would|might|could) it (?:make sense|help|be worth|change|work)|would (?:that|this) (?:help|change|work))\b/i;

/** The rep or their company doing something: "what if we...", "how about I...", "might it make sense for us to...". */
const REP_MOVE = /\b(?:we|i|us|our)\b/i;

/** "When would be a good time to meet?": booking the next step, not asking about the buyer. */
const SCHEDULING_QUESTION = /\b(?:good|best|convenient|better)\s+(?:time|day)\b|\b(?:when|what\s+time|which\s+day)\b.{0,40}\b(?:meet|call|demo|chat|talk|catch\s+up|book|schedule|get\s+together|connect|sign|start)\b/i;

function listeningQuestion(s: SentenceSignals, pitched: boolean): SentenceMoves['listeningQuestion'] {
  if (s.question === 'checking') return 'checking';
  // "What if we dropped the rate?", "How about I send the one-pager?": the rep proposing their own move, not asking.
  if (PROPOSAL.test(s.text) && REP_MOVE.test(s.text)) return null;
  if (SCHEDULING_QUESTION.test(s.text)) return null;
  // "Can I show you how?" offers our next step even with a wh-word in it; "Can I ask what...?" still asks.
  if (s.question === 'open') return s.has('discount') || (OFFER_QUESTION.test(s.text) && !ASKS_PERMISSION_TO_ASK.test(s.text)) ? null : 'open';
  // A closed question about the buyer's own situation still digs into it; one offering our
  // next step ("Want me to send...?") or about our offer is a pitch.
  if (s.question === 'closed' && touchesConcern(s) && !OFFER_QUESTION.test(s.text) && !pitched && !(s.aboutUs && (s.has('feature') || s.has('benefit')))) return 'discovery';
  return null;
}

const CONSEQUENCE = /\b(so|which (means|saves|lets|keeps|gives|cuts)|that means|meaning|so that|that way|lets? (you|u|your|ur))\b/i;

/**
 * "Our suite includes invoicing, payroll, bank feeds and tax estimates": a list of what it has, with no
 * link to what changes. A list is three or more items joined by commas or "and", all but the first and at most one other short (five words at most).
 */
export function isFeatureList(s: SentenceSignals): boolean {
  if (!s.has('feature') || CONSEQUENCE.test(s.text) || s.has('genericBenefit') || s.has('comparison') || s.has('inaction') || s.has('proof')) return false;
  const items = s.text.split(/,|;|\band\b|\+|&|\bplus\b/i).map((part) => part.trim().split(/\s+/).filter((w) => /\w/.test(w)).length).filter((n) => n > 0);
  // The first item carries the verb ("Our suite includes invoicing"); the rest are short noun phrases.
  const rest = items.slice(1);
  const short = rest.filter((n) => n <= 5).length;
  if (items.length >= 3 && short >= 2 && short >= rest.length - 1) return true;
  // A long inventory ("two senior testers, OWASP coverage, authenticated testing, an executive summary...") has longer items, but many of them.
  return rest.length >= 4 && rest.filter((n) => n <= 8).length >= rest.length - 1;
}

/**
 * Picks up the buyer's topic: their words outside a pitch, or naming how their situation feels. A pitch
 * picks it up only with two of their words; a feature list never does, however much of the buyer's
 * vocabulary it lists ("we have certified payroll, union rate tables, fringe remittance files...").
 */
function picksUpTopic(s: SentenceSignals, pitched: boolean): boolean {
  if (s.question) return false;
  if (pitched) return !isFeatureList(s) && s.buyerOverlap >= 2;
  return buyerContent(s) >= 1 || (s.has('feeling') && (s.has('validate') || s.subject === 'you'));
}

/** The moves of every sentence of a reply. */
export function movesOf(signals: ReplySignals): SentenceMoves[] {
  return signals.sentences.map((s) => {
    const argued = argues(s);
    const pitched = pitches(s);
    const question = listeningQuestion(s, pitched);
    return {
      sentence: s,
      argues: argued,
      pitches: pitched,
      restates: restates(s, argued, pitched, signals),
      validates: validates(s, signals, argued, pitched),
      listeningQuestion: question,
      picksUpTopic: picksUpTopic(s, pitched),
    };
  });
}
