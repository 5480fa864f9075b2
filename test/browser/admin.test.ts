import { seriousAxeProblems } from './axe.ts';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../bot/store/settings.ts';
import {
  addForumDate,
  addPanelMember,
  addResource,
  addService,
  localAdmin,
  localAdminRoles,
  openAdminPreview,
  openSection,
  seedSlipChat,
  setCityBapMembership,
  setLpsHeadEmail,
} from '../helpers/adminPage.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { click, startConnector } from '../helpers/teams.ts';
import { casesOfConversation, getCase } from '../../bot/store/cases.ts';

/** Moving with Tab alone: whether a control has the focus, and pressing Tab until one has. */
function keyboard(page: Page) {
  const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);
  const tabTo = async (target: Locator) => {
    for (let presses = 0; presses < 150; presses++) {
      if (await hasFocus(target)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  };
  /**
   * Types a date into the date field that has the focus, as a person would: day, month, year as in en-GB. A
   * Chromium with only its en-US language (Debian's) reads month first: then back two parts and in that order.
   */
  const typeDate = async (field: Locator, iso: string) => {
    const [year, month, day] = iso.split('-') as [string, string, string];
    await page.keyboard.type(`${day}${month}${year}`);
    if ((await field.inputValue()) === iso) return;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(`${month}${day}${year}`);
  };
  return { hasFocus, tabTo, typeDate };
}

describe.skipIf(skipBrowserTests)('the Administration page, with a stand-in Teams host, in Chromium', () => {
  const suite = browserSuite('admin-preview.html', {
    rolesFile: localAdminRoles,
    seed: async () => {
      await seedSlipChat(suite.store.db);
    },
  });

  it('adds a panel member from the people seen, marks a City BAP member, sets the LPS head’s email, and shows the history', async () => {
    const { page, tab } = await openAdminPreview(suite.browser, suite.bot.url);
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

    const stored = await readSettings(suite.store.db);
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
          suite.bot,
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
        const record = (await casesOfConversation(suite.store.db, '19:meeting-a@thread.v2')).find(
          (item) => item.student === student,
        );
        let card = '';
        for (const [question, value] of answers)
          card = (
            await click(
              suite.bot,
              connector,
              coordinator,
              'case.answer',
              { caseId: record?.id, question, ...value },
              `card-${student}`,
            )
          ).text;
        return { card, record: await getCase(suite.store.db, record?.id ?? '') };
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
    const pane = await suite.browser.newPage({ viewport: { width: 1300, height: 1200 } });
    await pane.goto(`${suite.bot.url}/addin/preview.html`);
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
    const { page, tab } = await openAdminPreview(suite.browser, suite.bot.url);
    await openSection(tab, 'Schools');
    await tab.getByRole('button', { name: 'Edit Wigston College' }).click();
    const dialog = tab.getByRole('dialog');
    const email = dialog.getByRole('textbox', { name: 'Key link’s email' });
    await email.fill('not an address');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('expected an email address').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    const before = await readSettings(suite.store.db);
    await email.fill('key.link@wigston.leics.sch.uk');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await tab.getByText('Wigston College is saved.').waitFor();
    const after = await readSettings(suite.store.db);
    expect(after?.versions['partnership:SLIP']).toBe((before?.versions['partnership:SLIP'] ?? 0) + 1);
    await page.close();
  }, 60_000);

  it('reloads what someone else saved first, and says so', async () => {
    const { page, tab } = await openAdminPreview(suite.browser, suite.bot.url);
    await openSection(tab, 'Vote settings');
    // Someone else saves the quorum while this page is open.
    const token = `dangerously-local:00000000-0000-0000-0000-0000000000020`;
    const current = (await (
      await fetch(`${suite.bot.url}/api/admin`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { partnerships: { value: { id: string; voteSettings: object }; version: number }[] };
    const slip = current.partnerships.find((item) => item.value.id === 'SLIP')!;
    const put = await fetch(`${suite.bot.url}/api/admin/partnerships/SLIP`, {
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
    expect((await readSettings(suite.store.db))?.settings.partnerships.SLIP.voteSettings.quorum).toBe(5);
    await page.close();
  }, 60_000);

  it('can be used with the keyboard alone: an addition, an edit and a removal with its confirmation', async () => {
    const { page, tab } = await openAdminPreview(suite.browser, suite.bot.url);
    const { hasFocus, tabTo } = keyboard(page);
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
      (await readSettings(suite.store.db))?.settings.partnerships.SLIP.panel.map((member) => member.name),
    ).toContain('Tom Baker');
    await page.keyboard.press('Space');
    await confirmation.waitFor();
    await tabTo(confirmation.getByRole('button', { name: 'Remove', exact: true }));
    await page.keyboard.press('Enter');
    await tab.getByText('Tom Baker is no longer on the SLIP panel.').waitFor();
    expect(
      (await readSettings(suite.store.db))?.settings.partnerships.SLIP.panel.map((member) => member.name),
    ).not.toContain('Tom Baker');
    await page.close();
  }, 90_000);

  it('adds a service, a resource and forum dates, keeps them when the page is opened again, and shows the history', async () => {
    const { page, tab } = await openAdminPreview(suite.browser, suite.bot.url);
    await addService(tab, 'Speech and Language Therapy');
    const services = tab.getByRole('table', { name: 'Services at the forums' });
    await services.getByRole('cell', { name: 'speechAndLanguageTherapy', exact: true }).waitFor();

    // Renamed, it keeps its id: plans refer to it by that.
    await services.getByRole('button', { name: 'Edit Speech and Language Therapy' }).click();
    const dialog = tab.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Speech and Language Therapy (NHS)');
    await expect(dialog.getByRole('textbox', { name: /^Id/ }).inputValue()).resolves.toBe(
      'speechAndLanguageTherapy',
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    await tab.getByText('Speech and Language Therapy (NHS) is saved.').waitFor();

    // An address that is not https is refused beside its field, and nothing is sent.
    const before = await readSettings(suite.store.db);
    await tab.getByRole('button', { name: 'Add a resource' }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Local offer');
    const address = dialog.getByRole('textbox', { name: /^Address/ });
    await address.fill('http://www.leicestershire.gov.uk/local-offer');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('expected an https:// address').waitFor();
    await expect(address.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await readSettings(suite.store.db))?.versions.county).toBe(before?.versions.county);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await addResource(tab, 'Local offer', 'https://www.leicestershire.gov.uk/local-offer');

    await addForumDate(tab, '2027-01-15', '15 January 2027');
    await addForumDate(tab, '2026-12-03', '3 December 2026');
    await page.close();

    const again = await openAdminPreview(suite.browser, suite.bot.url);
    await openSection(again.tab, 'County');
    await again.tab
      .getByRole('table', { name: 'Services at the forums' })
      .getByText('Speech and Language Therapy (NHS)')
      .waitFor();
    await again.tab.getByRole('table', { name: 'Resources for advice' }).getByText('Local offer').waitFor();
    await openSection(again.tab, 'Inclusion Forums');
    const dates = again.tab.getByRole('list', { name: 'Inclusion Forum dates of SLIP' });
    await expect(dates.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^3 December 2026\s+Remove$/),
      expect.stringMatching(/^15 January 2027\s+Remove$/),
    ]);
    await openSection(again.tab, 'History');
    const history = again.tab.getByRole('list', { name: 'Changes, newest first' });
    for (const line of [
      'Services at the forums: added Speech and Language Therapy',
      'Services at the forums: Speech and Language Therapy renamed Speech and Language Therapy (NHS)',
      'Resources for advice: added Local offer (https://www.leicestershire.gov.uk/local-offer)',
      'Inclusion Forum dates: added 15 January 2027',
      'Inclusion Forum dates: added 3 December 2026',
    ])
      await history.getByText(line, { exact: true }).waitFor();

    const stored = (await readSettings(suite.store.db))?.settings;
    expect(stored?.county.services).toContainEqual({
      id: 'speechAndLanguageTherapy',
      name: 'Speech and Language Therapy (NHS)',
    });
    expect(stored?.county.resources).toContainEqual({
      id: 'local-offer',
      title: 'Local offer',
      url: 'https://www.leicestershire.gov.uk/local-offer',
    });
    expect(stored?.partnerships.SLIP.forumDates).toEqual(['2026-12-03', '2027-01-15']);
    await again.page.close();
  }, 90_000);

  it('adds and removes a service and a forum date with the keyboard alone', async () => {
    const { page, tab } = await openAdminPreview(suite.browser, suite.bot.url);
    const { tabTo, typeDate } = keyboard(page);
    await openSection(tab, 'County');

    await tabTo(tab.getByRole('button', { name: 'Add a service' }));
    await page.keyboard.press('Enter');
    const dialog = tab.getByRole('dialog');
    await dialog.waitFor();
    await tabTo(dialog.getByRole('textbox', { name: 'Name' }));
    await page.keyboard.type('Virtual School');
    await expect(dialog.getByRole('textbox', { name: /^Id/ }).inputValue()).resolves.toBe('virtualSchool');
    await page.keyboard.press('Enter');
    await tab.getByText('Virtual School is added to the services.').waitFor();
    await tabTo(tab.getByRole('button', { name: 'Remove Virtual School' }));
    await page.keyboard.press('Enter');
    const confirmation = tab.getByRole('alertdialog');
    await confirmation.waitFor();
    await tabTo(confirmation.getByRole('button', { name: 'Remove', exact: true }));
    await page.keyboard.press('Enter');
    await tab.getByText('Virtual School is no longer one of the services.').waitFor();
    expect(
      (await readSettings(suite.store.db))?.settings.county.services.map((service) => service.id),
    ).not.toContain('virtualSchool');

    // Typed into the date field; Enter in it adds the date.
    await openSection(tab, 'Inclusion Forums');
    const date = tab.getByLabel('Date of a forum');
    await tabTo(date);
    await typeDate(date, '2027-03-10');
    await expect(date.inputValue()).resolves.toBe('2027-03-10');
    await page.keyboard.press('Enter');
    await tab.getByText('10 March 2027 is an Inclusion Forum date of SLIP.').waitFor();
    expect((await readSettings(suite.store.db))?.settings.partnerships.SLIP.forumDates).toContain(
      '2027-03-10',
    );
    await tabTo(tab.getByRole('button', { name: 'Remove 10 March 2027' }));
    await page.keyboard.press('Enter');
    await confirmation.waitFor();
    await tabTo(confirmation.getByRole('button', { name: 'Remove', exact: true }));
    await page.keyboard.press('Enter');
    await tab.getByText('10 March 2027 is no longer an Inclusion Forum date of SLIP.').waitFor();
    expect((await readSettings(suite.store.db))?.settings.partnerships.SLIP.forumDates).not.toContain(
      '2027-03-10',
    );
    await page.close();
  }, 90_000);

  it('has no serious or critical accessibility problems (axe-core)', async () => {
    const { page, tab, frame } = await openAdminPreview(suite.browser, suite.bot.url);
    const scan = () => seriousAxeProblems(frame());
    expect(await scan()).toEqual([]);
    await tab.getByRole('button', { name: 'Add a panel member' }).click();
    await tab.getByRole('dialog').waitFor();
    await page.waitForTimeout(500); // until the dialog has faded in, or axe sees its text half transparent
    expect(await scan()).toEqual([]);
    await page.keyboard.press('Escape');
    for (const section of ['Schools', 'Vote settings', 'Inclusion Forums', 'County', 'History']) {
      await openSection(tab, section);
      await tab.getByRole('tabpanel').waitFor();
      expect(await scan(), section).toEqual([]);
    }
    // The new lists' forms, and a date refused beside its field.
    await openSection(tab, 'Inclusion Forums');
    await tab.getByRole('button', { name: 'Add the date' }).click();
    await tab.getByText('Choose a date, for example 15 January 2027.').waitFor();
    expect(await scan(), 'a forum date refused').toEqual([]);
    await openSection(tab, 'County');
    for (const add of ['Add a service', 'Add a resource']) {
      await tab.getByRole('button', { name: add }).click();
      await tab.getByRole('dialog').waitFor();
      await page.waitForTimeout(500);
      expect(await scan(), add).toEqual([]);
      await page.keyboard.press('Escape');
      await tab.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.close();
  }, 90_000);
});
