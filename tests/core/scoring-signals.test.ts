import { describe, expect, it } from 'vitest';
import type { RubricId } from '../../src/core/content/vocabulary.ts';
import { analyzeReply, createRubricScorer, RULES_SCORER_VERSION, scoreReply } from '../../src/core/scoring/score-reply.ts';

const buyer = 'Your software is too expensive for a team our size. We only have six people.';
const context = { buyer, known: ['Two office staff re-key every order by hand'], keyPoints: [] };

function rate(reply: string, rubric: RubricId) {
  return scoreReply(reply, context, [rubric])[0]!;
}

describe('active listening', () => {
  it('gives 4 to a restatement followed by an open question', () => {
    const r = rate('So for a team of six, the price feels out of proportion to what you would use. What would it need to cost to feel right?', 'active_listening');
    expect(r.level).toBe(4);
    expect(r.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(['restates the concern', 'open question about the concern']));
  });

  it('gives 3 to an open question that digs into the concern', () => {
    expect(rate("What's making the price feel high for a team of six?", 'active_listening').level).toBe(3);
    // Asking the buyer to say more is still listening, however it opens.
    expect(rate('What if you walked me through how your team of six would use it?', 'active_listening').level).toBe(3);
  });

  it('counts a checking question', () => {
    const r = rate('It sounds like paying for seats you will not use is frustrating for a team of six. Did I get that right?', 'active_listening');
    expect(r.level).toBe(4);
    expect(r.evidence.some((e) => e.signal === 'checking question')).toBe(true);
  });

  it('gives 1 to a generic acknowledgement', () => {
    expect(rate('Got it.', 'active_listening').level).toBe(1);
    for (const reply of ['Will do.', 'On it!', 'Certainly.', 'You got it.']) expect(rate(reply, 'active_listening').level, reply).toBe(1);
  });

  it('gives 0 to a pitch that ignores the buyer', () => {
    expect(rate('We have SSO, an API and 24/7 support.', 'active_listening').level).toBe(0);
  });

  it('does not count a leading question as listening', () => {
    const r = rate("Don't you want your team to have the best tools?", 'active_listening');
    expect(r.level).toBeLessThanOrEqual(1);
    expect(r.evidence).toContainEqual(expect.objectContaining({ effect: 'cap', signal: 'leading or rhetorical question' }));
  });
});

describe('empathy', () => {
  it('caps "I understand, but" followed by an argument at 2 and names the cap', () => {
    const r = rate("I understand, but you're wrong.", 'empathy');
    expect(r.level).toBeLessThanOrEqual(2);
    expect(r.caps.join(' ')).toMatch(/I understand, but/);
  });

  it('gives 2 to formulaic empathy', () => {
    expect(rate('I hear you.', 'empathy').level).toBe(2);
  });

  it('gives 1 to a neutral, transactional reply', () => {
    expect(rate('We have SSO, an API and 24/7 support.', 'empathy').level).toBe(1);
  });

  it('gives 3 to validation of this buyer\'s situation', () => {
    expect(rate('Paying for a big-company tool with a six-person team is frustrating.', 'empathy').level).toBe(3);
  });

  it('gives 4 to specific validation with respect for the buyer\'s control', () => {
    const r = rate('Paying for a big-company tool with a six-person team is frustrating, and I would feel the same. No pressure either way, it is entirely your call.', 'empathy');
    expect(r.level).toBe(4);
    expect(r.evidence.some((e) => e.signal === "respects the buyer's control")).toBe(true);
  });

  it('caps a pressure tactic at 1 and names it', () => {
    const r = rate('I hear you, but this price is only good until Friday.', 'empathy');
    expect(r.level).toBeLessThanOrEqual(1);
    expect(r.caps.join(' ')).toMatch(/pressure/);
    expect(r.evidence.some((e) => e.effect === 'cap' && e.signal === 'pressure phrase')).toBe(true);
  });

  it('sets explicit dismissal to 0', () => {
    expect(rate("That's not true. Every small team says that.", 'empathy').level).toBe(0);
  });

  /** The reply's empathy is 0, with the named cap among its evidence. */
  function expectEmpathyZeroedBy(reply: string, signal: string) {
    const r = rate(reply, 'empathy');
    expect(r.evidence.some((e) => e.effect === 'cap' && e.signal === signal), reply).toBe(true);
    expect(r.level, reply).toBe(0);
  }

  it.each([
    'the intro rate could vanish any week, lock it in',
    'rebates like this dont stick around forever, get in while u can',
    "Honestly you shouldn't wait on this.",
    'Prices on our side jump next month, so better to move before then.',
    'Kindest thing for your team is to start now.',
    'boards always rubber stamp this stuff, just sign the pilot',
    "Let's skip the board and split it into two smaller orders you can sign yourself.",
    "I'd hate for you to miss this, the team rate is first come, first served.",
    "You wouldn't want to be the one holding your team back over six seats, right?",
  ])('reads urgency, guilt and fear in everyday words as pressure: "%s"', (reply) => expectEmpathyZeroedBy(reply, 'pressure phrase'));

  it.each([
    'haha every small team says that til they hit twenty people',
    'owners always say that! you can swing it',
    "No need to overthink this, it's not something you need to worry about.",
    "Slow approvals? That's on your board, not on us.",
    'Funny how that worry lasts right up until the invoice arrives.',
    "Honestly the math isn't complicated.",
  ])('reads brushing the concern off as dismissal: "%s"', (reply) => expectEmpathyZeroedBy(reply, 'dismissal or blame'));

  it('"no worries" is a stock phrase, not a named worry', () => {
    const r = rate('no worries, just sign it', 'empathy');
    expect(r.evidence.some((e) => e.signal === "names or validates the buyer's situation")).toBe(false);
    expect(r.level).toBe(0);
    expect(rate('I know the price worries you with only six people.', 'empathy').evidence.some((e) => e.signal === "names or validates the buyer's situation")).toBe(true);
  });

  it.each([
    "You're right, switching tools mid-year is a bad idea. What would a good time look like?",
    "I'd hate for you to end up paying for seats six people won't use. What would you actually need?",
    "I don't want to be the one who rushes you. Take the time you need.",
    'My customers always tell me that the setup was easy.',
  ])('the same words said on the buyer\'s side are not pressure, dismissal or argument: "%s"', (reply) => {
    for (const rubric of ['active_listening', 'empathy'] as const) expect(rate(reply, rubric).evidence.filter((e) => e.effect === 'cap'), `${rubric}: ${reply}`).toEqual([]);
  });

  it('"lock in your rate" as a feature, and the answer being "nothing", are not pressure or price talk', () => {
    expect(rate('We lock in your rate for three years, so the cost for six people stays flat.', 'empathy').caps).toEqual([]);
    expect(rate('If the honest answer is nothing, that is a fine answer too. What would you want it to do?', 'empathy').caps).toEqual([]);
  });
});

describe('value framing', () => {
  it('sets a discount offer to 0 and names the cap', () => {
    const r = rate('I can knock 20% off.', 'value_framing');
    expect(r.level).toBe(0);
    expect(r.caps.join(' ')).toMatch(/discount/);
  });

  it('gives 0 or 1 to a pure open question', () => {
    expect(rate("What's making the price feel high for a team of six?", 'value_framing').level).toBeLessThanOrEqual(1);
  });

  it('gives 1 to features with no outcome', () => {
    expect(rate('We have SSO, an API and 24/7 support.', 'value_framing').level).toBe(1);
  });

  it('gives 2 to a generic benefit', () => {
    expect(rate('It saves time and boosts productivity.', 'value_framing').level).toBe(2);
  });

  it('gives 3 to a benefit tied to a known fact', () => {
    expect(rate('Since your office staff re-key every order by hand, this removes that step.', 'value_framing').level).toBe(3);
  });

  it('gives 4 to a tied outcome that is quantified against the price', () => {
    const r = rate('Since your office staff re-key every order by hand, this removes that step and saves each of them about 5 hours a week, roughly $9,000 a year against a $2,400 licence.', 'value_framing');
    expect(r.level).toBe(4);
    expect(r.evidence.some((e) => e.signal === 'concrete outcome' || e.signal === 'compared with the price')).toBe(true);
  });
});

describe('value framing reads what the offer does, not every outcome word', () => {
  const launch = { buyer: 'Migrating our whole stack right now terrifies me. We have a big launch in six weeks.', known: ['Four engineers'], keyPoints: [] };
  const ladder = (reply: string, ctx = launch) => analyzeReply(reply, ctx).ladders.value_framing;

  it("siding with the buyer's own care is not a benefit of the offer", () => {
    const v = ladder("With a launch six weeks out, you're right to protect it.");
    expect(v.level).toBe(0);
    expect(v.evidence.filter((e) => e.effect === 'raise')).toEqual([]);
  });

  it('what peers found the offer does is still a benefit, even said as normalizing', () => {
    const daycare = { buyer: 'Honestly we are a small centre and texting parents from my phone works fine for us.', known: ['Director answers about 70 texts a day'], keyPoints: [] };
    expect(ladder('Most centres find the app actually frees up a lot of time.', daycare).level).toBe(2);
  });

  it('a stock claim beside a push still names a benefit', () => {
    expect(ladder('trust me, it pays for itself').evidence.map((e) => e.signal)).toContain('generic benefit');
  });

  it('promising to get back to the buyer is not a benefit', () => {
    expect(ladder('got it, will get back to u').level).toBe(0);
  });

  it('"cheaper to run" is a stock benefit', () => {
    expect(ladder('drones are way cheaper to run').level).toBe(2);
  });

  it("a similar customer's before-and-after figures are proof", () => {
    const spend = { buyer: 'Every vendor shows me the same savings slide. Why is yours not a rounding error?', known: ['About 22% of indirect spend arrives with no purchase order'], keyPoints: [] };
    const v = ladder('A $380M manufacturer took no-PO spend from 24% to 6% in a year with us.', spend);
    expect(v.evidence.map((e) => e.signal)).toContain("proof: a similar customer's result");
  });

  it('a question that proposes what the offer would change is value, not discovery', () => {
    const crm = { buyer: 'The agents would revolt if I made them learn something new.', known: ['Agents work mostly from their phones'], keyPoints: [] };
    const v = ladder('What if it ran inside the phone apps they already use, so nobody has to learn a new tool?', crm);
    expect(v.level).toBeGreaterThanOrEqual(2);
    expect(v.caps).toEqual([]);
    expect(ladder('What would they need to see before trying something new?', crm).level).toBe(0);
  });

  it('arguing the price away is no value, even with a comparison in it, and the cap is named', () => {
    const v = ladder("Honestly it's not that much, people spend more than that on a TV.");
    expect(v.level).toBe(0);
    expect(v.caps.join(' ')).toMatch(/arguing the price away/);
    expect(ladder('That is $1.20 a day against the $6,200 you lost last spring.').level).toBeGreaterThanOrEqual(2);
  });

  it('a rep\'s own standards, reassurance or a lease framing are not the price argued away or a concession', () => {
    for (const reply of ["We don't cut corners on installs.", "That's nothing to be embarrassed about.", 'I will handle the paperwork so there is nothing for you to decide.', "You'd pay $310 a month, not $15,000 up front."]) {
      const a = analyzeReply(reply, launch);
      expect(a.signals.matches.priceTrivialized).toEqual([]);
      expect(a.signals.matches.discount).toEqual([]);
    }
  });

  it('arguing the price away answers the buyer back: no listening, no empathy', () => {
    const a = analyzeReply("Honestly it's not that much, people spend more than that on a TV.", launch);
    expect(a.moves[0]!.argues).toBe(true);
    expect(a.ladders.active_listening.level).toBe(0);
    expect(a.ladders.empathy.level).toBeLessThanOrEqual(1);
  });

  it("running down what the buyer uses now is a dismissal", () => {
    const furnace = { buyer: "I'll run the old furnace until it dies.", known: [], keyPoints: [] };
    const a = analyzeReply('Nineteen years is ancient for a furnace, you are throwing good money after bad.', furnace);
    expect(a.ladders.empathy.level).toBe(0);
    expect(a.ladders.active_listening.level).toBe(0);
  });

  it("a frame in front of the offer's feature list does not make it the buyer's view", () => {
    const reply = 'So to answer it: our team plan is audited, every one of your six people signs in with a key, each office has its own tenant and every session is recorded.';
    expect(rate(reply, 'active_listening').evidence.some((e) => e.signal === 'restates the concern')).toBe(false);
    expect(rate(reply, 'empathy').evidence.some((e) => e.effect === 'raise')).toBe(false);
  });

  it('"the most complete package" and "it covers a lot" neither normalize nor name a feeling', () => {
    const r = rate("Happy to send the quote. It covers a lot, and it's honestly one of the most complete packages for teams your size.", 'empathy');
    expect(r.evidence.some((e) => e.signal === "normalizes the buyer's reaction" || e.signal === "names or validates the buyer's situation")).toBe(false);
    const signals = rate('Six people carrying all of that is a lot. Most owners your size feel the same way.', 'empathy').evidence.map((e) => e.signal);
    expect(signals).toEqual(expect.arrayContaining(["names or validates the buyer's situation", "normalizes the buyer's reaction"]));
  });

  it('a proposal of the rep\'s own move put as a question is not a listening question', () => {
    for (const reply of ['How about I take the install down to $1,800 for a team of six?', 'What if we only billed you for four of the six seats?']) {
      const r = rate(reply, 'active_listening');
      expect(r.evidence.some((e) => e.signal === 'open question about the concern'), reply).toBe(false);
      expect(r.level, reply).toBeLessThanOrEqual(2);
    }
    expect(rate("What's making the price feel high for a team of six?", 'active_listening').level).toBe(3);
  });

  it("a feature list in the buyer's own vocabulary is still a pitch past them, not a topic picked up", () => {
    const gps = { buyer: 'We tried GPS tracking three years ago. The drivers hated it, two of my best guys threatened to quit, and we ripped it out after four months.', known: [], keyPoints: [] };
    const r = scoreReply('Our GPS tracking has driver apps, privacy hours, four-month trials and quit-anytime contracts.', gps, ['active_listening'])[0]!;
    expect(r.level).toBe(0);
    expect(r.evidence.some((e) => e.signal === "picks up the buyer's topic")).toBe(false);
  });

  it('a long inventory of what the price covers is a feature list, not a tied benefit', () => {
    const pentest = { buyer: '$32K for two weeks of testing is more than half our security budget.', known: ['Quote: $32,000 for a two-week web app and API test'], keyPoints: [] };
    const v = ladder("Here's what the $32K covers: two senior testers, OWASP Top 10 coverage, authenticated and unauthenticated testing, business-logic abuse cases, an executive summary, a findings report with CVSS scores, and one retest within 90 days.", pentest);
    expect(v.level).toBe(1);
    expect(v.evidence.map((e) => e.signal)).toEqual(['feature without an outcome']);
  });
});

describe('the scorer', () => {
  it('reports its version and scores only the rubrics asked for', () => {
    const scorer = createRubricScorer();
    expect(scorer.version).toBe(RULES_SCORER_VERSION);
    expect(scorer.score('Got it.', context, ['empathy']).map((r) => r.rubric)).toEqual(['empathy']);
  });

  it('writes feedback with the next step', () => {
    expect(rate('Got it.', 'active_listening').feedback).toMatch(/Next step/);
  });

  it('uses the rubric file\'s coaching when it is given', () => {
    const rubric = { id: 'empathy' as const, title: 'Empathy', question: '?', notes: [], examples: [], file: 'x.md', levels: [0, 1, 2, 3, 4].map((level) => ({ level, name: `L${level}`, descriptor: '', coaching: `coach ${level} from the file`, line: 1 })) };
    const [r] = scoreReply('I hear you.', context, ['empathy'], [rubric]);
    expect(r!.feedback).toContain('coach 2 from the file');
  });
});

describe('every cap names itself', () => {
  const capped = (reply: string, rubric: RubricId, signal: string) => {
    const r = rate(reply, rubric);
    expect(r.evidence.some((e) => e.effect === 'cap' && e.signal === signal), `${rubric}: ${reply}`).toBe(true);
    return r;
  };

  it('a defensive claim with nothing acknowledging the buyer sets empathy to 0', () => {
    const r = capped("We're not like the other vendors.", 'empathy', 'defensive claim');
    expect(r.level).toBe(0);
    expect(r.caps.join(' ')).toMatch(/defensive claim/);
  });

  it('validating the buyer and then arguing caps empathy at 2', () => {
    const r = capped("That's a lot for a team of six. But honestly our price is fair for what you get.", 'empathy', 'argument after acknowledging');
    expect(r.level).toBeLessThanOrEqual(2);
  });

  it('contradicting the buyer sets active listening to 0, marked as dismissal', () => {
    const r = capped("You're wrong about that.", 'active_listening', 'dismissal');
    expect(r.level).toBe(0);
  });

  it('an argument with no value in it keeps value framing at 0, marked', () => {
    const r = capped('But six people is plenty to use it.', 'value_framing', 'argues without value');
    expect(r.level).toBe(0);
  });

  it('arguing the price away keeps value framing at 0, marked', () => {
    const r = capped("That's less than a couple of coffees a day.", 'value_framing', 'argues the price away');
    expect(r.level).toBe(0);
  });

  it('a reply of questions alone scores 0 on value framing, or 1 when it names what the offer has', () => {
    const discovery = rate("What's making the price feel high for a team of six?", 'value_framing');
    expect(discovery.level).toBe(0);
    expect(discovery.caps.join(' ')).toMatch(/only questions scores 0/);
    const features = rate('Does the team plan with SSO and the API cover what you need?', 'value_framing');
    expect(features.level).toBeLessThanOrEqual(1);
    expect(features.caps.join(' ')).toMatch(/only questions scores at most 1/);
  });
});

describe('tone and structure, not just words', () => {
  const gym = { buyer: "I'm going to wait until January. The holidays are crazy and I won't come in until then.", known: ['Wedding in June', 'Quit her old gym because classes were always full'], keyPoints: [] };
  const score = (reply: string, rubric: RubricId, ctx = gym) => scoreReply(reply, ctx, [rubric])[0]!;

  it('an argument that reuses the buyer\'s words is not a restatement', () => {
    const r = score("But the holidays are exactly when people fall off. January's too late.", 'active_listening');
    expect(r.level).toBeLessThanOrEqual(2);
    expect(r.evidence.some((e) => e.signal === 'restates the concern')).toBe(false);
    expect(r.evidence.some((e) => e.signal === 'argues with the buyer')).toBe(true);
  });

  it('a counter in plain words argues, with or without "but"', () => {
    for (const reply of [
      'Quick reality check on the holidays: they are the best time to start a routine.',
      'Respectfully, waiting until January means losing the weeks before the wedding.',
      "I'd push back on that a little, the holidays are when a routine matters most.",
      "Let's be honest, January is when everyone else starts and the classes fill up.",
      'Waiting until January is the wrong call with a June wedding.',
      'Nobody ever reads brochures, a quick call about January is faster.',
      "A brochure won't tell you much about the January classes.",
    ]) {
      const r = score(reply, 'active_listening');
      expect(r.evidence.some((e) => e.signal === 'argues with the buyer'), reply).toBe(true);
      expect(r.evidence.some((e) => e.signal === 'restates the concern'), reply).toBe(false);
    }
  });

  it('blaming the buyer for what went wrong is dismissal, while a rep owning a miss is not', () => {
    expect(score('You should have checked the class schedule before joining your old gym.', 'empathy').level).toBe(0);
    expect(score('I should have asked about your schedule first. What does December look like for you?', 'empathy').level).toBeGreaterThan(0);
  });

  it('scare quotes around the buyer\'s words read as mockery', () => {
    const r = score("'Crazy holidays' is what everyone says in November.", 'active_listening');
    expect(r.level).toBeLessThanOrEqual(2);
  });

  it('a guilt-tripping question sets empathy to 0, in chat spelling too', () => {
    expect(score("dont u want to look good at ur wedding??", 'empathy').level).toBe(0);
    expect(score("Don't you want to look your best in June?", 'empathy').level).toBe(0);
  });

  it('sarcasm is dismissal', () => {
    expect(score('sure, because the holidays are famous for being relaxing', 'empathy').level).toBe(0);
  });

  it('a long-form contradiction counts like its contraction', () => {
    expect(score('You are wrong about that.', 'empathy').level).toBe(0);
  });

  it('an evaluation of the buyer\'s situation in open vocabulary is specific validation', () => {
    const r = score('ha yeah the holidays are brutal.', 'empathy');
    expect(r.level).toBe(3);
  });

  it('an open question alone is neutral on empathy', () => {
    expect(score('What would make January easier to start?', 'empathy').level).toBe(1);
  });

  it('a question that schedules the sale is not a listening question', () => {
    expect(score("when's good for a demo?", 'active_listening').level).toBeLessThanOrEqual(1);
  });

  it('a measured outcome with "cut" is not a discount', () => {
    const fleet = { buyer: 'Fuel is our biggest cost.', known: ['Spends $31,000 a month on fuel'], keyPoints: [] };
    const r = score('A fleet your size cut fuel 11% in a quarter; on your $31,000 a month that is about $3,400.', 'value_framing', fleet);
    expect(r.level).toBe(4);
    expect(r.caps).toEqual([]);
  });

  it('a consequence in open vocabulary, tied to a known fact, is tied value', () => {
    const r = score('Classes are capped at 20, so you would actually get a spot, unlike at your old gym where classes were always full.', 'value_framing');
    expect(r.level).toBeGreaterThanOrEqual(3);
  });

  it('a list of what the offer includes, even in the buyer\'s terms, is features', () => {
    const books = { buyer: 'We do the books in Excel. Why would I pay $55 a month?', known: ['They spend 5 hours every Sunday on invoices and payroll'], keyPoints: [] };
    const r = score('Our suite includes automated invoicing, payroll for up to 25 employees, bank feeds and tax estimates.', 'value_framing', books);
    expect(r.level).toBe(1);
    expect(r.evidence.map((e) => e.signal)).toEqual(['feature without an outcome']);
  });

  it('a restatement framed as the buyer\'s view is not a value claim, even with "payback" in it', () => {
    const solar = { buyer: 'Every solar rep promises a six-year payback. My neighbor is still waiting.', known: [], keyPoints: [] };
    expect(score('So your neighbor is still waiting on his payback, and now you doubt every number. Is that right?', 'value_framing', solar).level).toBeLessThanOrEqual(1);
  });

  it('saying others "start out that way" is not proof of a result', () => {
    const r = score('A lot of family businesses start out that way.', 'value_framing');
    expect(r.evidence.some((e) => e.signal.startsWith('proof'))).toBe(false);
  });

  it('waiving a fee is a discount', () => {
    const r = score('I could probably get my manager to waive the setup fee if that helps.', 'value_framing');
    expect(r.level).toBe(0);
    expect(r.caps.join(' ')).toMatch(/discount/);
  });

  it.each([
    ['a lower price per unit', 'If cost is part of it, I can drop you to $10 an acre for the first season.'],
    ['cents off', "I'll ask for another fifty cents off the bag."],
    ['half off', 'There is a promo right now where the first three months are half off.'],
    ['a waived implementation', 'We waive implementation for anyone who signs before the 31st.'],
    ['a lower price instead of the quote', 'First three months I will do it at $129 instead of $165.'],
    ['a capped rate', "Let us waive the first quarter's fees and cap your monthly rate at $1,600."],
    ['a concession called a gift', 'I put $59 a door, not $72, is my gift for you.'],
  ])('%s is a price concession that sets value framing to 0', (_, reply) => {
    const r = score(reply, 'value_framing');
    expect(r.level).toBe(0);
    expect(r.caps.join(' ')).toMatch(/discount/);
  });

  it('"a lot of time" is an amount, not a named feeling, and saving it is a stock benefit', () => {
    const dental = { buyer: 'Last week eleven hygiene hours went empty after Tina worked the list.', known: [], keyPoints: [] };
    const reply = 'On the hygiene hours, Chairfill helps practices fill their schedules and saves the front desk a lot of time.';
    expect(score(reply, 'empathy', dental).evidence.some((e) => e.signal === "names or validates the buyer's situation")).toBe(false);
    expect(score(reply, 'value_framing', dental).level).toBeGreaterThanOrEqual(2);
  });

  it('saying peers of the buyer run things the same way normalizes it', () => {
    const hr = { buyer: 'Dana does all our HR in a spreadsheet and it works fine.', known: [], keyPoints: [] };
    const v = analyzeReply('A lot of startups your size run HR exactly that way.', hr).moves[0]!.validates;
    expect(v?.list).toBe('normalize');
  });

  it('a common misspelling still matches the phrase it means', () => {
    const typed = score('Totaly understand.', 'empathy');
    expect(typed.level).toBe(score('Totally understand.', 'empathy').level);
    expect(typed.evidence).toContainEqual(expect.objectContaining({ signal: 'formulaic empathy', start: 0, end: 17 }));
  });
});
