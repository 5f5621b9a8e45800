import { analyzeReply, scoreReply } from './src/core/scoring/score-reply.ts';
const [buyer, reply] = [process.argv[2]!, process.argv[3]!];
const ctx = { buyer, known: [], keyPoints: [] };
const a = analyzeReply(reply, ctx);
for (const r of scoreReply(reply, ctx, ['active_listening', 'empathy', 'value_framing'])) console.log(r.rubric, 'ladder', a.ladders[r.rubric].level, 'final', r.level, 'caps', r.caps, '|', (r.contributions ?? []).map((c) => `${c.feature} ${c.amount.toFixed(2)}`).join(', '));
for (const [k, ms] of Object.entries(a.signals.matches)) if (ms.length && ['pressure','dismissal','defensive','discount','autonomy','perspective','validate'].includes(k)) console.log('  ', k, ms.map((m) => JSON.stringify(reply.slice(m.start, m.end))).join(' '));
