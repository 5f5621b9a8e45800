import { performance } from 'node:perf_hooks';
import { compileQuiz } from '../src/core/quiz/compile-quiz.ts';
import { gradePaper, validateAnswers, type Answer } from '../src/core/quiz/grade.ts';
import { assemblePaper, type Paper } from '../src/core/quiz/paper.ts';
import { createRubricScorer } from '../src/core/scoring/score-reply.ts';

/** Median of `runs` timings of `work`, in milliseconds, after one warm-up. */
function time(work: () => void, runs: number): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const TYPES = ['single', 'multiple', 'true-false', 'order'] as const;

/** A large quiz: `perPool` questions in each of three certification pools, a reply pool and a practice pool. */
function bigQuizText(perPool: number): string {
  const question = (pool: string, i: number) => {
    const type = TYPES[i % TYPES.length]!;
    const head = `### ${pool} question ${i}\n\`${type}${i % 3 === 0 ? ' points=2' : ''}\`\n\nWhich answer fits case ${i} best, given what the buyer said?\n\n`;
    switch (type) {
      case 'single':
        return `${head}- [ ] Offer a discount at once\n  - Conceding early teaches the buyer to push.\n- [x] Ask what matters most\n- [ ] Send a brochure\n- [ ] Call again next week\n\n**Feedback:** Explore first.\n`;
      case 'multiple':
        return `${head}- [x] Names a competitor\n- [x] Asks about onboarding\n- [ ] Checks the time\n- [ ] Asks for a brochure\n- [x] Brings in a colleague\n`;
      case 'true-false':
        return `${head}- [x] True\n- [ ] False\n`;
      case 'order':
        return `${head}1. Acknowledge\n2. Ask\n3. Answer\n4. Confirm\n5. Agree next steps\n`;
    }
  };
  const reply = (i: number) =>
    `### Reply ${i}\n\`reply points=2\`\n\nWrite what you would say next.\n\n**Buyer:** Your quote is 20% above the other vendor. Why would I pay more?\n**Known:** Two missed deliveries last quarter cost them a key account\n**Pass:** active_listening >= 2, empathy >= 2, value_framing >= 2\n`;
  const pools = ['fundamentals', 'tactics', 'closing'];
  const sections = pools.map((p) => `## ${p}\n\n${Array.from({ length: perPool }, (_, i) => question(p, i)).join('\n')}`);
  sections.push(`## replies\n\n${Array.from({ length: 10 }, (_, i) => reply(i)).join('\n')}`);
  sections.push(`## warm-up\n\n${Array.from({ length: 20 }, (_, i) => question('warm-up', i)).join('\n')}`);
  return `---
id: big
title: A large quiz
summary: For the benchmark.
certificate: { name: Big, valid_days: 365 }
time_limit_minutes: 60
pass_mark: 80
attempts: 3
pools:
${pools.map((p) => `  - { id: ${p}, pick: 10 }`).join('\n')}
  - { id: replies, pick: 2 }
  - { id: warm-up, pick: 10, practice: true }
---
# A large quiz

${sections.join('\n')}`;
}

/** A plausible answer for every question of a paper. */
function answersFor(paper: Paper): Record<string, Answer> {
  const reply = 'So the licences match on paper. After two missed deliveries cost you a key account, our round-the-clock support means a late truck is caught before your customer notices. What did that account cost you?';
  return Object.fromEntries(
    paper.questions.map((q) => {
      const ids = (q.options ?? []).map((o) => o.id);
      const answer: Answer = q.type === 'reply' ? { reply } : q.type === 'order' ? { order: ids } : q.type === 'multiple' ? { optionIds: ids.slice(0, 2) } : { optionId: ids[0]! };
      return [q.id, answer];
    }),
  );
}

/** Quiz benchmark: compile a large quiz, draw a paper, validate and grade it (replies with the deterministic scorer). */
export async function benchQuiz(): Promise<{ ok: boolean }> {
  const text = bigQuizText(50);
  const { value: quiz, diagnostics } = compileQuiz(text, 'content/quizzes/big.md');
  if (!quiz) throw new Error(`the benchmark quiz does not compile: ${diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('; ')}`);
  const questions = quiz.pools.reduce((n, p) => n + p.questions.length, 0);
  const scorer = createRubricScorer();
  let seed = 0;
  const paper = assemblePaper(quiz, 'certification', 1);
  const answers = answersFor(paper);
  const compile = time(() => compileQuiz(text, 'content/quizzes/big.md'), 20);
  const assemble = time(() => assemblePaper(quiz, 'certification', ++seed), 200);
  const validate = time(() => validateAnswers(paper, answers), 200);
  const grade = time(() => gradePaper(quiz, paper, answers, scorer), 50);

  const rows: [string, number, number][] = [
    [`compile (${questions} questions, ${text.length.toLocaleString('en-US')} chars)`, compile, 100],
    [`assemblePaper (${paper.questions.length} questions)`, assemble, 5],
    ['validateAnswers', validate, 1],
    ['gradePaper (2 replies scored)', grade, 20],
  ];
  console.log('\nQuizzes (median)');
  let ok = true;
  for (const [label, ms, target] of rows) {
    const met = ms < target;
    ok &&= met;
    console.log(`  ${label.padEnd(46)} ${ms.toFixed(2).padStart(8)} ms  (target < ${target} ms) ${met ? 'ok' : 'MISSED'}`);
  }
  return { ok };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchQuiz();
