import { readFileSync } from 'node:fs';
import { compileScenario } from './src/core/scenario/compile-scenario.ts';
import { analyzeReply, scoreReply } from './src/core/scoring/score-reply.ts';
const lines = readFileSync('/tmp/disagree.txt', 'utf8').split('\n');
const seen = new Set<string>();
for (let i = 0; i < lines.length; i++) {
  const m = /^(\S+):(\d+) (\w+) expected (\d) scored (\d)/.exec(lines[i]!);
  if (!m) continue;
  const [, file, line, rubric, exp, sc] = m;
  const sc2 = compileScenario(readFileSync(file!, 'utf8'), file!).value!;
  const node = Object.values(sc2.nodes).find((n: any) => n.exit?.kind === 'ask' && n.exit.ask.examples.some((e: any) => e.at.line === Number(line))) as any;
  const ex = node.exit.ask.examples.find((e: any) => e.at.line === Number(line));
  const buyer = [...node.lines].reverse().find((l: any) => l.kind === 'buyer')?.text ?? '';
  const ctx = { buyer, known: sc2.known ?? [], keyPoints: node.exit.ask.keyPoints ?? [] };
  const a = analyzeReply(ex.text, ctx);
  const r = scoreReply(ex.text, ctx, [rubric as any])[0]!;
  console.log(`${file}:${line} ${rubric} exp ${exp} ladder ${a.ladders[rubric as 'empathy'].level} final ${r.level} | ${(r.contributions ?? []).slice(0, 5).map((c) => `${c.feature} ${c.amount.toFixed(2)}`).join(', ')}`);
}
