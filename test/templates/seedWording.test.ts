import { describe, expect, it } from 'vitest';
import { emailTemplates, type TemplateId } from '../../src/templates/emailTemplates.ts';
import type { Fields } from '../../src/templates/fields.ts';
import { renderEmail } from '../../src/templates/render.ts';
import { completeFields, directory, readSeed, seedsMissing } from '../helpers/fixtures.ts';

/**
 * Each template variant is compared, paragraph by paragraph, with the seed's own text: the seed's fill-ins are
 * replaced with the values of the variant, the slips domain.md lists are corrected, and nothing else may differ.
 */

const seedFile = '000_51e4dd17df293322.txt';
const skipped = seedsMissing([seedFile]);
const seed = skipped ? '' : readSeed(seedFile);

/** The seed's paragraphs of one template (its blank-line separated lines after the heading). */
function seedParagraphs(id: TemplateId): string[] {
  const number = id.slice(1);
  const start = seed.search(new RegExp(`^Email [Tt]emplate ${number}\\s*$`, 'm'));
  const rest = seed.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^Email [Tt]emplate \d\s*$/m);
  return (end < 0 ? rest : rest.slice(0, end))
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** The corrections domain.md lists, applied to the seed's text. */
const slips: [string | RegExp, string][] = [
  [/leicessesips/g, 'leicsseips'],
  [/City of Leicestershire Partnership School/g, 'Leicester Partnership School'],
  // The AP list address is shown as a plain address, not in angle brackets.
  [/<(https:\/\/[^>]+)>/g, '$1'],
];

function expectedParagraphs(id: TemplateId, fields: Fields): string[] {
  const meeting = fields.meetingType
    ? ` It follows our discussion at the ${{ inclusionForum: 'Inclusion Forum', panel: 'Panel', coreGroup: 'Core Group Meeting' }[fields.meetingType]} held on 20 November 2026.`
    : '';
  const attendee = fields.attendee === 'I' ? 'I' : 'One of my team';
  const fills: [string | RegExp, string][] = [
    ["<Name of School's Key Link for this case>", fields.keyLinkName ?? ''],
    ['NAME OF STUDENT (or identifier if sent as an open email)', fields.student ?? ''],
    [
      / <It follows our discussion at the <Inclusion Forum\/ Panel\/ Core Group Meeting> held on <date>\./,
      meeting,
    ],
    [
      '<"Pastoral Support Plan 2b Meeting"/"Pastoral Support Plan 3 Meeting">',
      fields.pspMeeting === 'PSP3' ? 'Pastoral Support Plan 3 Meeting' : 'Pastoral Support Plan 2b Meeting',
    ],
    ['<complete/update>', fields.passportAction ?? ''],
    ['<l/ one of my team>', attendee],
    ['</ one of my team>', attendee],
    [/<HBEP\/LIP\/MSCIP\/NWLLIP\/SLIP>/g, fields.partnership ?? ''],
    [/<name of school>/g, fields.schoolName ?? ''],
    ['<PSP2b/PSP3>', fields.pspMeeting ?? ''],
    [
      ' <You were previously involved when the school held a PSP2b meeting.>',
      fields.lpsPreviouslyInvolved
        ? ' You were previously involved when the school held a PSP2b meeting.'
        : '',
    ],
    ['<in full> ', fields.needsNotMetInFull ? 'in full ' : ''],
  ];
  const paragraphs = seedParagraphs(id).map((paragraph) =>
    [...slips, ...fills].reduce((text, [pattern, value]) => text.replace(pattern, value), paragraph),
  );
  // T1 and T2 are signed "Coordinator" in the seed; T3 and T4 are unsigned there and signed here.
  if (paragraphs[paragraphs.length - 1] === 'Coordinator') paragraphs.pop();
  return [...paragraphs, fields.coordinatorName ?? ''];
}

const decodeHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function variants(): [string, TemplateId, Fields][] {
  const list: [string, TemplateId, Fields][] = [];
  for (const attendee of ['I', 'one of my team'] as const) {
    for (const passportAction of ['complete', 'update'] as const) {
      for (const pspMeeting of ['PSP2b', 'PSP3'] as const) {
        for (const meetingType of ['inclusionForum', 'panel', 'coreGroup', undefined] as const) {
          const fields: Fields = { ...completeFields, attendee, passportAction, pspMeeting };
          if (meetingType) fields.meetingType = meetingType;
          else {
            delete fields.meetingType;
            delete fields.meetingDate;
          }
          list.push([
            `T1 ${attendee}/${passportAction}/${pspMeeting}/${meetingType ?? 'no meeting'}`,
            'T1',
            fields,
          ]);
        }
      }
      list.push([`T2 ${attendee}/${passportAction}`, 'T2', { ...completeFields, attendee, passportAction }]);
    }
  }
  for (const pspMeeting of ['PSP2b', 'PSP3'] as const) {
    for (const lpsPreviouslyInvolved of [true, false]) {
      for (const needsNotMetInFull of [true, false]) {
        list.push([
          `T3 ${pspMeeting}/involved ${lpsPreviouslyInvolved}/in full ${needsNotMetInFull}`,
          'T3',
          { ...completeFields, pspMeeting, lpsPreviouslyInvolved, needsNotMetInFull },
        ]);
      }
    }
  }
  list.push(['T4', 'T4', { ...completeFields, partnership: 'HBEP', schoolName: 'Hastings High School' }]);
  return list;
}

describe.skipIf(skipped)(`the templates say what the seed says${skipped ? ` (${skipped})` : ''}`, () => {
  it('finds all four templates in the seed', () => {
    for (const id of ['T1', 'T2', 'T3', 'T4'] as const) expect(seedParagraphs(id).length).toBeGreaterThan(5);
  });

  it.each(variants())('%s', (_name, id, fields) => {
    const rendered = renderEmail(emailTemplates[id], fields, directory);
    if (!rendered.ok) throw new Error(`missing ${rendered.missing.join(', ')}`);
    const expected = expectedParagraphs(id, fields);
    expect(rendered.email.text.split('\n\n')).toEqual(expected);
    // The HTML carries the same words, one <p> a paragraph, with the student's line in bold.
    const htmlParagraphs = rendered.email.html.split('\n');
    expect(htmlParagraphs.map(decodeHtml)).toEqual(expected);
    expect(htmlParagraphs[1]).toMatch(/^<p><strong>.+<\/strong><\/p>$/);
    // No fill-in of the seed is left over.
    expect(rendered.email.text).not.toMatch(
      /[<>]|NAME OF STUDENT|leicessesips|Leicestershire Partnership School/,
    );
  });
});
