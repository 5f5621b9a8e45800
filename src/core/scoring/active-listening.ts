/**
 * Active listening: does the reply show the rep heard what this buyer said?
 * Restating the concern and asking an open or checking question about it are
 * the two moves; arguing, pressure and pitching past the buyer hold it down.
 */
import type { Match } from './lexicon.ts';
import type { SentenceMoves } from './moves.ts';
import type { ReplySignals } from './signals.ts';
import { VerdictBuilder, type Verdict } from './verdict.ts';

/** The first match of a list at the start of the reply or of a sentence. */
export function openerMatch(signals: ReplySignals, list: 'genericAck' | 'formulaic'): Match | undefined {
  return signals.matches[list].find((m) => signals.sentences.some((s) => m.start >= s.start && m.start <= s.start + 12));
}

/** "I understand, but..." : a stock acknowledgement followed by an argument. */
export function argumentAfterAck(signals: ReplySignals, moves: readonly SentenceMoves[]): Match | undefined {
  const ack = openerMatch(signals, 'formulaic') ?? openerMatch(signals, 'genericAck');
  if (!ack) return undefined;
  const next = moves.find((m) => m.sentence.end > ack.end);
  if (!next || !next.argues) return undefined;
  // The span covers the acknowledgement and the turn after it: about 40 characters, ending on a word boundary.
  const reach = ack.end + 40;
  const wordEnd = reach >= next.sentence.end ? next.sentence.end : signals.reply.slice(reach).search(/[\s,.;:!?]/);
  const end = reach >= next.sentence.end || wordEnd < 0 ? next.sentence.end : Math.min(next.sentence.end, reach + wordEnd);
  const between = signals.reply.slice(ack.end, end);
  // The turn: "but"/"however" right after the acknowledgement, or a counter-claim as the very next sentence.
  if (!/\b(but|however|though|although|yet|still)\b/i.test(between) && next.sentence.start < ack.end) return undefined;
  return { list: 'argument', start: ack.start, end };
}

/** Rates active listening. */
export function rateActiveListening(signals: ReplySignals, moves: readonly SentenceMoves[]): Verdict {
  const v = new VerdictBuilder('active_listening');
  const restated = moves.filter((m) => m.restates);
  const questions = moves.filter((m) => m.listeningQuestion);
  const topic = moves.find((m) => m.picksUpTopic && !m.argues) ?? moves.find((m) => m.picksUpTopic);
  const ack = openerMatch(signals, 'formulaic') ?? openerMatch(signals, 'genericAck');
  const arguing = moves.filter((m) => m.argues);

  for (const m of restated) v.raise(m.sentence, 'restates the concern');
  for (const m of questions) v.raise(m.sentence, m.listeningQuestion === 'checking' ? 'checking question' : m.listeningQuestion === 'open' ? 'open question about the concern' : 'question about the buyer\'s situation');
  // A leading or rhetorical question is marked but limits nothing: it simply does not count as listening.
  for (const s of signals.sentences.filter((x) => x.question === 'leading')) v.cap(s, 'leading or rhetorical question');

  let level: number;
  if (restated.length && questions.length) level = 4;
  else if (restated.length || questions.length) level = 3;
  else if (topic) level = 2;
  else if (ack) level = 1;
  else level = 0;

  if (restated.length) v.good("you put the buyer's concern in your own words");
  if (questions.length) v.good('you asked a question that invites the buyer to say more');
  if (level === 2 && topic) {
    v.raise(topic.sentence, "picks up the buyer's topic");
    v.good("you picked up the buyer's topic");
  }
  if (level === 1 && ack) {
    v.raise(ack, 'generic acknowledgement');
    v.good('you acknowledged the buyer');
  }

  const dismissal = signals.matches.dismissal;
  const pressure = signals.matches.pressure;
  if (dismissal.length) {
    for (const m of dismissal) v.cap(m, 'dismissal');
    v.cap(null, 'dismissal', 'dismissing or contradicting the buyer caps active listening at 0', 0, 'ladder');
  }
  const but = argumentAfterAck(signals, moves);
  if (but) v.cap(but, '"I understand, but" argument', '"I understand, but" followed by an argument caps active listening at 2', 2, 'ladder');
  else if (arguing.length) {
    for (const m of arguing) v.cap(m.sentence, 'argues with the buyer');
    if (restated.length || questions.length) v.cap(null, 'argues', 'arguing with the buyer after hearing them out caps active listening at 3', 3, 'ladder');
    else if (ack || moves.some((m) => m.sentence.framed && !m.argues)) v.cap(null, 'argues', 'an acknowledgement followed by an argument caps active listening at 2', 2, 'ladder');
    else v.cap(null, 'argues', 'answering the buyer back instead of exploring the concern caps active listening at 0', 0, 'ladder');
  }
  if (pressure.length && !restated.length && !questions.length) {
    for (const m of pressure) v.cap(m, 'pressure phrase');
    const max = ack ? 1 : 0;
    v.cap(null, 'pressure', `pressing for a decision instead of exploring the concern caps active listening at ${max}`, max, 'ladder');
  } else if (pressure.length) {
    for (const m of pressure) v.cap(m, 'pressure phrase');
    v.cap(null, 'pressure', 'pressing for a decision after hearing the buyer out caps active listening at 2', 2, 'ladder');
  }
  return v.done(level);
}
