/**
 * Empathy: does the reply acknowledge this buyer's feelings or situation and
 * leave the decision in their hands? Specific validation, normalising,
 * perspective-taking and autonomy raise it; stock phrases stay at 2; pressure
 * caps it at 1 and dismissal or blame sets it to 0.
 */
import { argumentAfterAck, openerMatch, restatements } from './active-listening.ts';
import type { Match } from './lexicon.ts';
import type { ReplySignals, SentenceSignals } from './signals.ts';
import { VerdictBuilder, type Verdict } from './verdict.ts';

/** A feeling or validation that is about this buyer: in a sentence that refers to their situation. */
function specificValidation(signals: ReplySignals): { sentence: SentenceSignals; match: Match }[] {
  const out: { sentence: SentenceSignals; match: Match }[] = [];
  const restated = new Set(restatements(signals));
  for (const s of signals.sentences) {
    if (s.question === 'leading' || s.has('dismissal') || s.has('defensive') || s.has('pressure')) continue;
    const aboutOffer = s.has('benefit') || s.has('genericBenefit') || s.has('feature');
    const refersToBuyer = s.buyerOverlap + s.knownOverlap > 0 || s.conceptOverlap > 0 || restated.has(s) || DEICTIC_FEELING.test(s.text);
    const inSentence = (list: 'feeling' | 'validate' | 'normalize') => signals.matches[list].find((m) => m.start >= s.start && m.start < s.end);
    const normal = inSentence('normalize');
    if (normal) {
      out.push({ sentence: s, match: normal });
      continue;
    }
    const validate = inSentence('validate');
    const feeling = inSentence('feeling') ?? deicticFeeling(s);
    if ((validate || (feeling && !aboutOffer)) && refersToBuyer && !(s.aboutUs && !validate && !s.addressesBuyer)) out.push({ sentence: s, match: (validate ?? feeling)! });
    // A bare validation ("That's a reasonable starting point.") right after a restatement is about it.
    else if (validate && signals.sentences.some((r) => restated.has(r) && Math.abs(signals.sentences.indexOf(r) - signals.sentences.indexOf(s)) === 1)) out.push({ sentence: s, match: validate });
  }
  return out;
}

const DEICTIC_FEELING = /^\W*(?:oh,?\s+|wow,?\s+|man,?\s+)?(?:that|this|it)(?:\s+sounds(?:\s+like)?|\s+must\s+(?:be|have\s+been|feel))\s+(?:(?:so|really|very|incredibly|pretty|super|such|a|an)\s+){0,2}([a-z-]+)/i;
const NOT_FEELINGS = /^(great|good|fine|right|true|correct|fair|okay|ok|interesting|exactly|what|why|how|the|our|we|not|because|just|one)$/;

/** "That sounds exhausting", "It must have been stressful": an open-vocabulary feeling aimed at what the buyer said. */
function deicticFeeling(s: SentenceSignals): Match | undefined {
  const m = DEICTIC_FEELING.exec(s.text);
  if (!m || NOT_FEELINGS.test(m[1]!.toLowerCase()) || s.aboutUs) return undefined;
  return { list: 'feeling', start: s.start, end: s.start + m[0].length };
}

/** Rates empathy. */
export function rateEmpathy(signals: ReplySignals): Verdict {
  const v = new VerdictBuilder('empathy');
  const specific = specificValidation(signals);
  const restated = restatements(signals);
  const control = [...signals.matches.perspective, ...signals.matches.autonomy].filter((m) => !insideHarm(signals, m));
  const formulaic = signals.matches.formulaic[0] ?? signals.matches.validate[0];
  const ack = openerMatch(signals, 'genericAck');

  for (const { match } of specific) v.raise(match, signals.matches.normalize.includes(match) ? 'normalizes the buyer\'s reaction' : 'names or validates the buyer\'s situation');
  for (const m of control) v.raise(m, signals.matches.perspective.includes(m) ? 'takes the buyer\'s perspective' : 'respects the buyer\'s control');

  let level: number;
  const feelingNamed = signals.matches.feeling.length > 0;
  const grounded = specific.length > 0 || (restated.length > 0 && (formulaic !== undefined || control.length > 0 || feelingNamed));
  if (grounded && control.length) level = 4;
  else if (grounded) level = 3;
  else if (control.length && signals.matches.perspective.length) level = 3;
  else if (formulaic) level = 2;
  else level = 1;

  if (grounded) v.good('you acknowledged this buyer\'s specific situation');
  if (control.length) v.good('you left the decision with the buyer');
  if (level === 2 && formulaic) {
    v.raise(formulaic, 'formulaic empathy');
    v.good('you acknowledged the concern');
  }
  if (level === 1 && ack) v.raise(ack, 'neutral acknowledgement');

  const but = argumentAfterAck(signals);
  if (but) {
    v.cap(but, '"I understand, but" argument', '"I understand, but" followed by an argument caps empathy at 2');
    level = Math.min(level, 2);
  }
  const pressure = signals.matches.pressure;
  const dismissal = [...signals.matches.dismissal, ...signals.matches.defensive];
  if (dismissal.length) {
    for (const m of dismissal) v.cap(m, 'dismissal or blame');
    v.cap(null, 'dismissal', 'dismissing, contradicting or blaming the buyer sets empathy to 0');
    level = 0;
  } else if (pressure.length) {
    for (const m of pressure) v.cap(m, 'pressure phrase');
    const max = specific.length || formulaic || restated.length ? 1 : 0;
    if (level > max) {
      v.cap(null, 'pressure', max === 1 ? 'a pressure tactic caps empathy at 1' : 'a pressure tactic with nothing acknowledging the buyer sets empathy to 0');
      level = max;
    }
  }
  return v.done(level);
}

function insideHarm(signals: ReplySignals, m: Match): boolean {
  return [...signals.matches.pressure, ...signals.matches.dismissal].some((h) => m.start < h.end && h.start < m.end);
}
