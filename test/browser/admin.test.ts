import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../bot/store/settings.ts';
import {
  addPanelMember,
  localAdmin,
  localAdminRoles,
  openAdminPreview,
  openSection,
  seedSlipChat,
  setCityBapMembership,
  setLpsHeadEmail,
} from '../helpers/adminPage.ts';
import { launchChromium, skipBrowserTests } from '../helpers/browser.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import { click, startConnector, startTestBot, type TestBot } from '../helpers/teams.ts';
import { casesOfConversation, getCase } from '../../bot/store/cases.ts';

const built = fileURLToPath(new URL('../../dist/addin/admin-preview.html', import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe.skipIf(skipBrowserTests)('the Administration page, with a stand-in Teams host, in Chromium', () => {
  let store: TestDatabase;
  let bot: TestBot;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(built)) throw new Error('Build the add-in first: npm run build (npm test does)');
    store = await freshPglite();
    bot = await startTestBot(store.db, { allowedTenantIds: [], rolesFile: localAdminRoles });
    await seedSlipChat(store.db);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await store?.drop();
  });

  it('adds a panel member from the people seen, marks a City BAP member, sets the LPS head’s email, and shows the history', async () => {
    const { page, tab } = await openAdminPreview(browser, bot.url);
    await tab.getByText('Signed in as Alex Wilber, an administrator.').waitFor();

    await addPanelMember(tab, 'Priya Shah', 'Beauchamp College');
    await tab.getByRole('table', { name: 'Panel members of SLIP' }).getByText('Priya Shah').waitFor();
    await setCityBapMembership(tab, 'Beauchamp College', 'Yes');
    await setLpsHeadEmail(tab, 'head@lps.leicester.sch.uk');

    await openSection(tab, 'History');
    const history = tab.getByRole('list', { name: 'Changes, newest first' });
    await history.getByText('Panel: added Priya Shah (Beauchamp College)').waitFor();
    await history.getByText(/^Beauchamp College: City BAP member .+ → yes$/i).waitFor();
    await history.getByText(/^LPS head’s email: .+ → head@lps\.leicester\.sch\.uk$/).waitFor();
    // "20 November 2026, 14:05 · Local user", then the first-run seed.
    await expect(history.getByText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} · /).count()).resolves.toBe(4);
    await history.getByText(/ · First set up from the configuration files$/).waitFor();

    const stored = await readSettings(store.db);
    const slip = stored?.settings.partnerships.SLIP;
    expect(slip?.panel).toEqual([
      {
        aadObjectId: 'b1000000-0000-4000-8000-000000000001',
        name: 'Priya Shah',
        schoolId: 'beauchamp-college',
      },
    ]);
    expect(slip?.schools.find((school) => school.id === 'beauchamp-college')?.cityBapMember).toBe(true);
    expect(stored?.settings.county.contacts.lps.headEmail).toBe('head@lps.leicester.sch.uk');
    await page.close();

    // At once, without a restart: a new case for that school skips the City BAP question in Teams...
    const connector = await startConnector();
    try {
      const coordinator = { id: '29:alex', name: localAdmin.name, aadObjectId: localAdmin.aadObjectId };
      const run = async (student: string, section: string, answers: [string, Record<string, unknown>][]) => {
        await click(
          bot,
          connector,
          coordinator,
          'case.start',
          {
            partnership: 'SLIP',
            schoolId: 'beauchamp-college',
            student,
            section,
          },
          `card-${student}`,
        );
        const record = (await casesOfConversation(store.db, '19:meeting-a@thread.v2')).find(
          (item) => item.student === student,
        );
        let card = '';
        for (const [question, value] of answers)
          card = (
            await click(
              bot,
              connector,
              coordinator,
              'case.answer',
              { caseId: record?.id, question, ...value },
              `card-${student}`,
            )
          ).text;
        return { card, record: await getCase(store.db, record?.id ?? '') };
      };
      const bap = await run('AB 1', 'A', [['residency', { value: 'city' }]]);
      expect(bap.card).toContain('(from the directory)');
      expect(bap.record?.outcome).toBe('A.cityBap');
      // The checklist's ticks arrive as the card's toggle inputs.
      const ticked = Object.fromEntries(
        ['agreedActions', 'managedMove', 'apPartTime', 'partnershipSupport'].map((item) => [
          `item_${item}`,
          'true',
        ]),
      );
      const psp2b = await run('AB 2', 'B', [
        ['residency', { value: 'city' }],
        ['stepsDone', ticked],
      ]);
      expect(psp2b.record?.outcome).toBe('B.psp2b');
    } finally {
      await connector.close();
    }

    // ...and template 3, to the LPS, goes to the head's new address in the add-in.
    const pane = await browser.newPage({ viewport: { width: 1300, height: 1200 } });
    await pane.goto(`${bot.url}/addin/preview.html`);
    await pane.getByRole('button', { name: /AB 2 · Beauchamp College/ }).click();
    await pane.getByRole('button', { name: /Email template 3/ }).click();
    await pane.getByRole('button', { name: 'Insert into the draft' }).click();
    await pane.getByText('The email is in your draft').waitFor();
    const to = await pane.evaluate(() =>
      [...document.querySelectorAll('#draft-to li')].map((item) => item.textContent),
    );
    expect(to).toEqual(['Mr Whittingham <head@lps.leicester.sch.uk>']);
    await pane.close();
  }, 120_000);

  it('shows a problem beside its field and sends nothing until it is fixed', async () => {
    const { page, tab } = await openAdminPreview(browser, bot.url);
    await openSection(tab, 'Schools');
    await tab.getByRole('button', { name: 'Edit Wigston College' }).click();
    const dialog = tab.getByRole('dialog');
    const email = dialog.getByRole('textbox', { name: 'Key link’s email' });
    await email.fill('not an address');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('expected an email address').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    const before = await readSettings(store.db);
    await email.fill('key.link@wigston.leics.sch.uk');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await tab.getByText('Wigston College is saved.').waitFor();
    const after = await readSettings(store.db);
    expect(after?.versions['partnership:SLIP']).toBe((before?.versions['partnership:SLIP'] ?? 0) + 1);
    await page.close();
  }, 60_000);

  it('reloads what someone else saved first, and says so', async () => {
    const { page, tab } = await openAdminPreview(browser, bot.url);
    await openSection(tab, 'Vote settings');
    // Someone else saves the quorum while this page is open.
    const token = `dangerously-local:00000000-0000-0000-0000-0000000000020`;
    const current = (await (
      await fetch(`${bot.url}/api/admin`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { partnerships: { value: { id: string; voteSettings: object }; version: number }[] };
    const slip = current.partnerships.find((item) => item.value.id === 'SLIP')!;
    const put = await fetch(`${bot.url}/api/admin/partnerships/SLIP`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'if-match': `"${slip.version}"`,
      },
      body: JSON.stringify({ ...slip.value, voteSettings: { ...slip.value.voteSettings, quorum: 5 } }),
    });
    expect(put.status).toBe(200);

    await tab.getByRole('textbox', { name: /^Quorum/ }).fill('3');
    await tab.getByRole('button', { name: 'Save the vote settings' }).click();
    await tab.getByText(/^Someone else changed this since you opened it/).waitFor();
    await expect(tab.getByRole('textbox', { name: /^Quorum/ }).inputValue()).resolves.toBe('5');
    expect((await readSettings(store.db))?.settings.partnerships.SLIP.voteSettings.quorum).toBe(5);
    await page.close();
  }, 60_000);

  it('can be used with the keyboard alone: an addition, an edit and a removal with its confirmation', async () => {
    const { page, tab } = await openAdminPreview(browser, bot.url);
    const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);
    const tabTo = async (target: Locator) => {
      for (let presses = 0; presses < 80; presses++) {
        if (await hasFocus(target)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${target.toString()}`);
    };
    const focusInDialog = () =>
      tab
        .locator(':focus')
        .evaluate((element) => Boolean(element.closest('[role="dialog"], [role="alertdialog"]')));

    // Adding a panel member: Space opens the list of people seen, typing finds one and Enter chooses.
    await tabTo(tab.getByRole('button', { name: 'Add a panel member' }));
    await page.keyboard.press('Enter');
    const dialog = tab.getByRole('dialog');
    await dialog.waitFor();
    await expect(focusInDialog()).resolves.toBe(true);
    await tabTo(dialog.getByRole('combobox', { name: 'Person' }));
    await page.keyboard.press('Space');
    await tab.getByRole('option', { name: 'Tom Baker' }).waitFor();
    await page.keyboard.type('Tom');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('Tom Baker');
    await tabTo(dialog.getByRole('button', { name: 'Save' }));
    await page.keyboard.press('Enter');
    await tab.getByText('Tom Baker is on the SLIP panel.').waitFor();

    // An edit opens with the focus inside it; Escape closes it and gives the focus back.
    const edit = tab.getByRole('button', { name: 'Edit Tom Baker' });
    await tabTo(edit);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect(focusInDialog()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(hasFocus(edit)).resolves.toBe(true);

    // Removing asks first; Escape keeps them, Space then Enter on Remove removes them.
    const remove = tab.getByRole('button', { name: 'Remove Tom Baker' });
    const confirmation = tab.getByRole('alertdialog');
    await tabTo(remove);
    await page.keyboard.press('Space');
    await confirmation.waitFor();
    await expect(focusInDialog()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    await expect(hasFocus(remove)).resolves.toBe(true);
    expect(
      (await readSettings(store.db))?.settings.partnerships.SLIP.panel.map((member) => member.name),
    ).toContain('Tom Baker');
    await page.keyboard.press('Space');
    await confirmation.waitFor();
    await tabTo(confirmation.getByRole('button', { name: 'Remove', exact: true }));
    await page.keyboard.press('Enter');
    await tab.getByText('Tom Baker is no longer on the SLIP panel.').waitFor();
    expect(
      (await readSettings(store.db))?.settings.partnerships.SLIP.panel.map((member) => member.name),
    ).not.toContain('Tom Baker');
    await page.close();
  }, 90_000);

  it('has no serious or critical accessibility problems (axe-core)', async () => {
    const { page, tab, frame } = await openAdminPreview(browser, bot.url);
    const scan = async () => {
      await frame().addScriptTag({ path: axePath });
      return frame().evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: unknown,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }>;
            };
          }
        ).axe;
        // Fluent UI's focus manager adds invisible focus guards (data-tabster-dummy), aria-hidden by design.
        const results = await axe.run({ exclude: [['[data-tabster-dummy]']] });
        return results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.html).join(' | ')}`,
          );
      });
    };
    expect(await scan()).toEqual([]);
    await tab.getByRole('button', { name: 'Add a panel member' }).click();
    await tab.getByRole('dialog').waitFor();
    await page.waitForTimeout(500); // until the dialog has faded in, or axe sees its text half transparent
    expect(await scan()).toEqual([]);
    await page.keyboard.press('Escape');
    for (const section of ['Schools', 'Vote settings', 'County contacts', 'History']) {
      await openSection(tab, section);
      await tab.getByRole('tabpanel').waitFor();
      expect(await scan(), section).toEqual([]);
    }
    await page.close();
  }, 90_000);
});
