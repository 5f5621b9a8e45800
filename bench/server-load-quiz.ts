/**
 * A generated 20-question certification quiz for the server load test:
 * 8 single choice, 4 multiple choice, 3 true/false, 3 ordering and 2
 * written replies (scored by the rubric scorer), one pool, all drawn.
 * It compiles cleanly.
 */
export function loadTestQuiz(): string {
  const front = `---
id: load-test
title: Load test certification
summary: Twenty generated questions for measuring the team server.
certificate:
  name: Load Test Certificate
  valid_days: 30
time_limit_minutes: 30
on_timeout: submit
pass_mark: 70
attempts: 3
pools:
  - { id: questions, pick: 20 }
---
# Load test certification

Generated for the benchmark.

## Questions
`;
  const body: string[] = [];
  let n = 0;
  const heading = (type: string) => {
    n += 1;
    body.push(`### Question ${n}`, `\`${type}\``, '', `Generated question ${n}: pick the best answer.`, '');
  };
  for (let i = 0; i < 8; i++) {
    heading('single');
    body.push('- [ ] A tempting wrong answer', '  - Why it is wrong.', '- [x] The right answer', '  - Why it is right.', '- [ ] Another wrong answer', '- [ ] A third wrong answer', '');
  }
  for (let i = 0; i < 4; i++) {
    heading('multiple points=2');
    body.push('- [x] A right option', '- [x] Another right option', '- [ ] A wrong option', '- [ ] Another wrong option', '', '**Feedback:** Two are right.', '');
  }
  for (let i = 0; i < 3; i++) {
    heading('true-false');
    body.push('- [x] True', '- [ ] False', '');
  }
  for (let i = 0; i < 3; i++) {
    heading('order');
    body.push('1. First step', '2. Second step', '3. Third step', '4. Fourth step', '');
  }
  for (let i = 0; i < 2; i++) {
    heading('reply points=2');
    body.push(
      '**Buyer:** Your quote is 20% above the other vendor. Why would I pay more?',
      '**Known:** Two missed deliveries last quarter cost them a key account',
      '**Pass:** active_listening >= 2, value_framing >= 2',
      '',
    );
  }
  return `${front}\n${body.join('\n')}`;
}
