import { parseTemplateText } from '../../src/templates/templateText.ts';
import { describe, expect, it } from 'vitest';
import {
  compileTemplates,
  emailTemplates,
  type EmailTemplateSource,
} from '../../src/templates/emailTemplates.ts';
import { fieldsSchema, type Fields } from '../../src/templates/fields.ts';
import { renderEmail } from '../../src/templates/render.ts';
import { escapeHtml } from '../../src/text/html.ts';
import { completeFields, directory } from '../helpers/fixtures.ts';

const render = (id: keyof typeof emailTemplates, fields: Fields) =>
  renderEmail(emailTemplates[id], fields, directory);

describe('rendering an email', () => {
  it('lists every missing required field by name, in domain.md order, and renders no body', () => {
    expect(render('T1', { student: 'AB' })).toEqual({
      ok: false,
      missing: ['keyLinkName', 'pspMeeting', 'passportAction', 'attendee', 'partnership', 'coordinatorName'],
      subject: 'AB: seeking support from the Leicester Partnership School',
    });
    expect(render('T4', {})).toEqual({
      ok: false,
      missing: ['student', 'schoolName', 'partnership', 'coordinatorName'],
      subject: null,
    });
  });

  it('leaves out the meeting sentence when the case was not discussed at a meeting', () => {
    const {
      meetingType: _type,
      meetingDate: _date,
      ...fields
    } = { ...completeFields, pspMeeting: 'PSP2b' as const };
    const rendered = render('T1', fields);
    expect(rendered.ok && rendered.email.text).not.toContain('It follows our discussion');
  });

  it('needs both the meeting and its date once either is given', () => {
    const { meetingDate: _date, ...fields } = { ...completeFields, pspMeeting: 'PSP2b' as const };
    expect(render('T1', fields)).toMatchObject({ ok: false, missing: ['meetingDate'] });
  });

  it('writes dates the en-GB way and meetings by name', () => {
    const rendered = render('T1', {
      ...completeFields,
      pspMeeting: 'PSP3',
      meetingType: 'coreGroup',
      meetingDate: '2027-01-04',
    });
    expect(rendered.ok && rendered.email.text).toContain(
      'It follows our discussion at the Core Group Meeting held on 4 January 2027.',
    );
  });

  it('names the student only by the identifier in the subject', () => {
    for (const id of ['T1', 'T2', 'T3', 'T4'] as const) {
      const rendered = render(id, { ...completeFields, pspMeeting: 'PSP3' });
      expect(rendered.ok && rendered.email.subject.startsWith('J.S. (ref 2291): ')).toBe(true);
      expect(rendered.ok && rendered.email.subject).not.toContain('Beauchamp');
    }
  });

  it('takes contacts and links from the directory, not from the template text', () => {
    const changed = structuredClone(directory);
    changed.contacts.cityBap = {
      ...changed.contacts.cityBap,
      contactName: 'Raj Singh',
      contactPossessive: 'His',
      email: 'rsingh@example.org',
    };
    changed.contacts.lps.headSalutation = 'Ms Okafor';
    const t1 = renderEmail(emailTemplates.T1, { ...completeFields, pspMeeting: 'PSP2b' }, changed);
    expect(t1.ok && t1.email.text).toContain(
      'we suggest you invite Raj Singh of the City Behaviour and Attendance Partnership to the meeting. His contact is rsingh@example.org.',
    );
    expect(t1.ok && t1.email.html).toContain('<a href="mailto:rsingh@example.org">rsingh@example.org</a>');
    const t4 = renderEmail(emailTemplates.T4, completeFields, changed);
    expect(t4.ok && t4.email.text.startsWith('Dear Ms Okafor\n\n')).toBe(true);
  });
});

describe('hostile field values', () => {
  const hostile = `"Quotes" & 'apostrophes' && onerror=alert(1) &lt;b&gt;`;

  it('refuses markup in every text field at the boundary', () => {
    for (const field of ['keyLinkName', 'student', 'schoolName', 'coordinatorName']) {
      const result = fieldsSchema.safeParse({ [field]: '<script>alert("x")</script>' });
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
        [field, 'must not contain < or >'],
      ]);
    }
  });

  it('escapes quotes and ampersands in every field that reaches the HTML, and keeps the plain text as typed', () => {
    const fields: Fields = fieldsSchema.parse({
      ...completeFields,
      pspMeeting: 'PSP2b',
      keyLinkName: hostile,
      student: 'O\'Neil & "AB"',
      schoolName: hostile,
      coordinatorName: hostile,
    });
    for (const id of ['T1', 'T2', 'T3', 'T4'] as const) {
      const rendered = render(id, fields);
      if (!rendered.ok) throw new Error('expected a rendered email');
      expect(rendered.email.html).toContain(escapeHtml(`O'Neil & "AB"`));
      expect(rendered.email.html).toContain('&amp;lt;b&amp;gt;');
      expect(rendered.email.html).not.toMatch(/"Quotes"|'apostrophes'/);
      expect(rendered.email.text).toContain(`O'Neil & "AB"`);
      expect(rendered.email.subject).toBe(
        `O'Neil & "AB": ${rendered.email.subject.split(': ').slice(1).join(': ')}`,
      );
      // Only the template's own tags remain.
      const tags = new Set(rendered.email.html.match(/<\/?[a-z]+/g));
      expect(
        [...tags].filter((tag) => !['<p', '</p', '<strong', '</strong', '<a', '</a'].includes(tag)),
      ).toEqual([]);
    }
  });

  it('template 2 on a further referral claims no exclusion, in its subject or its opening', () => {
    const exclusion = render('T2', completeFields);
    const further = render('T2', { ...completeFields, furtherReferral: true });
    expect(exclusion.ok && exclusion.email.subject).toBe(
      'J.S. (ref 2291): permanent exclusion – seeking support from the Leicester Partnership School',
    );
    expect(exclusion.ok && exclusion.email.text).toContain(
      'is in the process of issuing a permanent exclusion',
    );
    expect(further.ok && further.email.subject).toBe(
      'J.S. (ref 2291): further referral – seeking support from the Leicester Partnership School',
    );
    if (!further.ok) throw new Error('T2 did not render');
    const opening = further.email.text.split('\n\n')[2];
    expect(opening).toBe(
      'Beauchamp College has made a further referral of this student to the Partnership, having done everything advised at the earlier referrals. We note that this student has a City of Leicester address. As a result the responsibility for future provision fall to the City Local Authority – which operates its exclusions service through the Leicester Partnership School.',
    );
    expect(further.email.subject).not.toMatch(/exclusion/i);
  });

  it('refuses to negate anything but a single switch', () => {
    expect(() => parseTemplateText('test', '{if:!student}x{/if}')).toThrow(/only a single switch/);
  });

  it('keeps non-ASCII names intact, normalised', () => {
    const fields = fieldsSchema.parse({
      ...completeFields,
      keyLinkName: 'Zoe\u0308 Łukasiewicz-Ó Briain',
      coordinatorName: 'محمد علي',
    });
    const rendered = render('T2', fields);
    expect(rendered.ok && rendered.email.text).toContain('Dear Zoë Łukasiewicz-Ó Briain');
    expect(rendered.ok && rendered.email.html).toContain('<p>محمد علي</p>');
  });

  it.each([
    ['keyLinkName', 'x'.repeat(101), 'at most 100 characters'],
    ['student', 'A'.repeat(61), 'at most 60 characters'],
    ['schoolName', 'Line one\nLine two', 'single line'],
    ['coordinatorName', 'Sam\u202Eeel', 'single line'],
    ['student', '   ', 'must not be empty'],
    ['meetingDate', '2026-02-30', 'real date'],
    ['meetingDate', '20/11/2026', 'real date'],
    ['meetingType', 'surgery', 'expected one of "inclusionForum", "panel", "coreGroup"'],
    ['lpsPreviouslyInvolved', 'yes', 'true or false'],
  ])('refuses %s = %j', (field, value, message) => {
    const result = fieldsSchema.safeParse({ [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe('checking templates when they load', () => {
  const base: EmailTemplateSource = { id: 'T1', title: 't', to: 'school', subject: '{student}', blocks: [] };
  const compile = (text: string) => () => compileTemplates([{ ...base, blocks: [{ style: 'p', text }] }]);

  it.each([
    ['{studnet}', /T1\.blocks\.0: \{studnet\} names no field \(did you mean "student"\?\)/],
    ['{dir:lps.refferalEmail}', /did you mean "lps\.referralEmail"/],
    ['{if:lpsPreviouslyInvolved} open', /is never closed; add \{\/if\}/],
    ['{/if}', /\{\/if\} without an \{if:…\} before it/],
    ['Dear <name of school>', /stray < > \{ or \}/],
    ['{attendee:long}', /the long format applies to pspMeeting, not attendee/],
    ['{needsNotMetInFull}', /is a switch: use it as \{if:needsNotMetInFull\}/],
  ])('refuses %j', (text, message) => {
    expect(compile(text)).toThrow(message);
  });
});
