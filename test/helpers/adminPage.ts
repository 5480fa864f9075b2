import { fileURLToPath } from 'node:url';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { createCase } from '../../bot/store/cases.ts';
import { recordChat, recordChatMembers } from '../../bot/store/chatMembers.ts';
import type { Database } from '../../bot/store/database.ts';

/**
 * Driving the Administration page's preview in Chromium, for its own test and for end-to-end tests that change
 * a setting and then use it (a new case, an email in the add-in preview).
 */

/** A roles file whose local user (the preview's) is Alex Wilber, a SLIP coordinator and an administrator. */
export const localAdminRoles = fileURLToPath(new URL('./roles.localAdmin.json', import.meta.url));
export const localAdmin = { aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' };

/** People the bot has seen in a SLIP meeting chat, to be offered under "Add a panel member". */
export const seenInSlipChat = [
  { id: 'b1000000-0000-4000-8000-000000000001', name: 'Priya Shah', standing: 'member' as const },
  { id: 'b1000000-0000-4000-8000-000000000002', name: 'Tom Baker', standing: 'member' as const },
];

/** Records a SLIP meeting chat with a case in it and the people above in its roster. */
export async function seedSlipChat(db: Database, conversationId = '19:slip-panel@thread.v2') {
  await recordChat(db, conversationId, 'http://127.0.0.1:9');
  await recordChatMembers(db, conversationId, [
    { id: localAdmin.aadObjectId, name: localAdmin.name, standing: 'member' },
    ...seenInSlipChat,
  ]);
  await createCase(
    db,
    {
      partnership: 'SLIP',
      conversationId,
      meetingId: null,
      schoolId: 'beauchamp-college',
      flowId: 'cityAddress',
      flowVersion: '1.0.0',
      student: 'AP-1',
      section: 'B',
      fields: { student: 'AP-1', schoolName: 'Beauchamp College', partnership: 'SLIP' },
    },
    { id: localAdmin.aadObjectId, name: localAdmin.name },
  );
}

export interface AdminPreview {
  page: Page;
  /** The tab in the stand-in for Teams. */
  tab: FrameLocator;
  /** The same frame, to evaluate in. */
  frame: () => Frame;
}

/** Opens /addin/admin-preview.html and waits until the page has signed in and loaded the settings. */
export async function openAdminPreview(browser: Browser, botUrl: string): Promise<AdminPreview> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await page.goto(`${botUrl}/addin/admin-preview.html`);
  const tab = page.frameLocator('#tab');
  await tab.getByText(/^Signed in as /).waitFor();
  const frame = () => {
    const found = page.frames().find((item) => item.url().includes('/addin/admin-tab-preview.html'));
    if (!found) throw new Error('The administration tab is not in the preview');
    return found;
  };
  return { page, tab, frame };
}

export async function openSection(tab: FrameLocator, name: string) {
  await tab.getByRole('tab', { name }).click();
}

/** Waits for the notice the page shows after a save. */
export async function savedNotice(tab: FrameLocator, text: string) {
  await tab.getByText(text).waitFor();
}

export async function addPanelMember(tab: FrameLocator, person: string, school: string) {
  await openSection(tab, 'People');
  await tab.getByRole('button', { name: 'Add a panel member' }).click();
  const dialog = tab.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Person' }).click();
  await tab.getByRole('option', { name: person }).click();
  await dialog.getByRole('combobox', { name: 'School they represent' }).click();
  await tab.getByRole('option', { name: school }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await savedNotice(tab, `${person} is on the SLIP panel.`);
}

export async function setCityBapMembership(
  tab: FrameLocator,
  school: string,
  answer: 'Yes' | 'No' | 'Not known',
) {
  await openSection(tab, 'Schools');
  await tab.getByRole('button', { name: `Edit ${school}` }).click();
  const dialog = tab.getByRole('dialog');
  await dialog.getByRole('radio', { name: answer, exact: true }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await savedNotice(tab, `${school} is saved.`);
}

export async function setLpsHeadEmail(tab: FrameLocator, email: string) {
  await openSection(tab, 'County');
  await tab.getByRole('textbox', { name: 'Head’s email' }).fill(email);
  await tab.getByRole('button', { name: 'Save the County contacts' }).click();
  await savedNotice(tab, 'The County contacts are saved.');
}

/** Adds a service at the forums (County); its id is made from the name. */
export async function addService(tab: FrameLocator, name: string) {
  await openSection(tab, 'County');
  await tab.getByRole('button', { name: 'Add a service' }).click();
  const dialog = tab.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await savedNotice(tab, `${name} is added to the services.`);
}

/** Adds a resource for advice (County). */
export async function addResource(tab: FrameLocator, title: string, url: string) {
  await openSection(tab, 'County');
  await tab.getByRole('button', { name: 'Add a resource' }).click();
  const dialog = tab.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('textbox', { name: /^Address/ }).fill(url);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await savedNotice(tab, `${title} is added to the resources.`);
}

/** Adds one of SLIP's Inclusion Forum dates, given as YYYY-MM-DD; the page says it as "15 January 2027". */
export async function addForumDate(tab: FrameLocator, isoDate: string, shown: string) {
  await openSection(tab, 'Inclusion Forums');
  await tab.getByLabel('Date of a forum').fill(isoDate);
  await tab.getByRole('button', { name: 'Add the date' }).click();
  await savedNotice(tab, `${shown} is an Inclusion Forum date of SLIP.`);
}
