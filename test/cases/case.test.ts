import { describe, expect, it } from 'vitest';
import {
  answerCase,
  caseEmails,
  caseState,
  checkFlowVersion,
  citySchoolId,
  newCaseSchema,
  newCountyCaseSchema,
  sectionRoute,
  type CaseRecord,
} from '../../src/cases/case.ts';
import { defaultIdentifierRule } from '../../src/cases/identifier.ts';
import { flows } from '../../src/flows.ts';
import { caseRecord } from '../helpers/cases.ts';

/** A case and its rules on their own; the stores and the bot (test/store, test/bot) keep and show them. */

const flow = flows.cityAddress;

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord =>
  caseRecord({
    id: 'case-1',
    conversationId: '19:meeting',
    student: 'JS 2291',
    fields: { student: 'JS 2291' },
    keyLinkEmail: null,
    revision: 1,
    createdBy: 'c-1',
    createdAt: new Date('2026-11-02T09:00:00Z'),
    updatedAt: new Date('2026-11-02T09:00:00Z'),
    ...overrides,
  });

const valid = {
  partnership: 'SLIP',
  schoolId: 'beauchamp-college',
  student: 'JS 2291',
  section: 'B',
};

/** Each problem as "path: message", as the start form shows them. */
const problems = (
  schema: ReturnType<typeof newCaseSchema> | ReturnType<typeof newCountyCaseSchema>,
  input: unknown,
) => {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('starting a case', () => {
  const schema = newCaseSchema(defaultIdentifierRule);

  it('takes a partnership, a school, the student’s identifier and what the school has done', () => {
    // Parental consent is given unless the coordinator says otherwise.
    expect(schema.parse({ ...valid, keyLinkEmail: 'key.link@school.example' })).toEqual({
      ...valid,
      keyLinkEmail: 'key.link@school.example',
      consent: true,
    });
    expect(schema.parse({ ...valid, student: 'REF-0042', consent: 'notGiven' }).consent).toBe(false);
    for (const section of ['A', 'B', 'C', 'D']) expect(problems(schema, { ...valid, section })).toEqual([]);
  });

  it('says what is wrong with each field, in the coordinator’s words', () => {
    expect(
      problems(schema, {
        partnership: 'MBP',
        schoolId: '',
        student: 'John Smith',
        section: 'E',
        keyLinkEmail: 'not an address',
      }),
    ).toEqual([
      'partnership: choose a partnership: HBEP, LIP, MSCIP, NWLLIP, SLIP',
      'schoolId: choose a school',
      'keyLinkEmail: expected an email address',
      `student: ${defaultIdentifierRule.refusal}`,
      'section: choose what the school has done (section A, B, C or D)',
    ]);
    expect(problems(schema, { ...valid, schoolId: undefined })).toEqual(['schoolId: choose a school']);
    expect(problems(schema, { ...valid, schoolId: 'x'.repeat(100) })).toEqual([]);
    expect(problems(schema, { ...valid, schoolId: 'x'.repeat(101) })).toHaveLength(1);
    expect(problems(schema, { ...valid, keyLinkEmail: `${'a'.repeat(240)}@school.example` })).toHaveLength(1);
  });

  it('refuses a name for a county-address case too', () => {
    const county = newCountyCaseSchema(defaultIdentifierRule);
    expect(
      problems(county, { partnership: 'SLIP', schoolName: 'Soar Valley College', student: 'J.S.' }),
    ).toEqual([]);
    expect(
      problems(county, { partnership: 'NOPE', schoolName: 'Soar Valley College', student: 'Jo Smith' }),
    ).toEqual([
      'partnership: choose a partnership: HBEP, LIP, MSCIP, NWLLIP, SLIP',
      `student: ${defaultIdentifierRule.refusal}`,
    ]);
  });

  it('reads section C’s further-referral route as section C', () => {
    expect(sectionRoute('C-further')).toEqual({ section: 'C', furtherReferral: true });
    expect(sectionRoute('C')).toEqual({ section: 'C', furtherReferral: false });
    expect(sectionRoute(undefined)).toEqual({ furtherReferral: false });
  });

  it('gives a City school typed by name a stable id', () => {
    expect(citySchoolId('  Soar Valley College ')).toBe('city:soar-valley-college');
    expect(citySchoolId('St. Paul’s Catholic School — Leicester')).toBe(
      'city:st-paul-s-catholic-school-leicester',
    );
    expect(citySchoolId('École Élan')).toBe('city:e-cole-e-lan');
    expect(citySchoolId('x'.repeat(120))).toBe(`city:${'x'.repeat(90)}`);
  });
});

describe('answering a case’s questions', () => {
  it('records the answer, what it replaced and the vote that gave it, and the outcome once decided', () => {
    const first = answerCase(
      flow,
      record({ prefilled: ['residency', 'stepsDone'] }),
      'residency',
      'city',
      {},
    );
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.record.answers).toEqual({ residency: 'city' });
    // An answer given by hand is no longer a prefilled one; the others stay so.
    expect(first.value.record.prefilled).toEqual(['stepsDone']);
    expect(first.value.events).toEqual([
      { kind: 'answered', detail: { question: 'residency', answer: 'city', previous: null } },
    ]);
    const all = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };
    const second = answerCase(flow, first.value.record, 'stepsDone', all, {}, 'vote-1');
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.record.outcome).toBe('B.psp2b');
    expect(second.value.events).toEqual([
      { kind: 'answered', detail: { question: 'stepsDone', answer: all, previous: null, byVote: 'vote-1' } },
      { kind: 'decided', detail: { outcome: 'B.psp2b' } },
    ]);
    const changed = answerCase(flow, second.value.record, 'residency', 'city', {});
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value.events).toEqual([
      { kind: 'answered', detail: { question: 'residency', answer: 'city', previous: 'city' } },
    ]);
  });

  it('recommends the outcome’s emails and the ones added by hand, each once', () => {
    const decided = record({
      answers: {
        residency: 'city',
        stepsDone: { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true },
      },
      outcome: 'B.psp2b',
      extraEmails: [
        { template: 'T3', to: 'lps' },
        { template: 'T3', to: 'school' },
        { template: 'T4', to: 'lps' },
      ],
    });
    expect(caseEmails(caseState(flow, decided, {}), decided)).toEqual([
      { template: 'T1', to: 'school' },
      { template: 'T3', to: 'lps' },
      { template: 'T3', to: 'school' },
      { template: 'T4', to: 'lps' },
    ]);
    const undecided = record({ extraEmails: [{ template: 'T4', to: 'lps' }] });
    expect(caseEmails(caseState(flow, undecided, {}), undecided)).toEqual([]);
  });

  it('continues a case only under the flow version it was started under', () => {
    expect(checkFlowVersion(flow, record())).toEqual({ ok: true, value: true });
    for (const changed of [{ flowVersion: '0.9.0' }, { flowId: 'countyAddress' }])
      expect(checkFlowVersion(flow, record(changed))).toEqual({
        ok: false,
        error: {
          reason: 'wrongFlowVersion',
          message: `This case was started under ${changed.flowId ?? flow.id} ${changed.flowVersion ?? flow.version}; this app runs ${flow.id} ${flow.version}.`,
        },
      });
  });
});
