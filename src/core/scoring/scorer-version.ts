/**
 * The deterministic scorer's version, recorded in every run so a score can be
 * traced to the rules that gave it. Its own module so a face can record it
 * without loading the scorer and its NLP model. Bump it whenever a rule or a
 * lexicon changes what a reply scores.
 */
export const RULES_SCORER_VERSION = 'rules-3';
