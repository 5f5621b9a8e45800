import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import { assemblePaper, type Paper } from '../../src/core/quiz/paper.ts';
import { paperLength, practiceQuiz, questionsOf, type ChoiceQuestion, type OrderQuestion, type Quiz } from '../../src/core/quiz/quiz.ts';
import { exampleQuiz, tinyQuiz, WARM_UP } from './quiz-text.ts';

const quiz = exampleQuiz();
const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const poolOf = (q: Quiz, id: string) => q.pools.find((p) => p.questions.some((x) => x.id === id))!.id;
const byId = (paper: Paper, id: string) => paper.questions.find((q) => q.id === id);

describe('assemblePaper', () => {
  it('gives the same paper for the same quiz, mode and seed', () => {
    expect(assemblePaper(quiz, 'certification', 42)).toEqual(assemblePaper(quiz, 'certification', 42));
    expect(assemblePaper(quiz, 'practice', 42)).toEqual(assemblePaper(quiz, 'practice', 42));
  });

  it('draws different questions and orders for different seeds', () => {
    const draws = new Set(SEEDS.map((s) => assemblePaper(quiz, 'certification', s).questions.map((q) => q.id).join(',')));
    const orders = new Set(SEEDS.map((s) => byId(assemblePaper(quiz, 'certification', s), 'handle-it-in-order')!.options!.map((o) => o.text).join('|')));
    expect(draws.size).toBeGreaterThan(3);
    expect(orders.size).toBeGreaterThan(3);
  });

  it('draws exactly `pick` questions from each certification pool', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const counts: Record<string, number> = {};
      for (const q of assemblePaper(quiz, 'certification', seed).questions) counts[poolOf(quiz, q.id)] = (counts[poolOf(quiz, q.id)] ?? 0) + 1;
      expect(counts).toEqual({ 'first-moves': 2, sequence: 1, replies: 1 });
    }
  });

  it('draws practice papers only from practice pools, and certification papers never from them', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      expect(assemblePaper(quiz, 'practice', seed).questions.map((q) => poolOf(quiz, q.id))).toEqual(['warm-up', 'warm-up']);
      expect(assemblePaper(quiz, 'certification', seed).questions.map((q) => poolOf(quiz, q.id))).not.toContain('warm-up');
    }
  });

  it('says how long a paper is before drawing one, in each mode', () => {
    expect(paperLength(quiz, 'certification')).toBe(4);
    expect(paperLength(quiz, 'practice')).toBe(2);
    for (const mode of ['certification', 'practice'] as const) expect(assemblePaper(quiz, mode, 7).questions).toHaveLength(paperLength(quiz, mode));
  });

  it('keeps pools in file order', () => {
    const pools = assemblePaper(quiz, 'certification', 7).questions.map((q) => poolOf(quiz, q.id));
    expect([...new Set(pools)]).toEqual(['first-moves', 'sequence', 'replies']);
  });

  it('counts the points available on the paper', () => {
    const paper = assemblePaper(quiz, 'certification', 3);
    expect(paper.available).toBe(paper.questions.reduce((sum, q) => sum + q.points, 0));
  });

  it('shows a reply question\'s buyer, known facts and rubrics, not its thresholds', () => {
    const reply = byId(assemblePaper(quiz, 'certification', 1), 'answer-a-price-objection')!;
    expect(reply).toEqual({
      id: 'answer-a-price-objection',
      title: 'Answer a price objection',
      type: 'reply',
      points: 2,
      promptMarkdown: 'Write what you would say next.',
      buyer: 'Your quote is 20% above the other vendor. Why would I pay more?',
      known: ['Two missed deliveries last quarter cost them a key account', 'They renew in March'],
      rubrics: ['active_listening', 'value_framing'],
    });
  });

  it('shows True before False whatever the authored order', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const tf = byId(assemblePaper(quiz, 'certification', seed), 'silence-after-the-price');
      if (tf) expect(tf.options!.map((o) => o.text)).toEqual(['True', 'False']);
    }
  });

  it('never shows an order question already in the right order', () => {
    const items = (questionsOf(quiz).find((q) => q.type === 'order') as OrderQuestion).items;
    for (const seed of SEEDS) {
      expect(byId(assemblePaper(quiz, 'certification', seed), 'handle-it-in-order')!.options!.map((o) => o.text)).not.toEqual(items);
    }
  });

  it('with shuffle: false keeps questions and single options in file order, but still shuffles order questions', () => {
    const body = '## Core\n\n### A\n`single`\n\nA?\n\n- [x] A1\n- [ ] A2\n- [ ] A3\n\n### B\n`order`\n\nB?\n\n1. B1\n2. B2\n3. B3\n' + WARM_UP;
    const still = tinyQuiz(body, '  - { id: core, pick: 2 }\n  - { id: warm-up, pick: 1, practice: true }', 'shuffle: false\n');
    for (const seed of SEEDS.slice(0, 20)) {
      const paper = assemblePaper(still, 'certification', seed);
      expect(paper.questions.map((q) => q.id)).toEqual(['a', 'b']);
      expect(paper.questions[0]!.options!.map((o) => o.text)).toEqual(['A1', 'A2', 'A3']);
      expect(paper.questions[1]!.options!.map((o) => o.text)).not.toEqual(['B1', 'B2', 'B3']);
    }
  });

  it('gives the same practice paper from the practice-only quiz a web bundle carries', () => {
    expect(assemblePaper(practiceQuiz(quiz), 'practice', 9)).toEqual(assemblePaper(quiz, 'practice', 9));
  });
});

describe('a paper carries no answer key', () => {
  const secrets: string[] = [];
  for (const q of questionsOf(quiz)) {
    if (q.feedback) secrets.push(q.feedback);
    if (q.type === 'reply') secrets.push(q.example!);
    if (q.type !== 'order' && q.type !== 'reply') for (const o of q.options) if (o.feedback) secrets.push(o.feedback);
  }

  it('has no correct flags, feedback, thresholds, example, source lines or authored order in its JSON', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      for (const mode of ['certification', 'practice'] as const) {
        const json = JSON.stringify(assemblePaper(quiz, mode, seed));
        for (const key of ['correct', 'feedback', 'thresholds', 'example', 'exampleAt', 'items', 'line', 'pick', 'practice']) expect(json).not.toContain(`"${key}":`);
        for (const secret of secrets) expect(json).not.toContain(secret);
      }
    }
  });

  it('gives options opaque ids that differ from seed to seed', () => {
    const ids = SEEDS.slice(0, 20).flatMap((seed) => assemblePaper(quiz, 'practice', seed).questions.flatMap((q) => q.options!.map((o) => o.id)));
    for (const id of ids) expect(id).toMatch(/^o[0-9a-f]{14}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tells nothing by position or by id: the correct option lands at every place and every id rank', () => {
    const single = questionsOf(quiz)[0] as ChoiceQuestion;
    const right = single.options.find((o) => o.correct)!.text;
    const places = new Set<number>();
    const ranks = new Set<number>();
    for (const seed of SEEDS) {
      const shown = byId(assemblePaper(quiz, 'certification', seed), single.id);
      if (!shown) continue;
      const options = shown.options!;
      places.add(options.findIndex((o) => o.text === right));
      ranks.add(options.map((o) => o.id).sort().indexOf(options.find((o) => o.text === right)!.id));
    }
    expect([...places].sort()).toEqual([0, 1, 2]);
    expect([...ranks].sort()).toEqual([0, 1, 2]);
  });

  it('an order question\'s first item lands at every place and every id rank', () => {
    const first = (questionsOf(quiz).find((q) => q.type === 'order') as OrderQuestion).items[0]!;
    const places = new Set<number>();
    const ranks = new Set<number>();
    for (const seed of SEEDS) {
      const options = byId(assemblePaper(quiz, 'certification', seed), 'handle-it-in-order')!.options!;
      places.add(options.findIndex((o) => o.text === first));
      ranks.add(options.map((o) => o.id).sort().indexOf(options.find((o) => o.text === first)!.id));
    }
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
    expect([...ranks].sort()).toEqual([0, 1, 2, 3]);
  });

  it('builds ids from content the rep never sees: editing certification feedback changes certification ids, not practice ones', () => {
    const file = 'tests/fixtures/quizzes/objection-basics.md';
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const edited = compileQuiz(source.replace('Explore the objection before you answer it.', 'Explore it first.'), file).value!;
    const ids = (paper: Paper) => paper.questions.flatMap((q) => q.options?.map((o) => o.id) ?? []);
    expect(ids(assemblePaper(edited, 'certification', 5))).not.toEqual(ids(assemblePaper(quiz, 'certification', 5)));
    expect(assemblePaper(edited, 'practice', 5)).toEqual({ ...assemblePaper(quiz, 'practice', 5), contentHash: edited.contentHash });
  });
});
