/**
 * The rubric scorer, loaded on first need: it carries the NLP model (several
 * hundred KB), so it is its own chunk and no page pays for it until a typed
 * reply is about to be scored.
 */
import { rubrics } from 'virtual:parley-content';
import { noScorer, type ReplyScorer } from '../../core/scoring/reply-scorer.ts';

let scorer: Promise<ReplyScorer> | undefined;

export function loadScorer(): Promise<ReplyScorer> {
  scorer ??= import('../../core/scoring/score-reply.ts').then(
    ({ createRubricScorer }) => createRubricScorer({ coaching: rubrics }),
    (error: unknown) => {
      scorer = undefined; // let a later attempt retry (e.g. after a network blip)
      throw error;
    },
  );
  return scorer;
}

/** What the learner is told when the scorer's chunk cannot be fetched; their reply stays in the box. */
export const SCORER_UNAVAILABLE = 'The scorer could not be loaded. Check your connection and send the reply again; your text is still here.';

/**
 * The scorer one step needs: none for a choice, the rubric scorer (loaded on
 * first use) for a typed reply. Rejects when the scorer cannot be loaded.
 */
export function scorerFor(input: { type: 'choose' | 'reply' }, version: string): Promise<ReplyScorer> {
  return input.type === 'reply' ? loadScorer() : Promise.resolve(noScorer(version));
}
