import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuiz } from '../../src/core/quiz/compile-quiz.ts';
import { questionsOf, type Question, type Quiz } from '../../src/core/quiz/quiz.ts';
import { seriousViolations } from './axe.ts';
import { launchBrowser, urlOf, watchProblems } from './browser.ts';
import { playToDebrief, strongReply } from './learner.ts';

/** The fixture certification the server offers alongside the real ones; the test knows its key. */
const QUIZ_FILE = 'tests/fixtures/e2e/quizzes/team-certification.md';
function fixtureQuiz(): Quiz {
  const compiled = compileQuiz(readFileSync(new URL(`../../${QUIZ_FILE}`, import.meta.url), 'utf8'), QUIZ_FILE);
  if (!compiled.value) throw new Error(`${QUIZ_FILE} does not compile: ${JSON.stringify(compiled.diagnostics)}`);
  return compiled.value;
}

const run = Date.now().toString(36);
const manager = { name: 'Morgan Lee', email: `morgan-${run}@example.com`, password: 'a manager password' };
const rep = { name: 'Sam Reyes', email: `sam-${run}@example.com`, password: 'a rep password 123' };

let browser: Browser;
let managerContext: BrowserContext;
let repContext: BrowserContext;
let managerPage: Page;
let repPage: Page;
let inviteCode = '';
let certificatePath = '';
/** Pages found along the way, for the accessibility check at the end. */
const seen = { attempt: '', certificate: '', review: '', rep: '', debrief: '' };

/** Problems seen on the journey's pages, checked by the last test. */
const journeyProblems: string[][] = [];

async function pageIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  journeyProblems.push(watchProblems(page));
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  managerContext = await browser.newContext({ acceptDownloads: true });
  repContext = await browser.newContext();
  managerPage = await pageIn(managerContext);
  repPage = await pageIn(repContext);
});
afterAll(async () => {
  await browser?.close();
});

/** Signs up on the sign-up page as the given person and role (with an invite code for a rep). */
async function signUp(page: Page, who: typeof manager, role: 'manager' | 'rep', code?: string): Promise<void> {
  await page.goto(urlOf(code ? `/signup?invite=${encodeURIComponent(code)}` : '/signup', 'team'));
  await page.getByRole('radio', { name: role === 'manager' ? /A manager/ : /A rep/ }).check();
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Answers one question on the attempt page with the key, finding options by their text. */
async function answerCorrectly(page: Page, question: Question): Promise<void> {
  const section = page.getByRole('region', { name: new RegExp(`: ${question.title} \\(`) });
  switch (question.type) {
    case 'single':
    case 'true-false':
      await section.getByRole('radio', { name: question.options.find((o) => o.correct)!.text, exact: true }).check();
      return;
    case 'multiple':
      for (const option of question.options.filter((o) => o.correct)) await section.getByRole('checkbox', { name: option.text, exact: true }).check();
      return;
    case 'order':
      // Move each item up to its place, first to last.
      for (const [place, item] of question.items.entries()) {
        for (;;) {
          const shown = await section.locator('.order-text').allTextContents();
          if (shown.indexOf(item) <= place) break;
          await section.getByRole('button', { name: `Move “${item}” up` }).click();
        }
      }
      return;
    case 'reply':
      await section.getByRole('textbox', { name: /Your reply/ }).fill(question.example!);
      return;
  }
}

describe('a team on the real team server', () => {
  it('a manager signs up, creates a team and an invite code', async () => {
    await signUp(managerPage, manager, 'manager');
    await managerPage.getByRole('heading', { name: 'Create your team' }).waitFor();
    await managerPage.getByLabel('Team name').fill('West sales');
    await managerPage.getByRole('button', { name: 'Create team' }).click();
    await managerPage.getByRole('heading', { level: 1, name: 'West sales' }).waitFor();
    expect(await managerPage.locator('.account-menu').innerText()).toContain('Morgan Lee');

    await managerPage.getByRole('button', { name: 'Create invite code' }).click();
    inviteCode = (await managerPage.locator('.new-invite .invite-code').innerText()).trim();
    expect(inviteCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const row = managerPage.getByRole('table', { name: /Invite codes/ }).getByRole('row', { name: new RegExp(inviteCode) });
    expect(await row.innerText()).toContain('Active');
  });

  it('a rep signs up in another browser with the code and joins the team', async () => {
    await signUp(repPage, rep, 'rep', inviteCode);
    await repPage.getByRole('heading', { level: 1, name: 'West sales' }).waitFor();
    await repPage.getByText(/^Managed by Morgan Lee\./).waitFor();

    await managerPage.reload();
    const members = managerPage.getByRole('table', { name: /Everyone in the team/ });
    await members.getByRole('row', { name: /Sam Reyes/ }).waitFor();
    expect(await members.getByRole('row', { name: /Sam Reyes/ }).innerText()).toContain(rep.email);
  });

  it('the rep takes the certification: answers are saved on the server as they go, and it passes', async () => {
    const quiz = fixtureQuiz();
    await repPage.getByRole('link', { name: 'Quizzes', exact: true }).click();
    await repPage.getByRole('link', { name: quiz.title, exact: true }).click();
    await repPage.getByRole('button', { name: 'Start attempt 1 of 2' }).click();
    await repPage.getByRole('timer').waitFor();
    expect(await repPage.getByRole('timer').innerText()).toMatch(/^1[45]:\d\d$/);

    const onPaper = await repPage.locator('.question-title').allInnerTexts();
    expect(onPaper).toHaveLength(5);
    const byTitle = new Map(questionsOf(quiz).map((q) => [q.title, q]));
    const paper = onPaper.map((text) => byTitle.get(/^Question \d+ of \d+: (.*) \(\d+ points?\)$/.exec(text)![1]!)!);
    for (const question of paper) await answerCorrectly(repPage, question);
    await repPage.getByText(/^All answers saved/).waitFor();

    // A reload reads the attempt back from the server: the answers are there.
    await repPage.reload();
    await repPage.getByRole('timer').waitFor();
    expect(await repPage.getByText('5 of 5 answered').count()).toBe(1);

    await repPage.getByRole('button', { name: 'Submit answers' }).click();
    await repPage.getByRole('heading', { name: 'Certification result: Passed' }).waitFor();
    expect(await repPage.locator('.overall-score').innerText()).toMatch(/^100% .* pass mark is 80%/);
    await repPage.getByText('1 of 2 attempts left.').waitFor();

    seen.attempt = new URL(repPage.url()).pathname;
    await repPage.getByRole('link', { name: quiz.certificate.name }).click();
    await repPage.getByRole('heading', { level: 1, name: quiz.certificate.name }).waitFor();
    expect(await repPage.locator('.certificate-holder').innerText()).toBe(rep.name);
    certificatePath = new URL(await repPage.getByRole('link', { name: 'Open the public verification page' }).getAttribute('href') ?? '', urlOf('/', 'team')).pathname;
    expect(certificatePath).toMatch(/^\/verify\/[a-z0-9]{26}$/);
    seen.certificate = new URL(repPage.url()).pathname;
  });

  it('the manager sees the pass on the dashboard and exports the attempts as CSV', async () => {
    await managerPage.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
    const certifications = managerPage.getByRole('table', { name: /Pass rate/ });
    const row = certifications.getByRole('row', { name: /Team certification check/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['1 of 1', '100%']);
    const reps = managerPage.getByRole('table', { name: /Each rep's certification/ });
    expect(await reps.getByRole('row', { name: /Sam Reyes/ }).innerText()).toMatch(/Team certification check: best 100% in 1 attempt\s*Certified until/);

    const [download] = await Promise.all([managerPage.waitForEvent('download'), managerPage.getByRole('link', { name: 'Attempts (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('West-sales-attempts.csv');
    const file = join(tmpdir(), `parley-attempts-${process.pid}.csv`);
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('rep,email,quiz,quiz_title,attempt,status,started_at,submitted_at,submitted_by,percent,passed,certificate_id,reviewed');
    expect(lines).toHaveLength(2);
    const cellsOf = lines[1]!.split(',');
    expect([cellsOf[0], cellsOf[1], cellsOf[2], cellsOf[4], cellsOf[5], cellsOf[8], cellsOf[9], cellsOf[10], cellsOf[12]]).toEqual([
      rep.name,
      rep.email,
      'team-certification',
      '1',
      'submitted',
      'rep',
      '100',
      'yes',
      'no',
    ]);
    expect(cellsOf[11]).toBe(certificatePath.split('/').pop());
  });

  it("the certificate's public verification page says it is valid, to someone not signed in", async () => {
    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    const mine = watchProblems(page);
    await page.goto(urlOf(certificatePath, 'team'));
    await page.getByRole('heading', { level: 1, name: 'Valid certificate' }).waitFor();
    expect(await page.getByRole('status').first().innerText()).toBe(`This certificate is valid: ${rep.name} holds Certified Team Tester.`);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(mine).toEqual([]);
    await stranger.close();
  });

  it('a practice run the rep finishes while signed in reaches the manager', async () => {
    await repPage.goto(urlOf('/practice/price-premium', 'team'));
    await playToDebrief(repPage, strongReply('price-premium'));
    await repPage.getByText('Shared with your team.').waitFor();
    seen.debrief = new URL(repPage.url()).pathname;
    await repPage.getByRole('link', { name: 'Progress', exact: true }).click();
    await repPage.getByText(/^Every run you finish while signed in is shared with West sales/).waitFor();

    await managerPage.reload();
    const row = managerPage.getByRole('table', { name: /Each rep's certification/ }).getByRole('row', { name: /Sam Reyes/ });
    expect(await row.innerText()).toMatch(/1 run, last/);
  });

  it("the manager overrides a level of the rep's certification reply with a comment: the history keeps it and the attempt is regraded", async () => {
    await managerPage.getByRole('link', { name: 'Review replies' }).click();
    await managerPage.getByLabel('Source').selectOption('quiz');
    await managerPage.getByRole('table', { name: /scored repl/ }).getByRole('link').first().click();
    await managerPage.getByRole('heading', { level: 1, name: 'Review: Team certification check' }).waitFor();
    seen.review = new URL(managerPage.url()).pathname;
    expect(await managerPage.locator('mark.evidence-raise').count()).toBeGreaterThan(0);

    await managerPage.getByLabel('Rubric').selectOption('active_listening');
    await managerPage.getByRole('radio', { name: /^1/ }).check();
    await managerPage.getByLabel(/^Why/).fill('Restates the price gap but never checks it with the buyer.');
    await managerPage.getByRole('button', { name: 'Save level' }).click();
    // One threshold of the 2-point reply is now missed: 7 of 8 points.
    await managerPage.getByText(/graded again with your level: 87.5%, passed/).waitFor();
    const history = managerPage.getByRole('table', { name: /Human review/ });
    expect(await history.getByRole('row').nth(1).innerText()).toMatch(/Morgan Lee\s+Active listening\s+\d → 1\s+Restates the price gap/);

    // The rep's own result shows the reviewer's level.
    await repPage.goto(urlOf('/quizzes/team-certification', 'team'));
    await repPage.getByRole('link', { name: 'Attempt 1' }).click();
    await repPage.getByRole('heading', { name: 'Certification result: Passed' }).waitFor();
    expect(await repPage.locator('.overall-score').innerText()).toMatch(/^87.5% /);
    expect(await repPage.getByText(/a reviewer set this level/).count()).toBe(1);
  });

  it("the manager re-rates a reply of the rep's synced practice, and the rep's debrief counts the manager's level", async () => {
    await managerPage.goto(urlOf('/team/review?source=practice', 'team'));
    await managerPage.getByRole('table', { name: /scored repl/ }).getByRole('link').first().click();
    await managerPage.getByRole('heading', { level: 1, name: /^Review: / }).waitFor();
    await managerPage.getByLabel('Rubric').selectOption('empathy');
    await managerPage.getByRole('radio', { name: /^0/ }).check();
    await managerPage.getByLabel(/^Why/).fill('No feeling named anywhere in the reply.');
    await managerPage.getByRole('button', { name: 'Save level' }).click();
    await managerPage.getByText('Empathy set to 0/4.').waitFor();
    expect(await managerPage.getByRole('region', { name: 'Empathy: level 0 of 4' }).innerText()).toMatch(/set by a reviewer; the scorer gave \d\/4/);

    await repPage.goto(urlOf(seen.debrief, 'team'));
    await repPage.getByText(/^Your manager re-rated 1 reply in this run\. The levels that count now: .*Empathy 0/).waitFor();
  });

  it('axe finds no serious or critical violations on the team pages, for a manager, a rep and a visitor (light and dark, phone width)', async () => {
    await managerPage.goto(urlOf('/team/dashboard', 'team'));
    seen.rep = new URL((await managerPage.getByRole('link', { name: 'Sam Reyes' }).getAttribute('href'))!, urlOf('/', 'team')).pathname;
    const visitor = await pageIn(await browser.newContext());
    // The rep's second attempt, left in progress, so the quiz-taking page is checked too.
    await repPage.goto(urlOf('/quizzes/team-certification', 'team'));
    await repPage.getByRole('button', { name: 'Start attempt 2 of 2' }).click();
    await repPage.getByRole('timer').waitFor();
    const takingPath = new URL(repPage.url()).pathname;
    const routes: [Page, string][] = [
      ...['/team', '/team/assignments', '/team/dashboard', '/team/review', seen.review, seen.rep, seen.attempt].map((r): [Page, string] => [managerPage, r]),
      ...['/team', '/quizzes', '/quizzes/team-certification', seen.attempt, takingPath, seen.certificate, '/progress', seen.debrief].map((r): [Page, string] => [repPage, r]),
      ...[certificatePath, '/signin', '/signup', '/quizzes'].map((r): [Page, string] => [visitor, r]),
    ];
    const found: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [page, route] of routes) {
        await page.setViewportSize({ width: 360, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto(urlOf(route, 'team'));
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousViolations(page);
        if (violations.length) found[`${colorScheme} ${route}`] = violations;
      }
    }
    expect(found).toEqual({});
  }, 240_000);

  it('every page of the journey ran without a console error', () => {
    expect(journeyProblems.flat()).toEqual([]);
  });
});
