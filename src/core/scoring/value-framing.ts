/**
 * Value framing: does the reply frame the offer as value to this buyer? From
 * features (1) to a generic benefit (2), a benefit tied to the buyer's own
 * facts (3), and a tied outcome made concrete by numbers, a price comparison
 * or a similar customer's result (4). Caving on price sets it to 0.
 */
import type { Match } from './lexicon.ts';
import { isFeatureList, PROPOSAL, type SentenceMoves } from './moves.ts';
import type { ReplySignals, SentenceSignals } from './signals.ts';
import { VerdictBuilder, type Verdict } from './verdict.ts';

/**
 * The cost of the status quo worked out from the buyer's own facts ("34 idle crew days at $2,800 is about
 * $95k a year"): their facts plus a figure neither they nor the known facts gave, so the rep computed it.
 */
function computesCost(m: SentenceMoves, signals: ReplySignals): boolean {
  const s = m.sentence;
  if (s.question || s.framed || m.restates || s.aboutUs || s.knownOverlap + s.buyerOverlap < 2) return false;
  // "8.5k is real money for a solo practice, I'd want a reason too" weighs the price with them; it is not a cost of waiting.
  if (s.has('perspective') || s.has('validate') || s.has('autonomy') || isFeatureList(s)) return false;
  return signals.newQuantities.some((q) => q.measure && q.start >= s.start && q.start < s.end);
}

const OUTCOME_LINK = /\b(?:so (?:that )?(?:you|u|ur|your|nobody|no one|none|there|the|they|it|he|she)|instead of|rather than|without (?:\w+ing|having|any)|which (?:means|would|lets|saves|keeps))\b/i;

/**
 * A question that proposes what the offer would change ("What if the reminders went out by themselves, so your
 * leasing team stops chasing tenants?"): a suggestion with an outcome in it, not a discovery question.
 */
function proposesValue(s: SentenceSignals): boolean {
  if (!s.question || s.question === 'checking' || s.has('pressure') || !PROPOSAL.test(s.text)) return false;
  return s.outcomeVerb || OUTCOME_LINK.test(s.text) || (['benefit', 'genericBenefit', 'comparison', 'inaction', 'proof'] as const).some((l) => s.has(l));
}

/** A stock benefit, a price comparison or proof in the sentence outside every match of the given list. */
function claimBeside(s: SentenceSignals, signals: ReplySignals, list: 'pressure' | 'priceTrivialized'): boolean {
  const inside = (m: Match) => m.start >= s.start && m.start < s.end;
  const around = signals.matches[list].filter(inside);
  const claims = [...signals.matches.genericBenefit, ...signals.matches.comparison, ...signals.matches.proof].filter(inside);
  return claims.some((c) => !around.some((p) => c.start < p.end && p.start < c.end));
}

/** A claim of value: an outcome for the buyer, in open vocabulary or from the lists. */
function isValueSentence(m: SentenceMoves, signals: ReplySignals): boolean {
  const s = m.sentence;
  // Questions ask; they do not claim value, unless one proposes what the offer would change ("what if it ran
  // inside the inbox you already use, so nobody has to learn anything?"). A restatement reports the buyer's view,
  // even with "less" in it. Urgency with nothing of the buyer's in it ("install slots fill up fast") is pressure,
  // not value; a stock claim beside the push ("trust me, it pays for itself") is still a claim of value.
  if (s.question) return proposesValue(s);
  if (s.has('pressure') && s.knownOverlap === 0 && s.buyerOverlap < 2 && !claimBeside(s, signals, 'pressure')) return false;
  // Arguing the price away ("less than a couple of coffees", "nobody will notice it") is not value, even with a
  // comparison in it; a real claim beside it still is.
  if (s.has('priceTrivialized') && !claimBeside(s, signals, 'priceTrivialized')) return false;
  if (computesCost(m, signals)) return true;
  // A sentence on the buyer's side ("you're right to protect the launch") names their situation, not what the offer does.
  // A stock claim in it ("most owners find it saves them time") is still one, and so is what peers found the
  // offer does, said as normalizing ("most centres find the app frees up hours").
  if (m.validates && m.validates.list !== 'normalize' && !s.aboutUs && !(['feature', 'genericBenefit', 'comparison', 'proof'] as const).some((l) => s.has(l))) return false;
  // ...unless it goes on to say what the offer changes ("Since your staff re-key orders, this removes that step").
  const offerActs = s.outcomeVerb && /\b(this|it|we|our|ours)\b/i.test(s.text);
  if (m.restates && !s.aboutUs && !offerActs && (s.framed || (!s.has('comparison') && !s.has('proof')))) return false;
  if (isFeatureList(s)) return false;
  // An outcome in open vocabulary: a verb of change with our offer or the buyer in the sentence.
  const outcome = s.outcomeVerb && (s.aboutUs || s.addressesBuyer || /\b(it|this|that|they)\b/i.test(s.text));
  return outcome || s.has('benefit') || s.has('genericBenefit') || s.has('comparison') || s.has('proof') || s.has('inaction');
}

/**
 * A value statement uses this buyer's facts: a known fact, or two of the
 * buyer's own words. One shared word is usually just the product category
 * ("our pumps ... your costs"), which any rep could say to any buyer.
 */
function isTied(s: SentenceSignals): boolean {
  // A stock benefit ("pays for itself") stays generic unless it carries a real fact of this buyer's, not just the product's name.
  if (s.has('genericBenefit')) return s.knownOverlap >= 2;
  if (s.knownOverlap >= 1) return true;
  return s.buyerOverlap >= 2 || (s.has('tie') && s.buyerOverlap + s.conceptOverlap >= 1);
}

const NOT_A_NAME = /^(the|our|we|i|it|that|this|your|you|they|so|and|but|if|when|with|since|for|at|in|on|last|most|every|one|a|an|my)$/i;
const NAMED_RESULT = /^\W*((?:[A-Z][\w&'.-]*\s+){1,3})(?:\w+\s+){0,6}?(?:did|went|cut|saw|got|reduced|stopped|kept|increased|grew|dropped|switched|saved|moved|brought|doubled|halved|tripled|recovered|avoided|logged|leased|took|hit|reached|ran|achieved)\b/;

/** "Northbay Freight did exactly that and went live in six weeks": a named customer and a past result. */
function namedCustomerResult(s: SentenceSignals): boolean {
  const m = NAMED_RESULT.exec(s.text);
  return m !== null && !NOT_A_NAME.test(m[1]!.trim().split(/\s+/)[0]!) && s.buyerOverlap === 0;
}

/** Rates value framing. */
export function rateValueFraming(signals: ReplySignals, moves: readonly SentenceMoves[]): Verdict {
  const v = new VerdictBuilder('value_framing');
  const value = moves.filter((m) => isValueSentence(m, signals));
  const tied = value.filter((m) => isTied(m.sentence));
  // What the offer has, said anywhere, even inside an offer question ("our panels have a 25-year warranty, want a quote?").
  const features = moves.filter((m) => !m.restates && (m.pitches || m.sentence.has('feature') || (m.sentence.aboutUs && !m.sentence.question)));
  const within = (list: readonly SentenceMoves[], at: number) => list.some((m) => at >= m.sentence.start && at < m.sentence.end);
  const concrete = [
    ...signals.newQuantities.filter((q) => q.measure && (within(tied, q.start) || value.some((m) => q.start >= m.sentence.start && q.start < m.sentence.end && m.sentence.has('comparison')))),
    ...signals.matches.proof.filter((p) => within(value, p.start)),
    ...moves.filter((m) => namedCustomerResult(m.sentence) && !m.sentence.question).map((m) => ({ list: 'proof' as const, start: m.sentence.start, end: m.sentence.end })),
    ...signals.matches.comparison.filter((c) => within(tied, c.start)),
  ];

  let level: number;
  if (tied.length && concrete.length) level = 4;
  else if (tied.length) level = 3;
  else if (value.length) level = 2;
  else if (features.length) level = 1;
  else level = 0;

  if (level === 4) {
    for (const c of concrete) v.raise(c, 'value' in c ? 'concrete outcome' : c.list === 'proof' ? "proof: a similar customer's result" : 'compared with the price');
    v.good('you made the outcome concrete');
  }
  for (const m of tied) v.raise(m.sentence, "benefit tied to the buyer's facts");
  if (tied.length) v.good("you tied the value to this buyer's own situation");
  if (level === 2) {
    for (const m of value) v.raise(m.sentence, 'generic benefit');
    v.good('you named a benefit');
  }
  if (level === 1) {
    for (const m of features) v.raise(m.sentence, 'feature without an outcome');
    v.good('you said what the offer does');
  }

  const discount = signals.matches.discount;
  if (discount.length) {
    for (const m of discount) v.cap(m, 'discount offer');
    v.cap(null, 'discount', 'a discount or price concession sets value framing to 0', 0);
  }
  if (!discount.length && level === 0) {
    const trivialized = signals.matches.priceTrivialized;
    const argued = moves.find((m) => m.argues);
    if (trivialized.length) {
      for (const m of trivialized) v.cap(m, 'argues the price away');
      v.cap(null, 'price argued away', 'arguing the price away without naming any value keeps value framing at 0', 0);
    } else if (argued) v.cap(argued.sentence, 'argues without value', 'arguing with the buyer without naming any value keeps value framing at 0', 0);
  }
  if (signals.sentences.length && signals.sentences.every((s) => s.question) && !value.length) {
    // Good discovery says nothing of value yet: 0, or 1 when the question names what the offer has.
    const max = signals.sentences.some((s) => s.has('feature')) ? 1 : 0;
    v.cap(null, 'only questions', `a reply that is only questions scores ${max === 0 ? '0' : 'at most 1'} on value framing`, max);
  }
  return v.done(level);
}
