import { seriousAxeProblems } from './axe.ts';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { savePlan } from '../../bot/store/actionPlans.ts';
import { casesOfConversation, createCase, updateCase } from '../../bot/store/cases.ts';
import { recordChat, recordChatMembers } from '../../bot/store/chatMembers.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const localRoles = fileURLToPath(new URL('../../config/roles.local.json', import.meta.url));
const meeting = '19:meeting-x@thread.v2';
const axeProblems = (page: Page) => seriousAxeProblems(page);

describe.skipIf(skipBrowserTests)(
  'the meeting side panel and stage, with a stand-in Teams host, in Chromium',
  () => {
    const suite = browserSuite('meeting-preview.html', {
      rolesFile: localRoles,
      seed: async () => {
        const actor = { id: 'x', name: 'Alex Wilber' };
        // The bot has been in this meeting's chat and seen the local coordinator there.
        await recordChat(suite.store.db, meeting, 'http://127.0.0.1:9');
        await recordChatMembers(suite.store.db, meeting, [
          { id: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber', standing: 'member' },
        ]);
        const base = {
          partnership: 'SLIP' as const,
          conversationId: meeting,
          meetingId: null,
          schoolId: 'beauchamp-college',
          flowId: 'cityAddress',
          flowVersion: '1.0.0',
        };
        const decided = await createCase(
          suite.store.db,
          {
            ...base,
            student: 'JS-1',
            section: 'B',
            fields: { student: 'JS-1', schoolName: 'Beauchamp College', partnership: 'SLIP' },
          },
          actor,
        );
        for (const [question, value] of [
          ['residency', 'city'],
          [
            'stepsDone',
            { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true },
          ],
        ] as const) {
          await updateCase(suite.store.db, decided.id, actor, (current) => {
            const answered = answerCase(cityAddressFlow, current, question, value, {});
            return answered.ok
              ? ok({ record: answered.value.record, events: answered.value.events })
              : answered;
          });
        }
        // The forum wrote JS-1's action plan.
        await savePlan(
          suite.store.db,
          decided.id,
          {
            advice: '',
            links: [],
            actions: [{ owner: 'school', action: 'Meet the family', by: '2027-01-15' }],
            reviewDate: '2027-02-05',
          },
          actor,
        );
        await createCase(
          suite.store.db,
          {
            ...base,
            student: 'AG-2',
            section: 'A',
            fields: { student: 'AG-2', schoolName: 'Beauchamp College', partnership: 'SLIP' },
          },
          actor,
        );
      },
    });

    it('lists the meeting’s cases, adds a referral to the agenda, and shares a case to the stage with its identifier only', async () => {
      const page = await suite.browser.newPage({ viewport: { width: 1300, height: 1000 } });
      await page.goto(
        `${suite.bot.url}/addin/meeting-preview.html?conversation=${encodeURIComponent(meeting)}`,
      );
      const panel = page.frameLocator('#panel');
      await panel.getByText('JS-1 · Beauchamp College · section B').waitFor();
      await expect(panel.getByText('Outcome: The school sets up a City PSP2b meeting').count()).resolves.toBe(
        1,
      );
      await expect(panel.getByText('On the agenda').count()).resolves.toBe(1);

      await expect(panel.getByRole('combobox', { name: 'Partnership' }).innerText()).resolves.toContain(
        'SLIP',
      );
      await panel.getByRole('combobox', { name: 'School' }).click();
      await panel.getByRole('option', { name: 'Wigston College' }).click();
      await panel.getByRole('textbox', { name: 'Student identifier' }).fill('NEW-3');
      await panel.getByRole('radio', { name: /^C\. / }).check();
      await panel.getByRole('button', { name: 'Add to the agenda' }).click();
      await panel.getByText('NEW-3 is on the agenda.').waitFor();
      await panel.getByText('NEW-3 · Wigston College · section C').waitFor();
      expect((await casesOfConversation(suite.store.db, meeting)).map((record) => record.student)).toEqual([
        'JS-1',
        'AG-2',
        'NEW-3',
      ]);

      await panel.getByRole('button', { name: 'Show JS-1 on the meeting stage' }).click();
      const stage = page.frameLocator('#stage');
      await stage.getByText('Case JS-1').waitFor();
      await expect(stage.getByText('Outcome: The school sets up a City PSP2b meeting').count()).resolves.toBe(
        1,
      );
      const stageText = await stage.locator('body').innerText();
      expect(stageText).not.toContain('Beauchamp');
      await page.close();
    }, 60_000);

    it('shows the forum summary as the bot’s card does: each case’s standing, its plan and the emails to draft', async () => {
      const page = await suite.browser.newPage({ viewport: { width: 600, height: 1400 } });
      await page.goto(
        `${suite.bot.url}/addin/sidepanel-preview.html?conversation=${encodeURIComponent(meeting)}`,
      );
      const js1 = page.getByRole('listitem').filter({ hasText: 'JS-1 · Beauchamp College · section B' });
      await js1.waitFor();
      await js1.getByText('Action plan: 1 action, review 5 February 2027').waitFor();
      await expect(
        js1.getByRole('list', { name: 'Emails to draft for JS-1' }).getByRole('listitem').allInnerTexts(),
      ).resolves.toEqual([
        'To draft: Email template 1: to the school, seeking support from the Leicester Partnership School',
        'To draft: Email template 3: to the Leicester Partnership School, the school has been advised to call a PSP meeting',
        'To draft: Email template 5: to the school, the action plan agreed at the Inclusion Forum',
      ]);
      const ag2 = page.getByRole('listitem').filter({ hasText: 'AG-2 · Beauchamp College · section A' });
      await ag2.getByText('On the agenda').waitFor();
      await ag2.getByText('No action plan yet').waitFor();
      expect(await axeProblems(page)).toEqual([]);

      // A referral without the parents' consent is an anonymous case, named by a reference only.
      await page.getByRole('combobox', { name: 'School' }).click();
      await page.getByRole('option', { name: 'Wigston College' }).click();
      await page.getByRole('radio', { name: /^Not given: an anonymous case/ }).check();
      await page.getByText('A reference only, such as the referral form’s number').waitFor();
      await page.getByRole('textbox', { name: 'Student identifier' }).fill('W.C.');
      await page.getByRole('radio', { name: /^A\. / }).check();
      await page.getByRole('button', { name: 'Add to the agenda' }).click();
      await page.getByText(/Without the parents’ consent the case is anonymous/).waitFor();
      await page.getByRole('textbox', { name: 'Student identifier' }).fill('REF-77');
      await page.getByRole('button', { name: 'Add to the agenda' }).click();
      await page.getByText('Anonymous case REF-77 is on the agenda.').waitFor();
      await page.getByText('Anonymous case REF-77 · Wigston College · section A').waitFor();
      // The choice goes back to consent given for the next referral.
      expect(await page.getByRole('radio', { name: /^Given:/ }).isChecked()).toBe(true);
      const stored = (await casesOfConversation(suite.store.db, meeting)).find(
        (record) => record.student === 'REF-77',
      );
      expect(stored?.consent).toBe(false);
      expect(await axeProblems(page)).toEqual([]);
      await page.close();
    }, 60_000);
  },
);
