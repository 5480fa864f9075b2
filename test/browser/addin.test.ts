import { seriousAxeProblems } from './axe.ts';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { savePlan } from '../../bot/store/actionPlans.ts';
import { caseHistory, createCase, updateCase } from '../../bot/store/cases.ts';
import type { ActionPlan } from '../../src/plans/actionPlan.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { emailTemplates } from '../../src/templates/emailTemplates.ts';
import { renderEmail } from '../../src/templates/render.ts';
import { skipBrowserTests } from '../helpers/browser.ts';
import { browserSuite } from '../helpers/browserSuite.ts';
import { directory } from '../helpers/fixtures.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const localRoles = fileURLToPath(new URL('../../config/roles.local.json', import.meta.url));
const axeProblems = (page: Page) => seriousAxeProblems(page, 'aside');
const allSteps = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };
const signature =
  '<div id="Signature"><p>Alex Wilber<br>Coordinator, South Leicestershire Inclusion Partnership</p></div>';

/** The draft as the stand-in for Outlook holds it. */
async function draftOf(page: Page) {
  return page.evaluate(() => ({
    body: (document.getElementById('draft-body') as HTMLElement).innerHTML,
    subject: (document.getElementById('draft-subject') as HTMLInputElement).value,
    to: [...document.querySelectorAll('#draft-to li')].map((item) => item.textContent),
  }));
}

/** The draft's table of agreed actions, row by row, as the stand-in for Outlook holds it. */
const draftTableOf = (page: Page) =>
  page.evaluate(() => {
    const table = document.querySelector('#draft-body table');
    const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    return table
      ? {
          head: [...table.querySelectorAll('thead tr')].map(cells),
          rows: [...table.querySelectorAll('tbody tr')].map(cells),
        }
      : undefined;
  });

/** How the browser serialises a piece of HTML, so expected and actual bodies compare exactly. */
const serialised = (page: Page, html: string) =>
  page.evaluate((source) => {
    const holder = document.createElement('div');
    holder.innerHTML = source;
    return holder.innerHTML;
  }, html);

describe.skipIf(skipBrowserTests)(
  'the Outlook add-in in the preview’s stand-in for Outlook, in Chromium',
  () => {
    let caseId: string;
    const actor = { id: 'x', name: 'Alex Wilber' };

    /** A section B case decided as B.psp2b, so it needs templates 1 and 3. */
    async function decidedCase(student: string, known: Record<string, string> = fields) {
      const record = await createCase(
        suite.store.db,
        {
          partnership: 'SLIP',
          conversationId: 'c',
          meetingId: null,
          student,
          schoolId: 'beauchamp-college',
          section: 'B',
          flowId: 'cityAddress',
          flowVersion: '1.0.0',
          keyLinkEmail: 'k.patel@lps.leicester.sch.uk',
          fields: { ...known, student },
        },
        actor,
      );
      for (const [question, value] of [
        ['residency', 'city'],
        ['stepsDone', allSteps],
      ] as const) {
        await updateCase(suite.store.db, record.id, actor, (current) => {
          const answered = answerCase(cityAddressFlow, current, question, value, {});
          return answered.ok
            ? ok({ record: answered.value.record, events: answered.value.events })
            : answered;
        });
      }
      return record.id;
    }

    const fields = {
      student: 'JS-2291',
      schoolName: 'Beauchamp College',
      partnership: 'SLIP' as const,
      keyLinkName: 'Mrs Patel',
      coordinatorName: 'Alex Wilber',
      meetingType: 'inclusionForum' as const,
      meetingDate: '2026-11-20',
    };

    /** A case on the agenda with an Inclusion Forum action plan (no outcome needed: the plan alone needs T5). */
    async function caseWithPlan(student: string, plan: ActionPlan, consent = true) {
      const record = await createCase(
        suite.store.db,
        {
          partnership: 'SLIP',
          conversationId: 'c',
          meetingId: null,
          student,
          schoolId: 'beauchamp-college',
          section: 'B',
          flowId: 'cityAddress',
          flowVersion: '1.0.0',
          keyLinkEmail: 'k.patel@lps.leicester.sch.uk',
          consent,
          fields: { ...fields, student },
        },
        actor,
      );
      const saved = await savePlan(suite.store.db, record.id, plan, actor);
      if (!saved.ok) throw new Error(saved.error.message);
      return record.id;
    }

    const firstPlan: ActionPlan = {
      advice: 'Keep the reduced timetable while the family is supported.',
      links: ['schools-advice'],
      actions: [{ owner: 'school', action: 'Meet the family', by: '2027-01-15' }],
      reviewDate: '2027-02-05',
    };
    const changedPlan: ActionPlan = {
      ...firstPlan,
      actions: [
        { owner: 'school', action: 'Meet the family', by: '2027-01-15' },
        { owner: 'ep', action: 'Observe in class & at break', by: '2027-01-22' },
      ],
    };

    const suite = browserSuite('preview.html', {
      rolesFile: localRoles,
      seed: async () => {
        caseId = await decidedCase('JS-2291');
        await decidedCase('JS-3001');
        await decidedCase('KB-1');
        await decidedCase('AX-1');
      },
    });

    async function openPreview(query = '') {
      const page = await suite.browser.newPage({ viewport: { width: 1300, height: 1200 } });
      await page.goto(`${suite.bot.url}/addin/preview.html${query}`);
      await page.getByRole('tab', { name: 'Emails to send' }).waitFor();
      return page;
    }

    it('fills template 1 from the case, asks only for what is missing, and inserts it exactly', async () => {
      const page = await openPreview();
      await expect(page.getByText('Preview: a stand-in for Outlook').count()).resolves.toBe(1);
      await page.getByRole('button', { name: /JS-2291 · Beauchamp College/ }).click();
      await page.getByText('From the case:').waitFor();
      // Known from the case: not asked again.
      await expect(page.getByRole('textbox', { name: /key link for this case/ }).count()).resolves.toBe(0);
      await page.getByRole('radio', { name: 'Complete the Information Passport' }).check();
      await page.getByRole('radio', { name: 'One of my team will join' }).check();
      await page
        .getByText('Subject: JS-2291: seeking support from the Leicester Partnership School')
        .waitFor();
      await page.getByRole('button', { name: 'Insert into the draft' }).click();
      await page.getByText('The email is in your draft, and the case records it as drafted.').waitFor();

      const expected = renderEmail(
        emailTemplates.T1,
        { ...fields, pspMeeting: 'PSP2b', passportAction: 'complete', attendee: 'one of my team' },
        directory,
      );
      if (!expected.ok) throw new Error('expected a complete email');
      const draft = await draftOf(page);
      expect(draft.body).toBe(await serialised(page, `${expected.email.html}<p><br></p>${signature}`));
      expect(draft.subject).toBe('JS-2291: seeking support from the Leicester Partnership School');
      expect(draft.to).toEqual(['Mrs Patel <k.patel@lps.leicester.sch.uk>']);
      const history = await caseHistory(suite.store.db, caseId);
      expect(history.at(-1)).toMatchObject({
        kind: 'emailDrafted',
        detail: { template: 'T1', to: 'school' },
      });
      await page.close();
    }, 60_000);

    it('never keeps Insert disabled for an optional field, and keeps Insert and its warning in view', async () => {
      const { meetingDate: _left, ...withoutDate } = fields;
      await decidedCase('MD-1', withoutDate);
      const page = await openPreview();
      await page.setViewportSize({ width: 1300, height: 700 });
      await page.getByRole('button', { name: /MD-1 · Beauchamp College/ }).click();
      await page.getByRole('radio', { name: 'Complete the Information Passport' }).check();
      await page.getByRole('radio', { name: 'One of my team will join' }).check();
      const insert = page.getByRole('button', { name: 'Insert into the draft' });
      await page.getByText('Give this too, or the sentence about the meeting is left out.').waitFor();
      expect(await insert.isDisabled()).toBe(false);
      // The footer is sticky: Insert is on screen without scrolling the long form.
      const box = await insert.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(700);
      await insert.click();
      await page.getByText('The email is in your draft, and the case records it as drafted.').waitFor();
      expect((await draftOf(page)).body).not.toContain('It follows our discussion');
      await page.close();
    }, 60_000);

    it('puts the full name in the body only, and asks before replacing a draft that has text', async () => {
      const page = await openPreview();
      await page.evaluate(
        () =>
          ((document.getElementById('draft-body') as HTMLElement).innerHTML =
            '<p>Notes I typed</p><div id="Signature"><p>Alex</p></div>'),
      );
      await page.getByRole('button', { name: /JS-3001/ }).click();
      await page.getByRole('button', { name: /Email template 3/ }).click();
      await page
        .getByRole('textbox', { name: 'To (the LPS: Mr Whittingham)' })
        .fill('head@lps.leicester.sch.uk');
      await page.getByRole('switch', { name: /cannot be met “in full”/ }).check();
      await page.getByRole('textbox', { name: /full name/ }).fill('Jordan Smith');
      await page.getByRole('button', { name: 'Insert into the draft' }).click();
      await page.getByRole('dialog', { name: 'Your draft already has text' }).waitFor();
      await page.getByRole('button', { name: 'Replace the text' }).click();
      await page.getByText('The email is in your draft').waitFor();
      const draft = await draftOf(page);
      expect(draft.body).toContain(
        '<strong>Jordan Smith – a city address student in a county school.</strong>',
      );
      expect(draft.body).toContain('needs that cannot be met in full from element one');
      expect(draft.body).not.toContain('Notes I typed');
      expect(draft.body.endsWith('<div id="Signature"><p>Alex</p></div>')).toBe(true);
      expect(draft.subject).toBe('JS-3001: PSP2b meeting – a city address student in a county school');
      expect(draft.to).toEqual(['Mr Whittingham <head@lps.leicester.sch.uk>']);
      await page.close();
    }, 60_000);

    it('runs the county-address flow under Without a case, with the advice and an editable note', async () => {
      const page = await openPreview();
      await page.getByRole('tab', { name: 'Without a case' }).click();
      await page.getByRole('radio', { name: 'A county-address child in a City school' }).check();
      // One section: no "what has the school done" for this flow, straight to the district.
      expect(await page.getByRole('radio', { name: /^A\. / }).count()).toBe(0);
      await page.getByRole('button', { name: 'Melton', exact: true }).click();
      await page
        .getByRole('button', {
          name: 'Social, emotional and mental health needs: an EHCP assessment may be needed',
        })
        .click();
      await page.getByText('Outcome: Consult the partnership before asking SENA for an assessment').waitFor();
      await page
        .getByText(/has been carried out and reviewed and has not resulted in the hoped-for outcomes/)
        .first()
        .waitFor();
      await page
        .getByText(/Melton and South Charnwood Inclusion Partnership \(MSCIP\), Melton and South Charnwood\./)
        .waitFor();
      const insert = page.getByRole('button', { name: 'Insert into the draft' });
      expect(await insert.isDisabled()).toBe(true);
      await page.getByRole('textbox', { name: /Student identifier/ }).fill('CA-77');
      await page.getByRole('textbox', { name: /^To \(/ }).fill('coordinator@mscip.example.org');
      // The optional City school is left empty: Insert does not wait for it.
      expect(await insert.isDisabled()).toBe(false);
      const note = page.getByRole('textbox', { name: 'The note' });
      expect(await note.inputValue()).toContain('CA-77 – a county address child in a City school');
      await note.fill(`${await note.inputValue()}\n\nWe spoke on the telephone this morning.`);
      await insert.click();
      await page.getByText('The draft is in your email. Check it before sending.').waitFor();
      const draft = await draftOf(page);
      expect(draft.subject).toBe('CA-77: a county address child in a City school – MSCIP');
      expect(draft.to.join(' ')).toContain('coordinator@mscip.example.org');
      expect(draft.body).toContain('<p>We spoke on the telephone this morning.</p>');
      expect(draft.body).toContain('has not resulted in the hoped-for outcomes');
      await page.close();
    }, 60_000);

    it('refuses a plain-text draft with a clear message and leaves it as it was', async () => {
      const page = await openPreview('?format=text');
      await page.getByRole('tab', { name: 'Without a case' }).click();
      await page.getByRole('radio', { name: /^D\. / }).check();
      await page.getByRole('button', { name: 'Yes – a City of Leicester address' }).click();
      await page.getByRole('button', { name: 'Yes', exact: true }).click();
      await page
        .getByRole('textbox', { name: 'To (the LPS: Mr Whittingham)' })
        .fill('head@lps.leicester.sch.uk');
      for (const [name, value] of [
        [/Student identifier/, 'AB-1'],
        [/^School/, 'Wigston College'],
        [/Coordinator/, 'Alex Wilber'],
      ] as const) {
        await page.getByRole('textbox', { name }).fill(value);
      }
      await page.getByRole('combobox', { name: 'Partnership' }).click();
      await page.getByRole('option', { name: /^SLIP/ }).click();
      await page.getByRole('button', { name: 'Insert into the draft' }).click();
      await page
        .getByText('This draft is in plain text. Switch the message format to HTML, then insert again.')
        .waitFor();
      expect((await draftOf(page)).subject).toBe('');
      await page.close();
    }, 60_000);

    it('can be used with the keyboard alone', async () => {
      const page = await openPreview();
      /** Presses Tab until the focused element's accessible text matches. */
      const tabTo = async (pattern: RegExp) => {
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            const label =
              element?.getAttribute('aria-label') ??
              (element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : '') ??
              '';
            return `${label} ${element?.textContent ?? ''} ${(element as HTMLInputElement | null)?.value ?? ''}`;
          });
          if (pattern.test(focused)) return;
        }
        throw new Error(`Tab never reached ${pattern}`);
      };
      await tabTo(/KB-1/);
      await page.keyboard.press('Enter');
      await page.getByText('From the case:').waitFor();
      await tabTo(/Complete the Information Passport/);
      await page.keyboard.press('Space');
      await tabTo(/I will join/);
      await page.keyboard.press('Space');
      await tabTo(/Insert into the draft/);
      await page.keyboard.press('Enter');
      await page.getByText('The email is in your draft').waitFor();
      expect((await draftOf(page)).body).toContain('I will be happy to join the meeting');
      await page.close();
    }, 60_000);

    it('fills template 5 from the case’s action plan, inserts its table of actions, and asks again when the plan changes', async () => {
      const id = await caseWithPlan('AP-1', firstPlan);
      const page = await openPreview();
      await page.getByRole('button', { name: /AP-1 · Beauchamp College/ }).click();
      await page.getByRole('button', { name: /Email template 5/ }).waitFor();
      await page.getByText('Action plan: 1 action, review 5 February 2027').waitFor();
      // The plan is never typed: no control asks for it, and nothing is still needed.
      await expect(page.getByRole('textbox', { name: /Action plan/ }).count()).resolves.toBe(0);
      await page
        .getByText('Subject: AP-1: action plan from the Inclusion Forum held on 20 November 2026')
        .waitFor();
      await page.getByRole('button', { name: 'Insert into the draft' }).click();
      await page.getByText('The email is in your draft, and the case records it as drafted.').waitFor();
      let draft = await draftOf(page);
      expect(draft.subject).toBe('AP-1: action plan from the Inclusion Forum held on 20 November 2026');
      expect(draft.to).toEqual(['Mrs Patel <k.patel@lps.leicester.sch.uk>']);
      expect(await draftTableOf(page)).toEqual({
        head: [['Who', 'What is to be done', 'By when']],
        rows: [['The school', 'Meet the family', '15 January 2027']],
      });
      expect(draft.body).toContain('We will review the plan with you on 5 February 2027');
      expect((await caseHistory(suite.store.db, id)).at(-1)).toMatchObject({
        kind: 'emailDrafted',
        detail: { template: 'T5', to: 'school', plan: { version: 1, saves: 1 } },
      });
      await page.getByRole('button', { name: /Email template 5.*Drafted/ }).waitFor();
      await page.close();

      // The plan changes after the email was drafted: the email is offered again, saying why.
      const changed = await savePlan(suite.store.db, id, changedPlan, actor);
      expect(changed.ok).toBe(true);
      const again = await openPreview();
      await again.getByRole('button', { name: /AP-1 · Beauchamp College · 1 to draft/ }).click();
      await again
        .getByRole('button', {
          name: /Email template 5.*The action plan has changed since this was drafted: draft it again/,
        })
        .waitFor();
      await again.getByText('Action plan: 2 actions, review 5 February 2027').waitFor();
      await again.getByRole('button', { name: 'Insert into the draft' }).click();
      await again.getByText('The email is in your draft, and the case records it as drafted.').waitFor();
      expect((await draftTableOf(again))?.rows).toEqual([
        ['The school', 'Meet the family', '15 January 2027'],
        ['Educational Psychologist (LCC)', 'Observe in class & at break', '22 January 2027'],
      ]);
      draft = await draftOf(again);
      // Escaped into the HTML: the ampersand is text, not markup.
      expect(draft.body).toContain('Observe in class &amp; at break');
      expect((await caseHistory(suite.store.db, id)).at(-1)).toMatchObject({
        kind: 'emailDrafted',
        detail: { template: 'T5', plan: { version: 1, saves: 2 } },
      });
      await again.getByRole('button', { name: /Email template 5.*Drafted/ }).waitFor();
      await again.close();
    }, 90_000);

    it('names an anonymous case by its reference only: no full name, the student not editable', async () => {
      const id = await caseWithPlan('REF-0042', firstPlan, false);
      const page = await openPreview();
      await page.getByRole('button', { name: /Anonymous case REF-0042 · Beauchamp College/ }).click();
      await page
        .getByText('Anonymous case: parents have not consented; it is named by a reference only.')
        .first()
        .waitFor();
      await expect(page.getByRole('textbox', { name: /full name/ }).count()).resolves.toBe(0);
      const student = page.getByRole('textbox', { name: /^Student/ });
      expect(await student.inputValue()).toBe('Anonymous case REF-0042');
      // Typing a name where the student is named is refused: the field does not change.
      await student.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Jordan Smith');
      expect(await student.inputValue()).toBe('Anonymous case REF-0042');
      await page.getByRole('button', { name: 'Insert into the draft' }).click();
      await page.getByText('The email is in your draft, and the case records it as drafted.').waitFor();
      const draft = await draftOf(page);
      expect(draft.subject).toBe(
        'Anonymous case REF-0042: action plan from the Inclusion Forum held on 20 November 2026',
      );
      expect(draft.body).toContain('<p><strong>Anonymous case REF-0042</strong></p>');
      expect(draft.body).not.toContain('Jordan');
      await page.close();

      // The plan changes: the view with the anonymous note and the redraft warning has no accessibility problems.
      await savePlan(suite.store.db, id, changedPlan, actor);
      const again = await openPreview();
      await again.getByRole('button', { name: /Anonymous case REF-0042/ }).click();
      await again.getByText(/The action plan has changed since this was drafted: draft it again\./).waitFor();
      expect(await axeProblems(again)).toEqual([]);
      await again.close();
    }, 90_000);

    it('searches the cases on the service as you type, and shows more a page at a time', async () => {
      // Cases older than the others: a page holds 20, so they end the first page and fill the next.
      const older = Array.from({ length: 22 }, (_, n) => `PM-${1001 + n}`);
      for (const student of older) await decidedCase(student);
      await suite.store.db.query(
        "UPDATE cases SET created_at = created_at - interval '1 year' WHERE student_ref LIKE 'PM-%'",
      );
      const page = await openPreview();
      const list = page.getByRole('list', { name: 'Cases with emails to draft' });
      const shown = async () =>
        (await list.getByRole('button').allTextContents()).map((text) => text.split(' · ')[0] ?? '');
      await list.getByRole('button', { name: /AX-1/ }).waitFor();
      expect(await shown()).toHaveLength(20);
      await page.getByRole('button', { name: 'Show more' }).click();
      await list.getByRole('button', { name: /PM-1001 ·/ }).waitFor();
      const all = await shown();
      expect(new Set(all).size).toBe(all.length);
      expect(all.filter((student) => student.startsWith('PM-'))).toEqual([...older].reverse());
      await expect(page.getByRole('button', { name: 'Show more' }).count()).resolves.toBe(0);

      // Typing sends one search once you pause, not one a key.
      const searches: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/cases?')) searches.push(request.url());
      });
      await page.getByRole('searchbox', { name: /Search cases/ }).pressSequentially('pm-1007', { delay: 20 });
      await list.getByRole('button').filter({ hasText: 'PM-1007' }).waitFor();
      await expect.poll(shown).toEqual(['PM-1007']);
      expect(searches.length).toBeLessThanOrEqual(2);
      expect(searches.at(-1)).toContain('search=pm-1007');
      await page.getByRole('searchbox', { name: /Search cases/ }).fill('nobody at all');
      await page.getByText('No case matches your search.').waitFor();
      await page.close();
    }, 90_000);

    it('has no serious or critical accessibility problems (axe-core)', async () => {
      const page = await openPreview();
      await page.getByRole('button', { name: /AX-1/ }).click();
      await page.getByText('From the case:').waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.close();
    }, 60_000);
  },
);
