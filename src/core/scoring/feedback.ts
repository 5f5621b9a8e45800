/**
 * Coaching for a verdict: what was good, then the one thing that would lift
 * the level, taken from the rubric file's coaching for that level when the
 * compiled rubric is given, otherwise from the built-in sentences below.
 */
import type { Rubric } from '../content/rubric.ts';
import type { RubricId } from '../content/vocabulary.ts';
import type { Verdict } from './verdict.ts';

/** Built-in coaching per level, used when no rubric file is passed in. */
const BUILT_IN: Record<RubricId, readonly string[]> = {
  active_listening: [
    "Before saying anything about your offer, respond to the buyer's line itself, even briefly, so they know it registered.",
    "Replace the stock phrase with a reference to the buyer's actual topic, so the acknowledgement could only belong to this conversation.",
    "Put the specific concern into your own words, or ask an open question that explores it.",
    'Combine the two: summarise what you heard, including the consequence or feeling behind it, then ask the buyer to confirm it or tell you more.',
    'Keep the restatement accurate and short, and make the question a genuine invitation, not a step toward the close.',
  ],
  empathy: [
    'Drop the counter-argument and the pressure; a calm, neutral response is already a step up.',
    "Acknowledge that the buyer has a concern before moving to content, even in a sentence.",
    "Replace the stock phrase with the buyer's actual situation or feeling, stated specifically enough that it could only apply to them.",
    'Add respect for the buyer\'s control: offer a genuine choice, take the pressure off, or say what you would want in their position.',
    'Keep the validation specific and the choice real; the buyer should feel free to say no.',
  ],
  value_framing: [
    'Hold the price and say something about what the offer actually does, even if it is only a feature.',
    'Translate each feature into the result it produces: "so what does that do for you?"',
    'Attach the benefit to something this buyer has said or you know about them: their pain, goal or circumstances.',
    "Make the outcome concrete: put a number on it, compare it with the price or the cost of doing nothing, or cite a similar customer's result.",
    "Keep the figures credible and drawn from the buyer's own situation, and the proof close to their circumstances.",
  ],
};

/** Writes the feedback sentence(s) for one verdict. */
export function feedbackFor(verdict: Verdict, rubric?: Rubric): string {
  const coaching = rubric?.levels.find((l) => l.level === verdict.level)?.coaching || BUILT_IN[verdict.rubric][verdict.level] || '';
  const good = verdict.strengths.length ? `Good: ${verdict.strengths.join('; ')}.` : '';
  const held = verdict.caps.length ? `Held down because ${lowerFirst(verdict.caps[0]!)}.` : '';
  const next = verdict.level >= 4 ? `To stay here: ${lowerFirst(coaching)}` : `Next step: ${lowerFirst(coaching)}`;
  return [good, held, next].filter(Boolean).join(' ');
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
