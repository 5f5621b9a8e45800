/**
 * The deterministic scorer's version, recorded in every run so a score can be
 * traced to the rules and the fitted level model that gave it. Its own module
 * so a face can record it without loading the scorer and its NLP model. Bump
 * the rules part whenever a rule or a lexicon changes what a reply scores;
 * the model part changes by itself whenever the level model is refitted.
 */
import levelModel from './level-model.json' with { type: 'json' };

export const RULES_SCORER_VERSION = `rules-15+${levelModel.version}`;
