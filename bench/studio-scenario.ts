/**
 * A generated scenario of any size for the studio benchmark: a chain of
 * buyer nodes, each with three choices (forward, a skip ahead, an ending),
 * every tenth node a scored ask, and won/lost endings. It compiles cleanly.
 */
export function generatedScenario(nodes: number): string {
  const front = `---
id: generated
title: "A generated conversation of ${nodes} nodes"
summary: A long generated scenario for measuring the studio.
persona:
  name: Robin Vale
  role: Buyer
  company: Benchmark Ltd
  style: Patient.
  brief: Generated for the benchmark.
industry: Testing
variables:
  trust: { value: 1, min: 0, max: 10 }
skills: [objection_handling]
lessons: [objection-handling]
methodology: general
objection: price
difficulty: beginner
minutes: 60
scoring: path
---
# A generated conversation
`;
  const body: string[] = [];
  const steps = nodes - 2;
  const title = (i: number) => (i >= steps ? (i === steps ? 'Won' : 'Lost') : `Step ${i + 1}`);
  const anchor = (i: number) => title(i).toLowerCase().replace(/\s+/g, '-');
  for (let i = 0; i < steps; i++) {
    const next = Math.min(i + 1, steps);
    const skip = Math.min(i + 3, steps);
    body.push(`## ${title(i)}`, `**Robin:** This is point ${i + 1} of the conversation. What do you say?`, '');
    if (i % 10 === 9) {
      body.push(':::ask{rubrics="active_listening,empathy"}', 'Answer Robin in your own words.', '- example (3,3): "So the timing is what worries you. What would need to be true to start?"', ':::', '');
      body.push(`- average >= 2 -> [${title(next)}](#${anchor(next)})`, `- otherwise -> [Lost](#lost)`, '');
    } else {
      body.push(
        `- "Tell me more about that." \`trust +1\` \`score 3\` -> [${title(next)}](#${anchor(next)})`,
        `- "Let's skip ahead." \`if trust >= 2 else "Robin wants to be heard first"\` \`score 2\` -> [${title(skip)}](#${anchor(skip)})`,
        `- "Let's stop here." \`score 0\` -> [Lost](#lost)`,
        '',
      );
    }
  }
  body.push('## Won', '**Robin:** Let us go ahead.', '', ':::end{outcome="won" score="100"}', 'You listened all the way.', ':::', '');
  body.push('## Lost', '**Robin:** Maybe another time.', '', ':::end{outcome="lost" score="0"}', 'The conversation ended early.', ':::', '');
  return front + body.join('\n');
}
