import type { NewCaseRecord } from '../../src/cases/case.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

/** A new case for store tests, to be overridden per test. */
export const newCase = (overrides: Partial<NewCaseRecord> = {}): NewCaseRecord => ({
  partnership: 'SLIP',
  conversationId: '19:meeting_abc@thread.v2',
  meetingId: null,
  student: 'JS-2291',
  schoolId: 'beauchamp-college',
  section: 'A',
  flowId: cityAddressFlow.id,
  flowVersion: cityAddressFlow.version,
  fields: { student: 'JS-2291', schoolName: 'Beauchamp College', partnership: 'SLIP' },
  ...overrides,
});

/** A stored case as the cards see it, for card and core tests, to be overridden per test. */
export const caseRecord = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  id: '3f0a7c2e-5b1d-4e8f-9a6b-1c2d3e4f5a6b',
  partnership: 'SLIP',
  conversationId: '19:meeting@thread.v2',
  meetingId: null,
  student: 'JS-2291',
  schoolId: 'beauchamp-college',
  section: 'B',
  flowId: 'cityAddress',
  flowVersion: cityAddressFlow.version,
  answers: {},
  fields: {
    student: 'JS-2291',
    schoolName: 'Beauchamp College',
    partnership: 'SLIP',
    keyLinkName: 'Mrs Patel',
    meetingType: 'inclusionForum',
    meetingDate: '2026-11-20',
  },
  keyLinkEmail: 'k.patel@beauchamp.example',
  outcome: null,
  extraEmails: [],
  prefilled: [],
  cardActivityId: null,
  revision: 0,
  consent: true,
  plan: null,
  createdBy: 'u1',
  createdAt: new Date('2026-11-20T10:00:00Z'),
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  ...overrides,
});
