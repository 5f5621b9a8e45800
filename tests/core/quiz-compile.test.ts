import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import type { ChoiceQuestion, OrderQuestion, ReplyQuestion } from '../../src/core/quiz/quiz.ts';
import { practiceQuiz, questionsOf } from '../../src/core/quiz/quiz.ts';
import { exampleQuiz, quizText, tinyQuiz, WARM_UP } from './quiz-text.ts';

const SINGLE = '## Core\n\n### Pick one\n`single`\n\nWhich is right?\n\n- [x] Yes\n- [ ] No\n';
const codes = (text: string) => compileQuiz(text, 'content/quizzes/tiny.md').diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

describe('compileQuiz on the example quiz', () => {
  const quiz = exampleQuiz();

  it('reads the front matter into the model, with defaults for what is left out', () => {
    expect(quiz).toMatchObject({
      id: 'objection-basics',
      certificate: { name: 'Objection Handling Basics', validDays: 365 },
      timeLimitMinutes: 10,
      onTimeout: 'submit',
      passMark: 70,
      attempts: 3,
      shuffle: true,
      skills: ['objection_handling', 'active_listening'],
      lessons: ['objection-handling', 'common-objections'],
    });
    expect(quiz.contentHash).toMatch(/^[0-9a-f]{14}$/);
  });

  it('makes each "##" section a pool, in file order, with its pick and practice flag', () => {
    expect(quiz.pools.map((p) => [p.id, p.pick, p.practice, p.questions.length])).toEqual([
      ['first-moves', 2, false, 3],
      ['sequence', 1, false, 1],
      ['replies', 1, false, 1],
      ['warm-up', 2, true, 3],
    ]);
  });

  it('keeps the intro without the "# Title" line', () => {
    expect(quiz.introMarkdown).toMatch(/^Answer every question;/);
    expect(quiz.introMarkdown).not.toContain('# Objection');
  });

  it('reads a single question: prompt, options, the correct one, per-option feedback and question feedback', () => {
    const q = questionsOf(quiz)[0] as ChoiceQuestion;
    expect(q).toMatchObject({ id: 'explore-before-answering', type: 'single', points: 1, line: 27, feedback: 'Explore the objection before you answer it.' });
    expect(q.promptMarkdown).toBe('A buyer says "You\'re 20% more expensive than the other quote." What is the best first move?');
    expect(q.options.map((o) => [o.text, o.correct])).toEqual([
      ['Offer a discount to keep the deal moving', false],
      ['Ask what the other quote includes', true],
      ['List the features the other vendor lacks', false],
    ]);
    expect(q.options[1]!.feedback).toBe('Right: you need to know what is being compared before you answer.');
  });

  it('reads points from the type tag', () => {
    expect(questionsOf(quiz).map((q) => [q.type, q.points])).toContainEqual(['multiple', 2]);
  });

  it('reads an order question\'s items in their correct order', () => {
    const q = questionsOf(quiz).find((x) => x.type === 'order') as OrderQuestion;
    expect(q.items).toEqual(['Acknowledge what the buyer said', 'Ask a question to understand it', 'Answer with what matters to them', 'Check that the answer landed']);
  });

  it('reads a reply question: buyer, known facts split on ";", thresholds and the example with its position', () => {
    const q = questionsOf(quiz).find((x) => x.type === 'reply') as ReplyQuestion;
    expect(q.buyer).toBe('Your quote is 20% above the other vendor. Why would I pay more?');
    expect(q.known).toEqual(['Two missed deliveries last quarter cost them a key account', 'They renew in March']);
    expect(q.thresholds).toEqual({ active_listening: 2, value_framing: 2 });
    expect(q.example).toMatch(/^So the licences match on paper/);
    expect(q.exampleAt).toEqual({ line: 87, column: 14 });
  });

  it('practiceQuiz keeps only the practice pools, for the web bundle', () => {
    expect(practiceQuiz(quiz).pools.map((p) => p.id)).toEqual(['warm-up']);
  });
});

describe('compileQuiz reading details', () => {
  it('keeps a fenced code block in a prompt as prose, even when it looks like structure', () => {
    const quiz = tinyQuiz('## Core\n\n### Read it\n`single`\n\nWhat does this say?\n\n```\n### not a heading\n- [x] not an option\n```\n\n- [x] A note\n- [ ] A heading\n' + WARM_UP);
    const q = questionsOf(quiz)[0] as ChoiceQuestion;
    expect(q.promptMarkdown).toContain('### not a heading');
    expect(q.options.map((o) => o.text)).toEqual(['A note', 'A heading']);
  });

  it('joins a wrapped option and a wrapped option feedback', () => {
    const quiz = tinyQuiz('## Core\n\n### Pick one\n`single`\n\nWhich?\n\n- [x] A long option\n  that wraps\n  - Feedback that\n    wraps too\n- [ ] Short\n' + WARM_UP);
    const q = questionsOf(quiz)[0] as ChoiceQuestion;
    expect(q.options[0]).toMatchObject({ text: 'A long option that wraps', feedback: 'Feedback that wraps too' });
  });

  it('accepts "[X]" and "*" bullets as GitHub does', () => {
    const quiz = tinyQuiz('## Core\n\n### Pick one\n`single`\n\nWhich?\n\n* [X] Yes\n* [ ] No\n' + WARM_UP);
    expect((questionsOf(quiz)[0] as ChoiceQuestion).options.map((o) => o.correct)).toEqual([true, false]);
  });

  it('keeps a pool\'s intro prose', () => {
    const quiz = tinyQuiz('## Core\n\nThese cover the basics.\n\n### Pick one\n`single`\n\nWhich?\n\n- [x] Yes\n- [ ] No\n' + WARM_UP);
    expect(quiz.pools[0]!.introMarkdown).toBe('These cover the basics.');
  });

  it('reads reply fields in any order, a wrapped example, and the feedback before a field', () => {
    const quiz = tinyQuiz(
      '## Core\n\n### Say it\n`reply`\n\nReply.\n\n**Pass:** empathy >= 2\n**Buyer:** "Why pay more?"\n**Feedback:** Name the feeling.\n**Example:** "That sounds frustrating,\nand fair to ask."\n' + WARM_UP,
    );
    const q = questionsOf(quiz)[0] as ReplyQuestion;
    expect(q).toMatchObject({ buyer: 'Why pay more?', thresholds: { empathy: 2 }, feedback: 'Name the feeling.', example: 'That sounds frustrating, and fair to ask.' });
  });

  it('reads the same file with Windows line endings', () => {
    const text = quizText(SINGLE + WARM_UP).replace(/\n/g, '\r\n');
    const { value, diagnostics } = compileQuiz(text, 'content/quizzes/tiny.md');
    expect(diagnostics).toEqual([]);
    expect((questionsOf(value!)[0] as ChoiceQuestion).options.map((o) => o.text)).toEqual(['Yes', 'No']);
  });

  it('reads on_timeout and shuffle when given', () => {
    const quiz = tinyQuiz(SINGLE + WARM_UP, undefined, 'on_timeout: reject\nshuffle: false\n');
    expect([quiz.onTimeout, quiz.shuffle]).toEqual(['reject', false]);
  });

  it('warns when the id does not match the file name, and still compiles', () => {
    const { value, diagnostics } = compileQuiz(quizText(SINGLE + WARM_UP), 'content/quizzes/other.md');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['PARLEY023', 'warning']]);
    expect(value?.id).toBe('tiny');
  });

  it('returns no quiz when there is any error, so nothing can run a broken one', () => {
    const { value } = compileQuiz(quizText(SINGLE.replace('- [ ] No', '- [x] No') + WARM_UP), 'content/quizzes/tiny.md');
    expect(value).toBeUndefined();
  });

  it('reports a misspelled reply field once, with a suggestion, rather than reading it as prompt', () => {
    const { diagnostics } = compileQuiz(quizText('## Core\n\n### Say it\n`reply`\n\nReply.\n\n**Buyr:** Why?\n**Pass:** empathy >= 2\n' + WARM_UP), 'content/quizzes/tiny.md');
    expect(diagnostics.map((d) => [d.code, d.line, d.hint])).toEqual([['PARLEY079', 20, 'did you mean "**Buyer:**"?']]);
  });

  it('keeps a bold label in a reply prompt that is no near miss of a field, such as **Task:**', () => {
    const quiz = tinyQuiz('## Core\n\n### Say it\n`reply`\n\n**Task:** write your reply.\n\n**Buyer:** Why?\n**Pass:** empathy >= 2\n' + WARM_UP);
    expect(questionsOf(quiz)[0]!.promptMarkdown).toBe('**Task:** write your reply.');
  });

  it('reports a threshold written with another operator', () => {
    expect(codes(quizText('## Core\n\n### Say it\n`reply`\n\nReply.\n\n**Buyer:** Why?\n**Pass:** empathy > 2\n' + WARM_UP))).toEqual(['PARLEY078@21:11']);
  });

  it('reports an option without a checkbox', () => {
    expect(codes(quizText('## Core\n\n### Pick one\n`single`\n\nWhich?\n\n- [x] Yes\n- No\n- [ ] Maybe\n' + WARM_UP))).toEqual(['PARLEY079@21:1']);
  });

  it('reports a second "#" heading once, not the lines under it', () => {
    expect(codes(quizText(`# Title\n\n${SINGLE}\n# Another title\n\nSome text.\n${WARM_UP}`))).toEqual(['PARLEY079@25:1']);
  });

  it('reports a question heading with nothing under it as having no type tag', () => {
    expect(codes(quizText(`## Core\n\n### Empty\n\n### Pick one\n\`single\`\n\nWhich?\n\n- [x] Yes\n- [ ] No\n${WARM_UP}`))).toEqual(['PARLEY070@15:1']);
  });

  it('reports a file without front matter once, not its body', () => {
    expect(codes(SINGLE)).toEqual(['PARLEY001@1:1']);
  });
});

describe('the authoring guide', () => {
  it('its complete quiz example compiles with no problems', () => {
    const guide = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');
    const section = guide.slice(guide.indexOf('## Quizzes'));
    const example = /````markdown\n([\s\S]*?)\n````/.exec(section)![1]!;
    const { value, diagnostics } = compileQuiz(example, 'content/quizzes/objection-basics.md');
    expect(diagnostics).toEqual([]);
    expect(value?.pools.flatMap((p) => p.questions.map((q) => q.type)).sort()).toEqual(['multiple', 'order', 'reply', 'single', 'single', 'single', 'true-false', 'true-false']);
  });
});
