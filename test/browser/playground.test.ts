import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesOfConversation } from '../../bot/store/cases.ts';
import { MONTHS } from '../../src/text/dates.ts';
import { freePort, launchChromium, skipBrowserTests } from '../helpers/browser.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import { root } from '../helpers/fixtures.ts';
import { startTestBot, type TestBot } from '../helpers/teams.ts';

const localRoles = fileURLToPath(new URL('../../config/roles.local.json', import.meta.url));

/**
 * Picks a date in the Playground's date picker (its rendering of Input.Date): opens the calendar, moves month by
 * month to the one wanted, and presses the day.
 */
async function pickDate(page: Page, input: Locator, year: number, month: number, day: number) {
  await input.click();
  const calendar = page.getByRole('dialog').last();
  const wanted = year * 12 + month - 1;
  for (let step = 0; step < 48; step++) {
    const shown = await calendar.getByRole('grid').first().getAttribute('aria-label');
    const [name, shownYear] = (shown ?? '').split(',')[0]?.split(' ') ?? [];
    const at = Number(shownYear) * 12 + (MONTHS as readonly string[]).indexOf(name ?? '');
    if (at === wanted) break;
    await calendar.locator(`button[title^="${at < wanted ? 'Next' : 'Previous'} month"]`).click();
    await expect.poll(() => calendar.getByRole('grid').first().getAttribute('aria-label')).not.toBe(shown);
  }
  await calendar
    .locator(`button[aria-label="${day}, ${MONTHS[month - 1]}, ${year}"]`)
    .filter({ visible: true })
    .first()
    .click();
  await calendar.waitFor({ state: 'hidden' });
  // The card takes the date from the input: wait until the picker has written it there.
  await expect.poll(() => input.inputValue()).toContain(String(year));
}

/** Starts a section B city-address case at Beauchamp College from the Playground's Start card. */
async function startCityCase(page: Page, playgroundUrl: string, student: string) {
  await page.goto(playgroundUrl);
  await page.getByRole('button', { name: 'Start a case' }).first().click();
  await page.getByRole('button', { name: 'A City-address student in a county school' }).click();
  const card = page.locator('.ac-adaptiveCard').last();
  await card.getByText('Never the student’s full name').waitFor();
  const inputs = card.locator('input[type=text]');
  await inputs.nth(1).click();
  await inputs.nth(1).fill('Beauchamp');
  await page.getByRole('option', { name: 'Beauchamp College', exact: true }).click();
  await inputs.nth(3).fill(student);
  await card.getByText('B. The school makes a second or third referral').click();
  await card.getByRole('button', { name: 'Start', exact: true }).click();
}

describe.skipIf(skipBrowserTests)('the bot in Microsoft 365 Agents Playground, in Chromium', () => {
  let store: TestDatabase;
  let bot: TestBot;
  let playground: ChildProcess;
  let playgroundUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    store = await freshPglite();
    // As `npm start` runs it: no sign-in, Alex Wilber (the Playground's user) is a SLIP coordinator.
    bot = await startTestBot(store.db, { allowedTenantIds: [], rolesFile: localRoles });
    const port = await freePort();
    playground = spawn(
      process.execPath,
      [
        'node_modules/@microsoft/m365agentsplayground/cli.js',
        '--app-endpoint',
        `${bot.url}/api/messages`,
        '--channel-id',
        'msteams',
        '--port',
        String(port),
        '--disable-telemetry',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          M365_AGENTS_PLAYGROUND_LOGFILE: join(mkdtempSync(join(tmpdir(), 'playground-')), 'playground.log'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    playgroundUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Agents Playground did not start')), 30_000);
      playground.stdout?.on('data', (chunk: Buffer) => {
        const match = /Listening on (\d+)/.exec(chunk.toString());
        if (match) {
          clearTimeout(timer);
          resolve(`http://localhost:${match[1]}/`);
        }
      });
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await bot?.stop();
    await store?.drop();
  });

  it('runs a whole section B case from the greeting to the outcome card, updating one card in place', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await page.goto(playgroundUrl);
    await page.getByRole('button', { name: 'Start a case' }).first().click();
    await page.getByRole('button', { name: 'A City-address student in a county school' }).click();

    const card = page.locator('.ac-adaptiveCard').last();
    await card.getByText('Never the student’s full name').waitFor();
    const inputs = card.locator('input[type=text]');
    // The school list is a filtered combobox: open it, type, pick.
    await inputs.nth(1).click();
    await inputs.nth(1).fill('Beauchamp');
    await page.getByRole('option', { name: 'Beauchamp College', exact: true }).click();
    await inputs.nth(2).fill('Mrs Patel');
    await inputs.nth(3).fill('JS-2291');
    await card.getByText('B. The school makes a second or third referral').click();
    await card.getByRole('button', { name: 'Start', exact: true }).click();

    await page.getByRole('button', { name: 'Yes – a City of Leicester address' }).click();
    await page.getByText('Has the school done all of these?').waitFor();
    for (const item of [
      'Previously agreed school action',
      'Considered an in-county managed move',
      'Considered a part-time programme',
      'Considered some short-term support',
    ]) {
      await page.getByText(item).click();
    }
    await page.getByRole('button', { name: 'Save the answer' }).click();

    const outcome = page.getByText('Outcome: The school sets up a City PSP2b meeting');
    await outcome.waitFor();
    await expect(page.getByText('to the LPS (Mr Whittingham)').count()).resolves.toBe(1);
    // The greeting became the situation, the form, then the case: one card, not a chat full of cards.
    await expect(page.locator('.ac-adaptiveCard').count()).resolves.toBe(1);

    const [record] = (
      await store.db.query<{ conversation_id: string }>('SELECT conversation_id FROM cases')
    ).map((row) => row.conversation_id);
    const cases = await casesOfConversation(store.db, record ?? '');
    expect(cases.map((stored) => [stored.student, stored.outcome, stored.fields.coordinatorName])).toEqual([
      ['JS-2291', 'B.psp2b', 'Alex Wilber'],
    ]);
  }, 90_000);

  it('runs a county-address child in a City school from Start a case to the home partnership', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await page.goto(playgroundUrl);
    await page.getByRole('button', { name: 'Start a case' }).first().click();
    await page.getByText('Which situation is it?').waitFor();
    await page.getByRole('button', { name: 'A county-address child in a City school' }).click();

    const card = page.locator('.ac-adaptiveCard').last();
    await card.getByText('Never the child’s full name').waitFor();
    const inputs = card.locator('input[type=text]');
    // The partnership (SLIP, the coordinator's own) is the first input, then the City school and the child.
    await inputs.nth(1).fill('Beaumont Leys School');
    await inputs.nth(2).fill('CA-77');
    await card.getByRole('button', { name: 'Start', exact: true }).click();

    await page.getByText('In which district does the child live?').waitFor();
    await page.getByRole('button', { name: 'Melton', exact: true }).click();
    await page.getByRole('button', { name: 'At risk of Tier 4 (PSP3) or of permanent exclusion' }).click();
    await page.getByText('Outcome: Contact the partnership’s coordinator').waitFor();
    await page.getByText('What to expect from the partnership').waitFor();
    await expect(
      page
        .getByText(/the coordinator of the Melton and South Charnwood Inclusion Partnership \(MSCIP\)/)
        .count(),
    ).resolves.toBe(1);
    await page.getByText('Whom to contact').waitFor();

    const stored = await store.db.query<{ flow_id: string; outcome: string; student_ref: string }>(
      "SELECT flow_id, outcome, student_ref FROM cases WHERE student_ref = 'CA-77'",
    );
    expect(stored).toEqual([{ flow_id: 'countyAddress', outcome: 'R.panel', student_ref: 'CA-77' }]);
  }, 90_000);

  it('records an action plan on the case card: an action, the review date, and the card’s summary', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await startCityCase(page, playgroundUrl, 'AP-9');

    await page.getByRole('button', { name: 'Write the action plan' }).click();
    const form = page.locator('.ac-adaptiveCard').last();
    await form.getByText('Agreed actions').waitFor();
    await form.getByRole('combobox', { name: /^Who/ }).first().click();
    await page.getByRole('option', { name: 'The school', exact: true }).click();
    await form
      .getByRole('textbox', { name: /What is to be done/ })
      .first()
      .fill('Meet the family');
    // The Playground renders Input.Date as Fluent's date picker: a calendar, picked as a person picks it.
    const dates = form.locator('input[placeholder="Select a date..."]');
    await pickDate(page, dates.nth(0), 2027, 1, 15);
    await pickDate(page, dates.nth(1), 2027, 2, 5);
    await form.getByRole('button', { name: 'Save the plan' }).click();

    // The coordinator's answer carries "Action plan saved: …" (test/bot/actionPlan.test.ts checks it); the chat's
    // card, updated for everyone without it, may reach the Playground after the answer and replace it, so the
    // summary both show is what is waited for here.
    await page.getByText('1 action, review 5 February 2027 (version 1)').waitFor();
    await page.getByText('The school: Meet the family (by 15 January 2027)').waitFor();
    const [stored] = await store.db.query<{ plan: unknown }>(
      "SELECT p.plan FROM action_plans p JOIN cases c ON c.id = p.case_id WHERE c.student_ref = 'AP-9'",
    );
    expect(stored?.plan).toEqual({
      advice: '',
      links: [],
      actions: [{ owner: 'school', action: 'Meet the family', by: '2027-01-15' }],
      reviewDate: '2027-02-05',
    });
  }, 90_000);

  it('puts a refusal beside its field, keeps the inputs, and warns before starting the same case twice', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await startCityCase(page, playgroundUrl, 'John Smith');

    const refusal = page.getByText(/^Student identifier: Use initials/);
    await refusal.waitFor();
    // Beside the field: under the identifier's input, above the meeting's, not at the top of the card.
    const student = page.locator('.ac-adaptiveCard').last().locator('input[type=text]').nth(3);
    expect(await student.inputValue()).toBe('John Smith');
    const [fieldBox, refusalBox, headingBox] = await Promise.all([
      student.boundingBox(),
      refusal.boundingBox(),
      page.getByText('Start a case', { exact: true }).last().boundingBox(),
    ]);
    expect(refusalBox!.y).toBeGreaterThan(fieldBox!.y);
    expect(refusalBox!.y - fieldBox!.y).toBeLessThan(150);
    expect(refusalBox!.y - headingBox!.y).toBeGreaterThan(200);

    // The same student, school and section as the first test's case: a warning, and the case to open.
    await student.fill('JS-2291');
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText(/is already in this meeting/).waitFor();
    await page.getByRole('button', { name: 'Open the existing case' }).click();
    await page.getByText('Outcome: The school sets up a City PSP2b meeting').waitFor();
    const stored = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases WHERE student_ref = 'JS-2291'",
    );
    expect(stored).toEqual([{ n: 1 }]);
  }, 90_000);
});
