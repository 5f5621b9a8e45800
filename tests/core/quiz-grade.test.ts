import { describe, expect, it } from 'vitest';
import { gradePaper, validateAnswers, type Answer } from '../../src/core/quiz/grade.ts';
import { assemblePaper, type Paper } from '../../src/core/quiz/paper.ts';
import { forcedScorer } from '../../src/core/scoring/reply-scorer.ts';
import { tinyQuiz, WARM_UP } from './quiz-text.ts';

const BODY = `## Core

### Pick one
\`single\`

Which first?

- [x] Ask
  - Asking first shows you listened.
- [ ] Discount
  - A discount concedes too early.
- [ ] Pitch

### Pick some
\`multiple points=2\`

Which are signs of interest?

- [x] Names a competitor
- [x] Asks about onboarding
- [ ] Checks the time
  - Usually a sign the call is ending.
- [ ] Says "send me info"

### Pick many
\`multiple\`

Which are open questions?

- [x] What matters most?
- [x] How did that go?
- [x] Why now?
- [ ] Is price the issue?

### Is it so
\`true-false\`

Silence after the price is fine.

- [x] True
- [ ] False

### Sort them
\`order points=2\`

Order the steps.

1. Acknowledge
2. Ask
3. Answer
4. Confirm

### Say it
\`reply points=2\`

Reply to the buyer.

**Buyer:** Why would I pay more?
**Pass:** empathy >= 2, value_framing >= 3
**Example:** "I hear you; the extra buys uptime you told me you lack."

**Feedback:** Tie the price to what the buyer said.
${WARM_UP}`;

const POOLS = '  - { id: core, pick: 6 }\n  - { id: warm-up, pick: 1, practice: true }';
const quiz = tinyQuiz(BODY, POOLS);
const paper = assemblePaper(quiz, 'certification', 11);
const scorer = forcedScorer({ empathy: 3, value_framing: 3 });

/** The id of the option with this text on the paper. */
const opt = (questionId: string, text: string) => paper.questions.find((q) => q.id === questionId)!.options!.find((o) => o.text === text)!.id;
const grade = (answers: Record<string, Answer>, s = scorer, p: Paper = paper) => gradePaper(quiz, p, answers, s);
const one = (questionId: string, answer: Answer, s = scorer) => grade({ [questionId]: answer }, s).questions.find((q) => q.id === questionId)!;

describe('gradePaper: single and true-false', () => {
  it('gives full points for the correct option, with its feedback and the key', () => {
    const g = one('pick-one', { optionId: opt('pick-one', 'Ask') });
    expect(g).toMatchObject({ earned: 1, available: 1, correct: true, key: { optionIds: [opt('pick-one', 'Ask')] } });
    expect(g.chosenFeedback).toEqual([{ optionId: opt('pick-one', 'Ask'), feedback: 'Asking first shows you listened.' }]);
  });

  it('gives nothing for a wrong option and shows that option\'s feedback', () => {
    const g = one('pick-one', { optionId: opt('pick-one', 'Discount') });
    expect(g).toMatchObject({ earned: 0, correct: false, chosenFeedback: [{ feedback: 'A discount concedes too early.' }] });
  });

  it('gives nothing for an unanswered question and still shows the key', () => {
    const g = grade({}).questions.find((q) => q.id === 'pick-one')!;
    expect(g).toMatchObject({ earned: 0, correct: false, key: { optionIds: [opt('pick-one', 'Ask')] } });
    expect(g.answer).toBeUndefined();
  });

  it('grades true-false like single', () => {
    expect(one('is-it-so', { optionId: opt('is-it-so', 'True') }).earned).toBe(1);
    expect(one('is-it-so', { optionId: opt('is-it-so', 'False') }).earned).toBe(0);
  });
});

describe('gradePaper: multiple (partial credit)', () => {
  const some = (...texts: string[]) => one('pick-some', { optionIds: texts.map((t) => opt('pick-some', t)) }).earned;

  it('gives full points for exactly the correct options', () => {
    expect(some('Names a competitor', 'Asks about onboarding')).toBe(2);
  });

  it('gives a share for each correct option chosen', () => {
    expect(some('Names a competitor')).toBe(1);
  });

  it('takes a share away for each wrong option chosen', () => {
    expect(some('Names a competitor', 'Asks about onboarding', 'Checks the time')).toBe(1);
  });

  it('floors at zero when wrong choices outnumber right ones', () => {
    expect(some('Names a competitor', 'Checks the time', 'Says "send me info"')).toBe(0);
  });

  it('gives nothing for ticking everything', () => {
    expect(some('Names a competitor', 'Asks about onboarding', 'Checks the time', 'Says "send me info"')).toBe(0);
  });

  it('gives nothing for ticking nothing', () => {
    expect(some()).toBe(0);
  });

  it('rounds a share to two decimals: two of three correct options is 0.67 of a point', () => {
    const g = one('pick-many', { optionIds: [opt('pick-many', 'What matters most?'), opt('pick-many', 'Why now?')] });
    expect(g).toMatchObject({ earned: 0.67, correct: false });
  });
});

describe('gradePaper: order (share of pairs in order)', () => {
  const ids = (...texts: string[]) => texts.map((t) => opt('sort-them', t));

  it('gives full points for the right order, and the key is that order', () => {
    const g = one('sort-them', { order: ids('Acknowledge', 'Ask', 'Answer', 'Confirm') });
    expect(g).toMatchObject({ earned: 2, correct: true, key: { order: ids('Acknowledge', 'Ask', 'Answer', 'Confirm') } });
  });

  it('gives 5 of 6 pairs for one swap of neighbours', () => {
    expect(one('sort-them', { order: ids('Ask', 'Acknowledge', 'Answer', 'Confirm') }).earned).toBe(1.67);
  });

  it('gives nothing for the reverse order', () => {
    expect(one('sort-them', { order: ids('Confirm', 'Answer', 'Ask', 'Acknowledge') }).earned).toBe(0);
  });
});

describe('gradePaper: reply (a share per threshold met)', () => {
  it('gives full points when every threshold is met, with the rubric results and the example', () => {
    const g = one('say-it', { reply: 'Anything' });
    expect(g).toMatchObject({ earned: 2, correct: true, thresholdsMet: ['empathy', 'value_framing'], key: { thresholds: { empathy: 2, value_framing: 3 } } });
    expect(g.rubricResults!.map((r) => [r.rubric, r.level])).toEqual([['empathy', 3], ['value_framing', 3]]);
    expect(g.example).toBe('I hear you; the extra buys uptime you told me you lack.');
    expect(g.feedback).toBe('Tie the price to what the buyer said.');
  });

  it('gives half the points when one of two thresholds is met', () => {
    expect(one('say-it', { reply: 'Anything' }, forcedScorer({ empathy: 2, value_framing: 2 })).earned).toBe(1);
  });

  it('gives nothing when no threshold is met', () => {
    expect(one('say-it', { reply: 'Anything' }, forcedScorer({ empathy: 1, value_framing: 2 })).earned).toBe(0);
  });

  it('gives nothing for a blank reply without asking the scorer', () => {
    const g = one('say-it', { reply: '   ' });
    expect(g.earned).toBe(0);
    expect(g.rubricResults).toBeUndefined();
  });

  it('hands the scorer the buyer line and the rubrics', () => {
    const seen: unknown[] = [];
    const spy = { version: 'spy', score: (reply: string, context: { buyer: string }, rubrics: readonly string[]) => (seen.push([reply, context.buyer, rubrics]), []) };
    one('say-it', { reply: 'Hello' }, spy);
    expect(seen).toEqual([['Hello', 'Why would I pay more?', ['empathy', 'value_framing']]]);
  });
});

describe('gradePaper: totals', () => {
  const all = (): Record<string, Answer> => ({
    'pick-one': { optionId: opt('pick-one', 'Ask') },
    'pick-some': { optionIds: [opt('pick-some', 'Names a competitor'), opt('pick-some', 'Asks about onboarding')] },
    'pick-many': { optionIds: [opt('pick-many', 'What matters most?'), opt('pick-many', 'How did that go?'), opt('pick-many', 'Why now?')] },
    'is-it-so': { optionId: opt('is-it-so', 'True') },
    'sort-them': { order: ['Acknowledge', 'Ask', 'Answer', 'Confirm'].map((t) => opt('sort-them', t)) },
    'say-it': { reply: 'Anything' },
  });

  it('sums the points, gives the percent and passes at the pass mark', () => {
    const g = grade(all());
    expect(g).toMatchObject({ earned: 9, available: 9, percent: 100, passMark: 50, passed: true, scorerVersion: 'forced', unmatched: [] });
  });

  /** A quiz of `n` one-point single questions whose right answer is "Right". */
  const singles = (n: number, passMark: number) => {
    const body = Array.from({ length: n }, (_, i) => `### Q${i + 1}\n\`single\`\n\nPick.\n\n- [x] Right\n- [ ] Wrong\n`).join('\n');
    const q = tinyQuiz(`## Core\n\n${body}${WARM_UP}`, `  - { id: core, pick: ${n} }\n  - { id: warm-up, pick: 1, practice: true }`);
    // The model is plain data: only the pass mark differs from the compiled tiny quiz.
    return { ...q, passMark };
  };
  const answered = (p: Paper, right: number) =>
    Object.fromEntries(p.questions.map((q, i) => [q.id, { optionId: q.options!.find((o) => o.text === (i < right ? 'Right' : 'Wrong'))!.id }]));

  it('passes at exactly the pass mark', () => {
    const q = singles(2, 50);
    const p = assemblePaper(q, 'certification', 1);
    expect(gradePaper(q, p, answered(p, 1), scorer)).toMatchObject({ earned: 1, available: 2, percent: 50, passed: true });
  });

  it('rounds the percent down to one decimal, so rounding never passes a rep: 2 of 3 is 66.6%, short of 67', () => {
    const q = singles(3, 67);
    const p = assemblePaper(q, 'certification', 1);
    expect(gradePaper(q, p, answered(p, 2), scorer)).toMatchObject({ earned: 2, available: 3, percent: 66.6, passed: false });
  });

  it('adds questions\' rounded points: 8.67 of 9 is 96.3%', () => {
    const answers = all();
    answers['pick-many'] = { optionIds: [opt('pick-many', 'What matters most?'), opt('pick-many', 'Why now?')] };
    expect(grade(answers)).toMatchObject({ earned: 8.67, available: 9, percent: 96.3 });
  });

  it('gives nothing for a malformed answer and says why, without throwing', () => {
    const g = grade({ 'pick-one': { optionIds: ['x'] } as unknown as Answer, 'is-it-so': 42 as unknown as Answer, 'say-it': null as unknown as Answer });
    expect(g.questions.find((q) => q.id === 'pick-one')).toMatchObject({ earned: 0, refused: 'the answer to "pick-one" (a single question) must look like { "optionId": "..." }' });
    expect(g.questions.find((q) => q.id === 'is-it-so')!.refused).toMatch(/must look like/);
    expect(g.questions.find((q) => q.id === 'say-it')!.refused).toBeUndefined();
    expect(g.earned).toBe(0);
  });

  it('marks questions that no longer match an edited quiz as unmatched and gives them nothing', () => {
    const edited = tinyQuiz(BODY.replace('- [ ] Pitch', '- [ ] Pitch the product'), POOLS);
    const g = gradePaper(edited, paper, all(), scorer);
    expect([...g.unmatched].sort()).toEqual(['is-it-so', 'pick-many', 'pick-one', 'pick-some', 'sort-them']);
    expect(g.questions.find((q) => q.id === 'pick-one')).toMatchObject({ earned: 0, available: 1 });
  });
});

describe('validateAnswers', () => {
  it('accepts a well-formed set, with unanswered questions left out or null', () => {
    expect(validateAnswers(paper, { 'pick-one': { optionId: opt('pick-one', 'Ask') }, 'say-it': null })).toEqual([]);
  });

  it('refuses answers that are not an object', () => {
    expect(validateAnswers(paper, [1, 2])).toEqual([{ reason: 'answers must be an object of question id to answer' }]);
  });

  it('names a question that is not on the paper', () => {
    expect(validateAnswers(paper, { warm: { optionId: 'x' } })).toEqual([{ questionId: 'warm', reason: '"warm" is not a question on this paper' }]);
  });

  it('names the shape a question type needs', () => {
    expect(validateAnswers(paper, { 'pick-some': { optionId: opt('pick-some', 'Names a competitor') } })).toEqual([
      { questionId: 'pick-some', reason: 'the answer to "pick-some" (a multiple question) must look like { "optionIds": ["...", "..."] }' },
    ]);
  });

  it('refuses extra keys in an answer', () => {
    expect(validateAnswers(paper, { 'pick-one': { optionId: opt('pick-one', 'Ask'), correct: true } })[0]!.reason).toMatch(/must look like \{ "optionId"/);
  });

  it('names an option id that is not on the paper', () => {
    expect(validateAnswers(paper, { 'pick-one': { optionId: opt('pick-some', 'Names a competitor') } })[0]!.reason).toBe(`"${opt('pick-some', 'Names a competitor')}" is not an option of "pick-one"`);
  });

  it('refuses an option chosen twice', () => {
    const id = opt('pick-some', 'Names a competitor');
    expect(validateAnswers(paper, { 'pick-some': { optionIds: [id, id] } })).toEqual([{ questionId: 'pick-some', reason: `the answer to "pick-some" lists "${id}" more than once` }]);
  });

  it('refuses an order that leaves an item out', () => {
    const order = ['Acknowledge', 'Ask', 'Answer'].map((t) => opt('sort-them', t));
    expect(validateAnswers(paper, { 'sort-them': { order } })).toEqual([
      { questionId: 'sort-them', reason: `the order for "sort-them" must place all 4 items; it leaves out "${opt('sort-them', 'Confirm')}"` },
    ]);
  });

  it('refuses a reply over 5,000 characters and accepts one at the limit', () => {
    expect(validateAnswers(paper, { 'say-it': { reply: 'a'.repeat(5001) } })).toEqual([{ questionId: 'say-it', reason: 'the reply to "say-it" is 5,001 characters; the limit is 5,000' }]);
    expect(validateAnswers(paper, { 'say-it': { reply: 'é'.repeat(5000) } })).toEqual([]);
  });
});
