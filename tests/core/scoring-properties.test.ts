import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUBRIC_IDS } from '../../src/core/content/vocabulary.ts';
import { scoreReply } from '../../src/core/scoring/score-reply.ts';

const context = { buyer: "We're locked into a contract for 14 more months.", known: ['Ships 400 pallets a month'], keyPoints: [] };

function checkResults(reply: string): void {
  const results = scoreReply(reply, context, RUBRIC_IDS);
  expect(results).toHaveLength(3);
  for (const r of results) {
    expect(Number.isInteger(r.level) && r.level >= 0 && r.level <= 4).toBe(true);
    for (const e of r.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(reply.length);
      expect(e.start).toBeLessThan(e.end);
    }
  }
}

describe('scoreReply on any input', () => {
  it('never throws and keeps evidence inside the reply for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (reply) => checkResults(reply)), { numRuns: 200 });
  });

  it('handles full unicode, emoji and mixed scripts', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (reply) => checkResults(reply)), { numRuns: 150 });
  });

  it('handles sentences built from scoring vocabulary', () => {
    const words = fc.constantFrom('I', 'understand', 'but', 'you', 'your', 'contract', '14', 'months', '?', '.', '20%', 'off', 'so', 'what', 'would', 'save', '$400', 'right', "don't", 'we', 'sounds', 'like');
    fc.assert(fc.property(fc.array(words, { maxLength: 60 }), (ws) => checkResults(ws.join(' '))), { numRuns: 200 });
  });

  it('handles the empty string, whitespace, HTML and a 20,000-character reply', () => {
    for (const reply of ['', '   \n\t', '<script>alert(1)</script><b>hi</b>', '🙂🙃🔥 ok?? 👍'.repeat(50), 'So you are locked in for 14 months. What would help? '.repeat(400).slice(0, 20_000)]) {
      checkResults(reply);
    }
  });

  it('gives the same result twice for the same input', () => {
    const reply = 'Fourteen months is a long time to be locked in. What would need to change?';
    expect(scoreReply(reply, context, RUBRIC_IDS)).toEqual(scoreReply(reply, context, RUBRIC_IDS));
  });
});

describe('evidence spans on real replies', () => {
  it('never start or end in the middle of a word', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = ['tune-1', 'tune-2'].flatMap((name) => readFileSync(new URL(`../fixtures/scoring/${name}.jsonl`, import.meta.url), 'utf8').split('\n').filter(Boolean));
    const cut: string[] = [];
    const word = /[\p{L}\p{N}]/u;
    for (const line of lines) {
      const row = JSON.parse(line) as { id: string; context: { buyer: string; known: string[] }; response: string };
      const text = row.response;
      for (const r of scoreReply(text, { ...row.context, keyPoints: [] }, RUBRIC_IDS)) {
        for (const e of r.evidence) {
          const startsInside = e.start > 0 && word.test(text[e.start - 1]!) && word.test(text[e.start]!);
          const endsInside = e.end < text.length && word.test(text[e.end - 1]!) && word.test(text[e.end]!);
          if (startsInside || endsInside) cut.push(`${row.id} ${r.rubric} ${e.signal}: "${text.slice(e.start, e.end)}"`);
        }
      }
    }
    expect(cut).toEqual([]);
  });
});
