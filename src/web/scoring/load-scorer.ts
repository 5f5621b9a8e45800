/**
 * The rubric scorer, loaded on first need: it carries the NLP model (several
 * hundred KB), so it is its own chunk and no page pays for it until a typed
 * reply is about to be scored.
 */
import { rubrics } from 'virtual:parley-content';
import type { ReplyScorer } from '../../core/scoring/reply-scorer.ts';

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

/**
 * For steps that never score (picking a choice): the engine's contract takes
 * a scorer, and this one says clearly if it is ever asked to score.
 */
export const noScorer = (version: string): ReplyScorer => ({
  version,
  score() {
    throw new Error('a typed reply reached the engine before the scorer loaded');
  },
});
