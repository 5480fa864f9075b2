import { describe, expect, it } from 'vitest';
import {
  caseFields,
  emailStanding,
  optionalFieldsOf,
  REDRAFT,
} from '../../addin/outlook/taskpane/caseEmail.ts';
import { compose } from '../../addin/outlook/taskpane/compose.ts';
import type { ActionPlan } from '../../src/plans/actionPlan.ts';
import { emailTemplates } from '../../src/templates/emailTemplates.ts';
import { completeFields, directory } from '../helpers/fixtures.ts';

const plan: ActionPlan = {
  advice: 'Keep the reduced timetable.\n\nMeet the family <weekly>.',
  links: ['schools-advice'],
  actions: [
    { owner: 'school', action: 'Hold a PSP1 meeting & invite the family', by: '2027-01-15' },
    { owner: 'ep', action: 'Observe in class', by: '2027-01-22' },
  ],
  reviewDate: '2027-02-05',
};
const recipient = { name: 'Mrs Patel', email: 'k.patel@lps.leicester.sch.uk' };

describe('the fields a case’s emails are filled from', () => {
  it('adds the case’s action plan as the structured field template 5 renders', () => {
    const fields = caseFields({ fields: { ...completeFields }, actionPlan: plan });
    const result = compose({ template: 'T5', fields, fullName: '', recipient }, directory);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.subject).toBe(
      'J.S. (ref 2291): action plan from the Inclusion Forum held on 20 November 2026',
    );
    expect(result.html).toContain(
      '<td style="border:1px solid #8a8886;padding:4px 8px;text-align:left;vertical-align:top">Hold a PSP1 meeting &amp; invite the family</td>',
    );
    expect(result.html).toContain('Educational Psychologist (LCC)');
    expect(result.html).toContain('15 January 2027');
    expect(result.html).toContain('Meet the family &lt;weekly&gt;.');
    expect(result.html).toContain('We will review the plan with you on 5 February 2027');
  });

  it('never takes a plan from the plain fields, so a case without one asks for it to be recorded', () => {
    const fields = caseFields({
      fields: { ...completeFields, actionPlan: 'typed' } as unknown as Record<string, string>,
    });
    expect(fields).not.toHaveProperty('actionPlan');
    expect(compose({ template: 'T5', fields, fullName: '', recipient }, directory)).toMatchObject({
      ok: false,
      missing: ['actionPlan'],
    });
  });
});

describe('how an email of a case stands', () => {
  it('says drafted, to be drafted again after the plan changed, or nothing', () => {
    expect(emailStanding({ drafted: true })).toBe('Drafted');
    expect(emailStanding({ drafted: false, redraft: true })).toBe(REDRAFT);
    expect(REDRAFT).toBe('The action plan has changed since this was drafted: draft it again');
    expect(emailStanding({ drafted: false })).toBeUndefined();
  });
});

describe('which fields a template can do without', () => {
  it('lets T1 leave out the meeting, but template 5 always names it', () => {
    expect(optionalFieldsOf(emailTemplates.T1, directory)).toEqual(
      expect.arrayContaining(['meetingType', 'meetingDate']),
    );
    const t5 = optionalFieldsOf(emailTemplates.T5, directory);
    expect(t5).not.toContain('meetingType');
    expect(t5).not.toContain('meetingDate');
    expect(t5).not.toContain('actionPlan');
  });
});

describe('an anonymous case in the add-in', () => {
  const fields = caseFields({
    fields: { ...completeFields, student: 'Anonymous case REF-0042' },
    actionPlan: plan,
  });

  it('names the student by the case’s label in the subject and the body', () => {
    const result = compose({ template: 'T5', fields, fullName: '', recipient, anonymous: true }, directory);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.subject).toBe(
      'Anonymous case REF-0042: action plan from the Inclusion Forum held on 20 November 2026',
    );
    expect(result.html).toContain('<p><strong>Anonymous case REF-0042</strong></p>');
  });

  it('refuses a full name, and any other name in place of the label', () => {
    expect(
      compose({ template: 'T5', fields, fullName: 'Jordan Smith', recipient, anonymous: true }, directory),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'fullName', message: expect.stringContaining('anonymous case') }],
    });
    expect(
      compose(
        { template: 'T5', fields: { ...fields, student: 'J.S.' }, fullName: '', recipient, anonymous: true },
        directory,
      ),
    ).toMatchObject({ ok: false, problems: [{ field: 'student' }] });
  });
});
