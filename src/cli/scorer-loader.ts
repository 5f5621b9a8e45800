import type { Rubric } from '../core/content/rubric.ts';
import type { ReplyScorer } from '../core/scoring/reply-scorer.ts';

/**
 * The rubric scorer, loaded once on first need: it brings the NLP model, so a
 * command that never scores a typed reply (choices only, `parley lint`)
 * never pays for it. Coaching comes from the project's rubric files.
 */
export function scorerLoader(rubrics: readonly Rubric[]): () => Promise<ReplyScorer> {
  let scorer: Promise<ReplyScorer> | undefined;
  return () => {
    scorer ??= import('../core/scoring/score-reply.ts').then(
      ({ createRubricScorer }) => createRubricScorer({ coaching: [...rubrics] }),
      (error: unknown) => {
        scorer = undefined; // let a later attempt try again
        throw error;
      },
    );
    return scorer;
  };
}
