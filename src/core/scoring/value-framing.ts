/**
 * Value framing: does the reply frame the offer as value to this buyer? From
 * features (1) to a generic benefit (2), a benefit tied to the buyer's own
 * facts (3), and a tied outcome made concrete by numbers, a price comparison
 * or a similar customer's result (4). Caving on price sets it to 0.
 */
import { restatementStrength, RESTATEMENT_THRESHOLD } from './active-listening.ts';
import type { ReplySignals, SentenceSignals } from './signals.ts';
import { VerdictBuilder, type Verdict } from './verdict.ts';

function isValueSentence(s: SentenceSignals): boolean {
  if (s.question) return false;
  // "So you've found it cheaper..." restates the buyer; it is not a claim about the offer.
  if (s.has('frame') && /^\W*(so|it sounds|sounds|you're|you are|you've|you'd|when)\b/i.test(s.text) && !s.aboutUs) return false;
  // An outcome in open vocabulary: a verb of change with our offer as actor, or put as what would happen.
  const outcome = s.outcomeVerb && (s.aboutUs || s.addressesBuyer || /\b(it|this|that|they)\b/i.test(s.text));
  const claim = outcome || s.has('benefit') || s.has('genericBenefit') || s.has('comparison') || s.has('proof');
  // A restatement of the buyer's problem is not a claim about the offer, unless it also makes one.
  if (!s.aboutUs && !claim && restatementStrength(s) >= RESTATEMENT_THRESHOLD) return false;
  return claim || s.has('inaction');
}

/** A value statement uses this buyer's facts: a known fact, or the buyer's own words addressed back to them. */
function isTied(s: SentenceSignals): boolean {
  if (s.knownOverlap >= 1 || (s.has('tie') && s.buyerOverlap + s.conceptOverlap >= 1)) return true;
  if (s.has('genericBenefit')) return s.addressesBuyer && s.buyerOverlap >= 2;
  return s.buyerOverlap >= 2 || (s.addressesBuyer && s.buyerOverlap >= 1);
}

/** Rates value framing. */
export function rateValueFraming(signals: ReplySignals): Verdict {
  const v = new VerdictBuilder('value_framing');
  const statements = signals.sentences.filter((s) => s.question !== 'checking' && s.question !== 'leading' && !(s.question === 'open' && !isValueSentence(s)));
  const value = statements.filter(isValueSentence);
  const tied = value.filter(isTied);
  const features = statements.filter((s) => s.has('feature') || (s.aboutUs && !s.question));
  const concrete = [
    ...signals.newQuantities.filter((q) => q.measure).filter((q) => tied.some((s) => q.start >= s.start && q.start < s.end) || value.some((s) => q.start >= s.start && q.start < s.end && s.has('comparison'))),
    ...signals.matches.proof.filter((m) => value.some((s) => m.start >= s.start && m.start < s.end)),
    ...signals.matches.comparison.filter((m) => tied.some((s) => m.start >= s.start && m.start < s.end)),
  ];

  let level: number;
  if (tied.length && concrete.length) level = 4;
  else if (tied.length) level = 3;
  else if (value.length) level = 2;
  else if (features.length) level = 1;
  else level = 0;

  if (level === 4) {
    for (const c of concrete) v.raise(c, 'value' in c ? 'concrete outcome' : c.list === 'proof' ? 'proof: a similar customer\'s result' : 'compared with the price');
    v.good('you made the outcome concrete');
  }
  for (const s of tied) v.raise(s, 'benefit tied to the buyer\'s facts');
  if (tied.length) v.good('you tied the value to this buyer\'s own situation');
  if (level === 2) {
    for (const s of value) v.raise(s, 'generic benefit');
    v.good('you named a benefit');
  }
  if (level === 1) {
    for (const s of features) v.raise(s, 'feature without an outcome');
    v.good('you said what the offer does');
  }

  const discount = signals.matches.discount;
  if (discount.length) {
    for (const m of discount) v.cap(m, 'discount offer');
    v.cap(null, 'discount', 'a discount or price concession sets value framing to 0');
    level = 0;
  }
  const argue = signals.matches.argument.filter((m) => !value.some((s) => m.start >= s.start && m.start < s.end));
  if (!discount.length && level === 0 && argue.length) v.cap(argue[0]!, 'argues without value', 'arguing with the buyer without naming any value keeps value framing at 0');
  if (level > 1 && signals.sentences.every((s) => s.question)) {
    v.cap(null, 'only questions', 'a reply that is only questions scores at most 1 on value framing');
    level = 1;
  }
  return v.done(level);
}
