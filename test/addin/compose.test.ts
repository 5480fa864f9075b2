import { describe, expect, it } from 'vitest';
import { compose } from '../../addin/outlook/taskpane/compose.ts';
import { completeFields, directory } from '../helpers/fixtures.ts';

const recipient = { name: 'Mrs Patel', email: 'k.patel@lps.leicester.sch.uk' };

describe('building the draft in the add-in', () => {
  it('uses the full name in the body only, and the identifier in the subject', () => {
    const result = compose(
      { template: 'T2', fields: completeFields, fullName: 'Jordan Smith', recipient },
      directory,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.subject).toBe(
      'J.S. (ref 2291): permanent exclusion – seeking support from the Leicester Partnership School',
    );
    expect(result.html).toContain('<p><strong>Jordan Smith</strong></p>');
    expect(result.html).not.toContain('ref 2291');
    expect(result.to).toEqual([{ displayName: 'Mrs Patel', emailAddress: 'k.patel@lps.leicester.sch.uk' }]);
    expect(result.warnings).toEqual([]);
  });

  it('warns when the full name would appear in the subject', () => {
    const result = compose(
      {
        template: 'T2',
        fields: { ...completeFields, student: 'Jordan S' },
        fullName: 'Jordan Smith',
        recipient,
      },
      directory,
    );
    expect(result.ok && result.warnings.map((warning) => warning.kind)).toEqual(['fullNameInSubject']);
  });

  it('warns when the recipient is outside the configured domains', () => {
    const result = compose(
      {
        template: 'T2',
        fields: completeFields,
        fullName: '',
        recipient: { name: 'X', email: 'x@gmail.example' },
      },
      directory,
    );
    expect(result.ok && result.warnings).toEqual([
      {
        kind: 'recipientOutsideDomains',
        message: expect.stringContaining('gmail.example is not one of the usual domains'),
      },
    ]);
  });

  it('names the missing fields and the bad ones', () => {
    expect(
      compose({ template: 'T1', fields: { student: 'AB' }, fullName: '', recipient }, directory),
    ).toMatchObject({
      ok: false,
      missing: ['keyLinkName', 'pspMeeting', 'passportAction', 'attendee', 'partnership', 'coordinatorName'],
    });
    const bad = compose(
      {
        template: 'T2',
        fields: completeFields,
        fullName: '<b>x</b>',
        recipient: { name: 'X', email: 'not an address' },
      },
      directory,
    );
    expect(bad).toMatchObject({ ok: false, problems: [{ field: 'fullName' }, { field: 'recipient' }] });
  });

  it.each(['k.patel@lps\u200B.leicester.sch.uk', 'k.patel\u202E@lps.leicester.sch.uk', 'k\u2028@lps.sch.uk'])(
    'refuses a recipient address with an invisible character: %j',
    (email) => {
      const result = compose(
        { template: 'T2', fields: completeFields, fullName: '', recipient: { name: 'X', email } },
        directory,
      );
      expect(result).toMatchObject({ ok: false, problems: [{ field: 'recipient' }] });
    },
  );
});
