/**
 * Empathy: does the reply acknowledge this buyer's feelings or situation and
 * leave the decision in their hands? Specific validation, normalising,
 * perspective-taking and autonomy raise it; stock phrases stay at 2; pressure
 * caps it at 1; dismissal, blame, sarcasm or a bare counter-argument set it to 0.
 */
import { argumentAfterAck, openerMatch } from './active-listening.ts';
import type { Match } from './lexicon.ts';
import type { SentenceMoves } from './moves.ts';
import type { ReplySignals } from './signals.ts';
import { VerdictBuilder, type Verdict } from './verdict.ts';

/** Rates empathy. */
export function rateEmpathy(signals: ReplySignals, moves: readonly SentenceMoves[]): Verdict {
  const v = new VerdictBuilder('empathy');
  const harm = [...signals.matches.pressure, ...signals.matches.dismissal];
  const overlapsHarm = (m: Match) => harm.some((h) => m.start < h.end && h.start < m.end);
  const specific = moves.filter((m) => m.validates && !overlapsHarm(m.validates));
  const control = [...signals.matches.perspective, ...signals.matches.autonomy].filter((m) => !overlapsHarm(m));
  // "It really makes sense to sign this month" is pressure, not an acknowledgement.
  const pressing = (m: Match) => signals.sentences.some((s) => m.start >= s.start && m.start < s.end && s.has('pressure'));
  const formulaic = openerMatch(signals, 'formulaic') ?? signals.matches.formulaic.find((m) => !pressing(m)) ?? signals.matches.validate.find((m) => !pressing(m));
  const ack = openerMatch(signals, 'genericAck');
  const arguing = moves.filter((m) => m.argues);

  for (const m of specific) v.raise(m.validates!, signals.matches.normalize.includes(m.validates!) ? "normalizes the buyer's reaction" : "names or validates the buyer's situation");
  for (const m of control) v.raise(m, signals.matches.perspective.includes(m) ? "takes the buyer's perspective" : "respects the buyer's control");

  // A restatement is about this buyer; with any acknowledgement or a real choice it reads as validation.
  const restated = moves.filter((m) => m.restates);
  const grounded = specific.length > 0 || (restated.length > 0 && (formulaic !== undefined || control.length > 0 || signals.matches.feeling.length > 0));
  if (!specific.length && grounded) for (const m of restated) v.raise(m.sentence, "acknowledges the buyer's situation in their terms");

  let level: number;
  if (grounded && control.length) level = 4;
  else if (grounded) level = 3;
  else if (control.length && signals.matches.perspective.length) level = 3;
  else if (formulaic || (control.length && ack)) level = 2;
  else level = 1;

  if (grounded) v.good("you acknowledged this buyer's specific situation");
  if (control.length) v.good('you left the decision with the buyer');
  if (level === 2 && formulaic) {
    v.raise(formulaic, 'formulaic empathy');
    v.good('you acknowledged the concern');
  }
  if (level === 1 && ack) v.raise(ack, 'neutral acknowledgement');

  const but = argumentAfterAck(signals, moves);
  if (but) v.cap(but, '"I understand, but" argument', '"I understand, but" followed by an argument caps empathy at 2', 2);
  else {
    // The same move at sentence scale: validation first, then a counter-argument ("That's a lot. But honestly...").
    const firstValidation = specific[0]?.sentence.start;
    const rebuttal = firstValidation === undefined ? undefined : arguing.find((m) => m.sentence.start > firstValidation);
    if (rebuttal) v.cap(rebuttal.sentence, 'argument after acknowledging', 'acknowledging the buyer and then arguing with them caps empathy at 2', 2);
  }

  const acknowledged = specific.length > 0 || formulaic !== undefined;
  if (signals.matches.dismissal.length) {
    for (const m of signals.matches.dismissal) v.cap(m, 'dismissal or blame');
    v.cap(null, 'dismissal', 'dismissing, contradicting or blaming the buyer sets empathy to 0', 0);
  }
  if (signals.matches.defensive.length) {
    // Defending the company ("that won't happen with us") brushes the concern aside: level 0 on its own,
    // but after an acknowledgement raters read it as "I understand, but", capped at 2 above.
    for (const m of signals.matches.defensive) v.cap(m, 'defensive claim');
    if (!acknowledged) v.cap(null, 'defensive', 'a defensive claim with nothing acknowledging the buyer sets empathy to 0', 0);
  }
  if (signals.matches.pressure.length) {
    for (const m of signals.matches.pressure) v.cap(m, 'pressure phrase');
    // One pressure line in an otherwise warm reply caps at 1; a reply built on pressure is 0 whatever it acknowledged.
    const pressing = new Set(signals.matches.pressure.map((m) => signals.sentences.findIndex((s) => m.start >= s.start && m.start < s.end))).size;
    // The rubric caps any pressure at 1, and its level 0 is a reply that pressures instead of acknowledging;
    // the ladder also reads a reply that presses in more than one way as 0.
    v.cap(null, 'pressure', 'a pressure tactic caps empathy at 1', 1);
    if (acknowledged && pressing >= 2) v.cap(null, 'pressure', 'pressing for a decision in more than one way sets empathy to 0', 0, 'ladder');
    else if (!acknowledged) v.cap(null, 'pressure', 'a pressure tactic with nothing acknowledging the buyer sets empathy to 0', 0);
  }
  if (arguing.length && !acknowledged && !but) {
    for (const m of arguing) v.cap(m.sentence, 'argues with the buyer');
    v.cap(null, 'argues', 'answering the buyer back without acknowledging them sets empathy to 0', 0);
  }
  for (const s of signals.sentences.filter((x) => x.question === 'leading' && x.addressesBuyer && x.negated)) {
    // "Don't you want...?": a guilt-tripping question is pressure aimed at the buyer.
    v.cap(s, 'guilt-tripping question', 'a guilt-tripping question caps empathy at 1', 1);
    v.cap(null, 'guilt-tripping question', 'a guilt-tripping question sets empathy to 0', 0, 'ladder');
  }
  return v.done(level);
}
