import { seriousAxeProblems } from './axe.ts';
import { readFileSync } from 'node:fs';
import type { Download, Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { casesOfConversation, createCase } from '../../bot/store/cases.ts';
import { rangeLabel } from '../../src/reports/tables.ts';
import { termOf, termRange } from '../../src/reports/terms.ts';
import { ukIsoDate } from '../../src/text/dates.ts';
import { localAdmin, localAdminRoles } from '../helpers/adminPage.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { newCase } from '../helpers/cases.ts';
import { click, people, voteIdOn } from '../helpers/teams.ts';

const seriousProblems = (frame: Frame) => seriousAxeProblems(frame);

/** Alex Wilber, the preview's local user: SLIP's coordinator and an administrator. */
const alex = { id: '29:alex', name: localAdmin.name, aadObjectId: localAdmin.aadObjectId };
const actor = { id: localAdmin.aadObjectId, name: localAdmin.name };

const text = async (download: Download) => readFileSync((await download.path()) ?? '', 'utf8');

describe.skipIf(skipBrowserTests)('the Reports page and the printable record, in Chromium', () => {
  const suite = browserSuite('reports-preview.html', {
    rolesFile: localAdminRoles,
    connector: true,
    seed: async () => {
      suite.connector.roster = [alex, people.member(1), people.member(2), people.member(3)];
      // This term: SLIP has 6 referrals in section B and 2 in A (Alex sees them exactly); NWLLIP has 2, which
      // the County sees as "fewer than 5".
      const cases = [
        ...Array.from({ length: 6 }, (_, i) => ({
          partnership: 'SLIP' as const,
          section: 'B',
          student: `RB-${i}`,
        })),
        { partnership: 'SLIP', section: 'A', student: 'RA-1' },
        { partnership: 'SLIP', section: 'A', student: 'RA-2' },
        { partnership: 'NWLLIP', section: 'B', student: 'RN-1', schoolId: 'ashby-school' },
        { partnership: 'NWLLIP', section: 'C', student: 'RN-2', schoolId: 'ashby-school' },
      ] as const;
      for (const item of cases)
        await createCase(
          suite.store.db,
          newCase({
            partnership: item.partnership,
            section: item.section,
            student: item.student,
            conversationId: `19:reports-${item.partnership}@thread.v2`,
            ...('schoolId' in item ? { schoolId: item.schoolId } : {}),
          }),
          actor,
        );
    },
  });

  async function openReports(): Promise<{ page: Page; frame: () => Frame }> {
    const page = await suite.browser.newPage({
      viewport: { width: 1300, height: 1000 },
      acceptDownloads: true,
    });
    await page.goto(`${suite.bot.url}/addin/reports-preview.html`);
    const tab = page.frameLocator('#tab');
    await tab.getByText('Signed in as Alex Wilber, an administrator.').waitFor();
    const frame = () => {
      const found = page.frames().find((item) => item.url().includes('/addin/reports-tab-preview.html'));
      if (!found) throw new Error('The reports tab is not in the preview');
      return found;
    };
    return { page, frame };
  }

  it('shows this term’s tables with their charts, exports a table as CSV, and the County dashboard', async () => {
    const { page, frame } = await openReports();
    const tab = page.frameLocator('#tab');
    const today = ukIsoDate(new Date());
    const { term, startYear } = termOf(today);
    const range = termRange(term, startYear);
    await tab
      .getByRole('heading', {
        name: `SLIP – South Leicestershire Inclusion Partnership: ${rangeLabel(range.from, range.to)}`,
      })
      .waitFor();

    const bySection = tab.getByRole('table', { name: 'Referrals by section' });
    await expect(bySection.getByRole('row', { name: /^B\. .* 6$/ }).count()).resolves.toBe(1);
    await expect(bySection.getByRole('row', { name: /^A\. .* 2$/ }).count()).resolves.toBe(1);
    await expect(bySection.locator('th[scope="col"]').allTextContents()).resolves.toEqual([
      'Section',
      'Count',
    ]);
    // Its chart, drawn beside it once the charts have loaded: a bar per section.
    const section = tab.getByRole('region', { name: 'Referrals by section' });
    await section.locator('svg rect').first().waitFor();
    await expect(section.locator('figure svg').count()).resolves.toBeGreaterThan(0);
    const byMonth = tab.getByRole('region', { name: 'Referrals by month' });
    await byMonth.locator('figure svg').first().waitFor();
    await expect(byMonth.getByRole('table', { name: 'Referrals by month' }).count()).resolves.toBe(1);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      tab.getByRole('button', { name: 'Export “Referrals by section” as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`SLIP-${range.from}-${range.to}-bySection.csv`);
    const lines = (await text(csv)).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Section,Count');
    expect(lines.filter((line) => /^"?A\. .*,2$/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /^"?B\. .*,6$/.test(line))).toHaveLength(1);

    // The County dashboard: the five partnerships side by side; NWLLIP's 2 referrals are "fewer than 5".
    const county = tab
      .getByRole('table', { name: new RegExp(`side by side, .*${range.from.slice(0, 4)}`) })
      .first();
    await county.waitFor();
    await expect(county.locator('thead th').allTextContents()).resolves.toEqual([
      'Indicator',
      'HBEP',
      'LIP',
      'MSCIP',
      'NWLLIP',
      'SLIP',
    ]);
    const referrals = county.locator('tbody tr').first();
    await expect(referrals.locator('th').textContent()).resolves.toBe('Referrals');
    await expect(referrals.locator('td').allTextContents()).resolves.toEqual([
      '0',
      '0',
      '0',
      'fewer than 5',
      '8',
    ]);
    const [countyCsv] = await Promise.all([
      page.waitForEvent('download'),
      tab
        .getByRole('button', { name: /^Export .* term \d{4} as CSV$/ })
        .first()
        .click(),
    ]);
    expect((await text(countyCsv)).split('\r\n')).toContain('Referrals,0,0,0,fewer than 5,8');

    // The records export: a zip, and the page says that it is recorded.
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      tab.getByRole('button', { name: 'Export the decision records (zip)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe(`records-SLIP-${range.from}-${range.to}.zip`);
    expect(
      readFileSync((await zip.path()) ?? '')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await tab.getByText(/The export is recorded/).waitFor();
    // An administrator exports every partnership's records at once.
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      tab.getByRole('button', { name: 'Export every partnership’s decision records (zip)' }).click(),
    ]);
    expect(all.suggestedFilename()).toBe(`records-all-${range.from}-${range.to}.zip`);
    const allIndex = readFileSync((await all.path()) ?? '');
    expect(allIndex.subarray(0, 2).toString()).toBe('PK');
    // Each record is a file named for its partnership (zip names are not compressed).
    expect([allIndex.includes('SLIP-'), allIndex.includes('NWLLIP-')]).toEqual([true, true]);

    // Another partnership, as the County sees it: small counts are kept out of the chart and said so.
    await tab.getByRole('combobox', { name: 'Partnership' }).selectOption('NWLLIP');
    await tab.getByText(/This is the County’s view of NWLLIP/).waitFor();
    const nwllip = tab.getByRole('table', { name: 'Referrals by section' });
    await expect(nwllip.getByRole('row', { name: /^B\. .* fewer than 5$/ }).count()).resolves.toBe(1);
    await tab
      .getByRole('region', { name: 'Referrals by section' })
      .getByText(/^Not in the chart, shown as “fewer than 5” in the table: .*B\. /)
      .waitFor();

    expect(await seriousProblems(frame())).toEqual([]);
    await page.close();
  }, 60_000);

  it('works from the keyboard alone: tab to the term, change it, and export a table', async () => {
    const { page, frame } = await openReports();
    const tab = page.frameLocator('#tab');
    await tab.getByRole('table', { name: 'Referrals by section' }).waitFor();
    await frame().locator('body').focus();
    const focused = () =>
      frame().evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : '';
        return `${element?.tagName ?? ''}:${label || element?.textContent || ''}`;
      });
    const tabTo = async (target: string) => {
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        if ((await focused()) === target) return;
      }
      throw new Error(`Tab never reached ${target}; last: ${await focused()}`);
    };
    await tabTo('SELECT:Term');
    const { term, startYear } = termOf(ukIsoDate(new Date()));
    const next = term === 'summer' ? 'summer' : term === 'autumn' ? 'spring' : 'summer';
    await page.keyboard.press('ArrowDown');
    const range = termRange(next, startYear);
    await tab.getByRole('heading', { name: new RegExp(`: ${rangeLabel(range.from, range.to)}$`) }).waitFor();
    await tab.getByRole('table', { name: 'Summary' }).waitFor();
    await tabTo('BUTTON:Export “Summary” as CSV');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(csv.suggestedFilename()).toBe(`SLIP-${range.from}-${range.to}-summary.csv`);
    expect((await text(csv)).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Figure,Count');
    await page.close();
  }, 60_000);

  it('prints a decision record with a changed answer, a split vote decided by casting, and an email drafted; accessible and usable from the keyboard', async () => {
    const messageId = 'card-REC-1';
    const run = (verb: string, data: Record<string, unknown>, from = alex) =>
      click(suite.bot, suite.connector, from, verb, data, messageId);
    await run('case.start', {
      partnership: 'SLIP',
      schoolId: 'wigston-college',
      student: 'REC-1',
      section: 'D',
    });
    const record = (await casesOfConversation(suite.store.db, '19:meeting-a@thread.v2')).find(
      (item) => item.student === 'REC-1',
    );
    if (!record) throw new Error('the case was not stored');
    await run('case.answer', { caseId: record.id, question: 'residency', value: 'county' });
    await run('case.change', { caseId: record.id, question: 'residency' });
    await run('case.answer', { caseId: record.id, question: 'residency', value: 'city' });
    const opened = await run('vote.open', { caseId: record.id, question: 'partnershipConvinced' });
    const voteId = voteIdOn(opened.text);
    await run('vote.cast', { voteId, choice: 'yes' }, people.member(1));
    await run('vote.cast', { voteId, choice: 'no' }, people.member(2));
    await run('vote.close', { voteId });
    const decided = await run('vote.close', { voteId, casting: 'yes' });
    expect(decided.text).toContain('casting decision');
    // The coordinator drafts the first email the outcome asks for, in Outlook (the add-in's API).
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${suite.bot.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer dangerously-local:${localAdmin.aadObjectId}`,
          'content-type': 'application/json',
        },
      });
    const detail = (await (await api(`/api/cases/${record.id}`)).json()) as {
      emails: { template: string; to: string }[];
    };
    const email = detail.emails[0];
    if (!email) throw new Error('the outcome asks for no email');
    expect(
      (
        await api(`/api/cases/${record.id}/emails`, {
          method: 'POST',
          body: JSON.stringify({ template: email.template, to: email.to }),
        })
      ).status,
    ).toBe(201);

    const page = await suite.browser.newPage();
    await page.goto(`${suite.bot.url}/addin/record-preview.html?case=${record.id}`);
    await page.getByRole('heading', { name: 'Decision record: REC-1' }).waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain('SLIP – South Leicestershire Inclusion Partnership');
    expect(body).toContain('Wigston College');
    expect(body).toMatch(/cityAddress, version \d/);
    // The changed answer, with what it was.
    expect(body).toMatch(/changed; the previous answer was .*county/i);
    // The vote: its tally, who voted what, who dissented, and the casting decision.
    expect(body).toMatch(/Named vote\. Closed; result: Yes \(by the chair’s casting decision/);
    const tally = page.getByRole('table', { name: 'Tally of vote 1' });
    await expect(tally.getByRole('row', { name: 'Yes 1' }).count()).resolves.toBe(1);
    await expect(tally.getByRole('row', { name: 'No 1' }).count()).resolves.toBe(1);
    const voters = page.getByRole('table', { name: 'Voters of vote 1' });
    await expect(voters.getByRole('row', { name: 'Member 2 No' }).count()).resolves.toBe(1);
    expect(body).toContain('Dissented: Member 2.');
    expect(body).toMatch(/\nOutcome\n+The Partnership[^\n]+\n+Our actions\n/);
    expect(body).toContain('Core Group outcome');
    expect(body).toMatch(
      new RegExp(
        `Email template ${email.template.slice(1)}[^\\n]*drafted \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2} by Alex Wilber`,
      ),
    );

    // Accessible, and printable from the keyboard alone: the first Tab reaches "Print this record".
    expect(await seriousAxeProblems(page)).toEqual([]);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Print this record');
    await page.keyboard.press('Enter');
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');

    // On paper: the partnership, "Confidential" and the page number on every page (the @page margin boxes).
    const printRules = await page.evaluate(() =>
      [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .join('\n'),
    );
    expect(printRules).toMatch(/@page[^]*@top-right\s*\{\s*content:\s*"Confidential"/);
    expect(printRules).toMatch(
      /@bottom-center\s*\{\s*content:\s*"Page " counter\(page\) " of " counter\(pages\)/,
    );
    expect(printRules).toMatch(
      /@top-left\s*\{\s*content:\s*"SLIP – South Leicestershire Inclusion Partnership"/,
    );
    expect(printRules).toMatch(/@media print[^]*\.screen-only\s*\{\s*display:\s*none/);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);
});
