import type { NewCaseRecord } from '../../bot/store/cases.ts';
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
