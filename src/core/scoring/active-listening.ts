/**
 * Active listening: does the reply show the rep heard what this buyer said?
 * Restating the concern and asking an open or checking question about it are
 * the two moves; arguing, pressure and pitching past the buyer hold it down.
 */
import type { Match } from './lexicon.ts';
import type { ReplySignals, SentenceSignals } from './signals.ts';
import { VerdictBuilder, type Verdict } from './verdict.ts';

/** How strongly a statement (not a question) restates the buyer's concern; 0 for arguments and pitches. */
export function restatementStrength(s: SentenceSignals): number {
  if (s.question) return 0;
  if (s.has('argument') || s.has('dismissal') || s.has('defensive') || s.has('pressure') || s.has('discount')) return 0;
  // A statement opening with "So..." summarises, unless the rep is the subject ("so we...").
  const frame = s.has('frame') || /^\W*so\b(?!\s+(we|i|let's|our|if))/i.test(s.text);
  if (s.buyerOverlap === 0 && !frame) return 0;
  // Known facts brought back are context, not a restatement of what the buyer just said.
  let score = s.buyerOverlap + Math.min(0.5, 0.5 * s.knownOverlap) + 0.5 * Math.min(1, s.conceptOverlap);
  if (frame) score += 1.5;
  if (s.addressesBuyer) score += 0.5;
  if (s.has('feeling') || s.has('inaction')) score += 0.5;
  // A sentence about the rep's own offer is a pitch, even when it reuses the buyer's words.
  if (s.aboutUs && (s.has('feature') || s.has('benefit') || s.has('genericBenefit'))) score -= 2;
  return score;
}

export const RESTATEMENT_THRESHOLD = 3;

/** Sentences that restate the buyer's concern. */
export function restatements(signals: ReplySignals): SentenceSignals[] {
  return signals.sentences.filter((s) => restatementStrength(s) >= RESTATEMENT_THRESHOLD);
}

/** A question that invites the buyer to say more about what they raised. */
export function listeningQuestions(signals: ReplySignals): SentenceSignals[] {
  return signals.sentences.filter((s) => s.question === 'checking' || (s.question === 'open' && !s.has('discount')) || (s.question === 'closed' && isDiscoveryQuestion(s)));
}

const OFFER_QUESTION = /^\W*(?:so\s+)?(?:(?:do\s+you\s+)?want|would\s+you\s+like|shall|should|can|could|may)\s+(?:me|i|we|us)\b|^\W*(?:want|wanna)\b/i;

function isDiscoveryQuestion(s: SentenceSignals): boolean {
  // A closed question about the buyer's own situation still digs into it;
  // one offering our next step ("Want me to send...?") or about our offer is a pitch.
  if (OFFER_QUESTION.test(s.text)) return false;
  return !(s.aboutUs && (s.has('feature') || s.has('benefit')));
}

/** Refers to the buyer's topic: their words, or their topic in a sentence that is not a pitch. */
function picksUpTopic(s: SentenceSignals): boolean {
  if (s.question === 'open' || s.question === 'checking' || s.question === 'leading') return false;
  const pitch = s.aboutUs && (s.has('feature') || s.has('benefit') || s.has('genericBenefit'));
  return pitch ? s.buyerOverlap >= 2 : s.buyerOverlap > 0 || s.conceptOverlap > 0;
}

/** The first match of a list at the start of the reply or of a sentence. */
export function openerMatch(signals: ReplySignals, list: 'genericAck' | 'formulaic'): Match | undefined {
  return signals.matches[list].find((m) => signals.sentences.some((s) => m.start >= s.start && m.start <= s.start + 12));
}

/** Rates active listening. */
export function rateActiveListening(signals: ReplySignals): Verdict {
  const v = new VerdictBuilder('active_listening');
  const restated = restatements(signals);
  const questions = listeningQuestions(signals);
  const harm = [...signals.matches.dismissal, ...signals.matches.pressure];
  const topic = signals.sentences.find(picksUpTopic);
  const ack = openerMatch(signals, 'formulaic') ?? openerMatch(signals, 'genericAck');

  for (const s of restated) v.raise(s, 'restates the concern');
  for (const s of questions) v.raise(s, s.question === 'checking' ? 'checking question' : 'open question about the concern');
  for (const s of signals.sentences.filter((x) => x.question === 'leading')) v.cap(s, 'leading or rhetorical question', 'a leading or rhetorical question is not a listening question');

  let level: number;
  if (restated.length && questions.length) level = 4;
  else if (restated.length || questions.length) level = 3;
  else if (topic) level = 2;
  else if (ack) level = 1;
  else level = 0;

  if (restated.length) v.good('you put the buyer\'s concern in your own words');
  if (questions.length) v.good('you asked a question that invites the buyer to say more');
  if (!restated.length && !questions.length && topic) {
    v.raise(topic, 'picks up the buyer\'s topic');
    v.good('you picked up the buyer\'s topic');
  }
  if (level === 1 && ack) {
    v.raise(ack, 'generic acknowledgement');
    v.good('you acknowledged the buyer');
  }

  const defensive = signals.matches.defensive;
  if (defensive.length && level > 2) {
    for (const m of defensive) v.cap(m, 'defensive');
    v.cap(null, 'defensive', 'defending your side instead of exploring the concern caps active listening at 2');
    level = 2;
  }
  if (harm.length) {
    const dismissal = signals.matches.dismissal.length > 0;
    const max = dismissal || !restated.length ? 0 : 2;
    if (level > max) {
      for (const m of harm) v.cap(m, dismissal ? 'dismissal' : 'pressure phrase');
      v.cap(null, 'argues', dismissal ? 'dismissing or contradicting the buyer caps active listening at 0' : `arguing or pressing instead of exploring the concern caps active listening at ${max}`);
      level = max;
    }
  }
  const but = argumentAfterAck(signals);
  if (but && level > 2) {
    v.cap(but, '"I understand, but" argument', '"I understand, but" followed by an argument caps active listening at 2');
    level = 2;
  }
  return v.done(level);
}

/** "I understand, but..." : a stock acknowledgement followed by an argument. */
export function argumentAfterAck(signals: ReplySignals): Match | undefined {
  const ack = openerMatch(signals, 'formulaic') ?? openerMatch(signals, 'genericAck');
  if (!ack) return undefined;
  const counters = [...signals.matches.argument, ...signals.matches.dismissal, ...signals.matches.defensive];
  const arg = counters.find((m) => m.start >= ack.end && m.start - ack.end < 60 && /\bbut\b|\bhowever\b|\bthough\b/i.test(signals.reply.slice(ack.end, m.end)));
  return arg ? { list: 'argument', start: ack.start, end: arg.end } : undefined;
}
