/**
 * The signals of one reply as numbers: what the level model weighs. Each
 * feature is something a rater would name (a restatement, an open question,
 * a pressure phrase, a figure worked out from the buyer's facts), counted and
 * capped so one reply cannot pile up a signal, plus the ladders' own levels.
 */
import type { RubricId } from '../content/vocabulary.ts';
import { argumentAfterAck, openerMatch } from './active-listening.ts';
import { isFeatureList, type SentenceMoves } from './moves.ts';
import type { ReplySignals } from './signals.ts';
import type { Verdict } from './verdict.ts';

/** What a feature is computed from. */
export interface FeatureInput {
  signals: ReplySignals;
  moves: readonly SentenceMoves[];
  /** Each rubric's ladder verdict (the rules' level, evidence and limits). */
  ladders: Record<RubricId, Verdict>;
}

/**
 * Which way a feature may pull a rubric's level: up (+1), down (-1), either
 * way (0, for shape such as length), or not at all (null). The level model is
 * fitted within these signs, so a restatement can only ever raise listening
 * and a pressure phrase only ever lower empathy.
 */
export type Pull = 1 | -1 | 0 | null;

/** One feature: a stable id, what it means in words, how to compute it, and how it may pull each rubric. */
export interface Feature {
  id: string;
  label: string;
  value: (input: FeatureInput) => number;
  pulls: Record<RubricId, Pull>;
}

/** Pulls in rubric order: active listening, empathy, value framing. */
const p = (al: Pull, em: Pull, vf: Pull): Record<RubricId, Pull> => ({ active_listening: al, empathy: em, value_framing: vf });

const cap = (n: number, max: number) => Math.min(max, n);
const RUBRIC_WORD: Record<RubricId, string> = { active_listening: 'listening', empathy: 'empathy', value_framing: 'value' };
const count = (moves: readonly SentenceMoves[], test: (m: SentenceMoves) => boolean) => moves.filter(test).length;
const matches = (x: FeatureInput, list: keyof ReplySignals['matches'], max: number) => cap(x.signals.matches[list].length, max);

/** Every feature, in the order the level model's weights use. Append new ones; never reorder. */
export const FEATURES: readonly Feature[] = [
  { id: 'ladder_active_listening', label: "the listening ladder's level", value: (x) => x.ladders.active_listening.level, pulls: p(1, null, null) },
  { id: 'ladder_empathy', label: "the empathy ladder's level", value: (x) => x.ladders.empathy.level, pulls: p(null, 1, null) },
  { id: 'ladder_value_framing', label: "the value ladder's level", value: (x) => x.ladders.value_framing.level, pulls: p(null, null, 1) },
  { id: 'restatements', label: "restatements of the buyer's concern", value: (x) => cap(count(x.moves, (m) => m.restates), 2), pulls: p(1, 1, null) },
  { id: 'open_questions', label: 'open questions', value: (x) => cap(count(x.moves, (m) => m.listeningQuestion === 'open'), 2), pulls: p(1, 1, null) },
  { id: 'checking_questions', label: 'checking questions', value: (x) => cap(count(x.moves, (m) => m.listeningQuestion === 'checking'), 1), pulls: p(1, 1, null) },
  { id: 'discovery_questions', label: "closed questions about the buyer's situation", value: (x) => cap(count(x.moves, (m) => m.listeningQuestion === 'discovery'), 2), pulls: p(1, null, null) },
  { id: 'leading_questions', label: 'leading or rhetorical questions', value: (x) => cap(x.signals.sentences.filter((s) => s.question === 'leading').length, 2), pulls: p(-1, -1, null) },
  { id: 'only_questions', label: 'a reply made only of questions', value: (x) => (x.signals.sentences.length > 0 && x.signals.sentences.every((s) => s.question) ? 1 : 0), pulls: p(null, null, -1) },
  { id: 'framed', label: 'sentences framed as the buyer\'s view ("so you...", "it sounds like...")', value: (x) => cap(x.signals.sentences.filter((s) => s.framed).length, 2), pulls: p(1, 1, -1) },
  { id: 'buyer_words', label: "the buyer's own words picked up in one sentence", value: (x) => cap(Math.max(0, ...x.signals.sentences.map((s) => s.buyerOverlap)), 5), pulls: p(1, 1, null) },
  { id: 'known_facts', label: 'known facts used in one sentence', value: (x) => cap(Math.max(0, ...notListed(x).map((s) => s.knownOverlap)), 5), pulls: p(null, null, 1) },
  { id: 'known_facts_total', label: 'known facts used in the reply', value: (x) => cap(notListed(x).reduce((sum, s) => sum + s.knownOverlap, 0), 8), pulls: p(null, null, 1) },
  { id: 'topic_pickups', label: "sentences that pick up the buyer's topic", value: (x) => cap(count(x.moves, (m) => m.picksUpTopic), 3), pulls: p(1, null, null) },
  { id: 'generic_acknowledgement', label: 'a generic acknowledgement ("got it")', value: (x) => (openerMatch(x.signals, 'genericAck') ? 1 : 0), pulls: p(1, null, null) },
  { id: 'formulaic_empathy', label: 'formulaic empathy ("I understand")', value: (x) => (x.signals.matches.formulaic.length ? 1 : 0), pulls: p(1, 1, null) },
  { id: 'validations', label: "sentences that validate the buyer's situation", value: (x) => cap(count(x.moves, (m) => m.validates !== null), 2), pulls: p(1, 1, null) },
  { id: 'feelings', label: 'named feelings', value: (x) => matches(x, 'feeling', 3), pulls: p(null, 1, null) },
  { id: 'normalizing', label: "normalizing the buyer's reaction", value: (x) => matches(x, 'normalize', 1), pulls: p(null, 1, null) },
  { id: 'perspective', label: "taking the buyer's perspective", value: (x) => matches(x, 'perspective', 2), pulls: p(1, 1, null) },
  { id: 'autonomy', label: 'leaving the choice with the buyer', value: (x) => matches(x, 'autonomy', 2), pulls: p(null, 1, null) },
  { id: 'pressure', label: 'pressure phrases', value: (x) => matches(x, 'pressure', 2), pulls: p(-1, -1, null) },
  { id: 'dismissal', label: 'dismissing or judging the buyer', value: (x) => matches(x, 'dismissal', 2), pulls: p(-1, -1, null) },
  { id: 'defensive', label: 'defensive claims', value: (x) => matches(x, 'defensive', 2), pulls: p(-1, -1, null) },
  { id: 'arguments', label: 'sentences that argue with the buyer', value: (x) => cap(count(x.moves, (m) => m.argues), 2), pulls: p(-1, -1, null) },
  { id: 'understand_but', label: '"I understand, but" followed by an argument', value: (x) => (argumentAfterAck(x.signals, x.moves) ? 1 : 0), pulls: p(-1, -1, null) },
  { id: 'pitches', label: 'sentences about the offer', value: (x) => cap(count(x.moves, (m) => m.pitches), 3), pulls: p(-1, -1, 1) },
  { id: 'feature_lists', label: 'lists of features', value: (x) => (x.signals.sentences.some(isFeatureList) ? 1 : 0), pulls: p(-1, -1, 1) },
  { id: 'discount', label: 'a discount or price concession', value: (x) => (x.signals.matches.discount.length ? 1 : 0), pulls: p(null, null, -1) },
  { id: 'generic_benefits', label: 'stock benefits ("saves time")', value: (x) => matches(x, 'genericBenefit', 2), pulls: p(null, null, 1) },
  { id: 'benefits', label: 'outcome phrases', value: (x) => matches(x, 'benefit', 3), pulls: p(null, null, 1) },
  { id: 'proof', label: "proof: a similar customer's result", value: (x) => matches(x, 'proof', 2), pulls: p(null, null, 1) },
  { id: 'comparisons', label: 'comparisons with the price', value: (x) => matches(x, 'comparison', 2), pulls: p(null, null, 1) },
  { id: 'cost_of_inaction', label: 'the cost of doing nothing', value: (x) => matches(x, 'inaction', 2), pulls: p(null, null, 1) },
  { id: 'new_figures', label: 'figures the rep worked out (not given by the buyer)', value: (x) => cap(x.signals.newQuantities.filter((q) => q.measure).length, 3), pulls: p(null, null, 1) },
  { id: 'figures', label: 'figures in the reply', value: (x) => cap(x.signals.quantities.filter((q) => !inList(x, q.start)).length, 4), pulls: p(null, null, 1) },
  { id: 'outcome_verbs', label: 'verbs of change (cut, protect, recover...)', value: (x) => cap(x.signals.sentences.filter((s) => s.outcomeVerb).length, 3), pulls: p(null, null, 1) },
  { id: 'addresses_buyer', label: 'sentences addressed to the buyer ("you")', value: (x) => cap(x.signals.sentences.filter((s) => s.addressesBuyer).length, 3), pulls: p(1, 1, null) },
  { id: 'about_us', label: 'sentences about us ("we", "our")', value: (x) => cap(x.signals.sentences.filter((s) => s.aboutUs).length, 3), pulls: p(-1, -1, 1) },
  { id: 'sentences', label: 'sentences', value: (x) => cap(x.signals.sentences.length, 8), pulls: p(null, null, null) },
  { id: 'length', label: 'length (log of the word count)', value: (x) => Math.log1p(x.signals.wordCount), pulls: p(0, 0, null) },
  { id: 'lowest_tone', label: 'the most negative sentence tone', value: (x) => Math.min(0, ...x.signals.sentences.map((s) => s.sentiment)), pulls: p(null, 1, null) },
  { id: 'highest_tone', label: 'the most positive sentence tone', value: (x) => Math.max(0, ...x.signals.sentences.map((s) => s.sentiment)), pulls: p(null, 1, null) },
  {
    id: 'only_about_the_offer',
    label: 'a reply only about the offer (every sentence a pitch or an offer question)',
    value: (x) => (x.moves.length > 0 && x.moves.every((m) => m.pitches || (m.sentence.question && !m.listeningQuestion)) ? 1 : 0),
    pulls: p(-1, -1, null),
  },
  { id: 'tied_benefits', label: "benefits tied to the buyer's facts", value: (x) => cap(evidenceOf(x, 'value_framing', "benefit tied to the buyer's facts"), 3), pulls: p(null, null, 1) },
  { id: 'concrete_outcomes', label: 'outcomes made concrete (a figure, a comparison, proof)', value: (x) => cap(evidenceOf(x, 'value_framing', 'concrete outcome', 'compared with the price', "proof: a similar customer's result"), 3), pulls: p(null, null, 1) },
  ...(['active_listening', 'empathy', 'value_framing'] as const).flatMap((rubric) =>
    [0, 1, 2, 3, 4].map((level): Feature => ({
      id: `ladder_${rubric}_at_${level}`,
      label: `the ${RUBRIC_WORD[rubric]} ladder at level ${level}`,
      value: (x) => (x.ladders[rubric].level === level ? 1 : 0),
      // Lets the model place each of its own ladder's levels on the scale; the ends can only pull outward.
      pulls: { active_listening: null, empathy: null, value_framing: null, [rubric]: level === 0 ? -1 : level === 4 ? 1 : 0 },
    })),
  ),
];

/** Sentences that are not feature lists: a spec sheet's numbers and the buyer's nouns in it tie nothing. */
function notListed(x: FeatureInput) {
  return x.signals.sentences.filter((s) => !isFeatureList(s));
}

function inList(x: FeatureInput, at: number): boolean {
  return x.signals.sentences.some((s) => at >= s.start && at < s.end && isFeatureList(s));
}

/** How many pieces of a ladder's evidence stand for the given signals. */
function evidenceOf(x: FeatureInput, rubric: RubricId, ...signals: string[]): number {
  return x.ladders[rubric].evidence.filter((e) => e.effect === 'raise' && signals.includes(e.signal)).length;
}

/** The feature values of one reply, in `FEATURES` order. */
export function replyFeatures(input: FeatureInput): number[] {
  return FEATURES.map((f) => {
    const v = f.value(input);
    return Number.isFinite(v) ? v : 0;
  });
}
