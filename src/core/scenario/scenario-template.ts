/**
 * The starter scenario a trainer begins from (`parley new scenario`, the
 * studio's "New"): a short, complete conversation that compiles cleanly and
 * shows every common part (choices with effects and scores, a scored typed
 * reply with examples and score branches, a won and a lost ending), ready to
 * be rewritten.
 */

/** A kebab-case id from a title: "Too expensive!" -> "too-expensive". */
export function scenarioIdOf(title: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'new-scenario';
}

/** YAML-safe double-quoted string. */
const quoted = (text: string) => JSON.stringify(text);

/** The starter file for a new scenario with this title. */
export function scenarioTemplate(title: string): string {
  const name = title.trim() || 'New scenario';
  return `---
id: ${scenarioIdOf(name)}
title: ${quoted(name)}
summary: An operations manager likes the product but says the price is more than she planned to spend.
persona:
  name: Morgan Reyes
  role: Operations Manager
  company: Harbourline Supplies
  style: Friendly and direct, busy, wants to get to the point.
  brief: Morgan has budget for the year but has to justify anything new to her finance director. She warms up when the rep asks about the work her team does by hand.
industry: Wholesale distribution
known:
  - Morgan's team of four re-keys about 200 orders a week from email into the order system
  - Keying errors caused 9 wrong shipments last quarter
variables:
  trust: { value: 1, min: 0, max: 5 }
skills: [objection_handling, active_listening, value_framing]
lessons: [objection-handling]
methodology: general
objection: price
difficulty: beginner
minutes: 5
scoring: path
compliance:
  no-unapproved-discount:
    rule: Never offer a discount the deal desk has not approved.
    fails: turn
    detect: ['\\b\\d+ ?(%|percent) off', '\\bdiscount\\b']
---
# ${name}

## Opening
*Morgan has your proposal open on her laptop.*

**Morgan:** I like what I saw, honestly. But this is more than I planned to spend this year.

- "That's fair to raise. What were you expecting to spend, and what would it need to do to be worth it?" \`trust +1\` \`score 4\` -> [What it is worth](#what-it-is-worth)
- "I can take 10% off if you sign this week." \`breaks no-unapproved-discount\` \`score 0\` -> [Price first](#price-first)

## What it is worth
**Morgan:** Mostly I need my team off the order re-keying. And no more wrong shipments; we had nine last quarter.

:::ask{rubrics="active_listening,value_framing"}
Tie the price to what Morgan just told you, in your own words.
- key point: four people re-key about 200 orders a week by hand
- key point: nine wrong shipments last quarter
- example (4,4): "So it's the re-keying and the nine wrong shipments that cost you most. If orders flow straight from email into the system, your four people get those hours back and the keying errors behind the shipments go away. What does one wrong shipment cost you to put right?"
- example (1,1): "Our platform has email parsing, an API and a mobile app."
:::

- value_framing >= 3 -> [Next step](#next-step)
- otherwise -> [Not convinced](#not-convinced)

## Price first
**Morgan:** If the price moves that easily, what was the first number for?

:::end{outcome="lost" score="0"}
Offering money off before showing value made the price look padded, and broke the rule on discounts.
:::

## Not convinced
**Morgan:** I'll keep it in mind. Send me something and I'll look when I can.

:::end{outcome="lost" score="30"}
The reply talked about the product, not about the re-keying and the wrong shipments Morgan had just named.
:::

## Next step
**Morgan:** Okay, that I can take to finance. Can you put those numbers on one page?

:::end{outcome="won" score="100"}
You tied the price to the hours and the errors Morgan already feels, so she has a case to make.
:::
`;
}
