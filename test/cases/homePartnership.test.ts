import { describe, expect, it } from 'vitest';
import { homePartnership } from '../../src/cases/homePartnership.ts';
import { flows } from '../../src/flows.ts';
import { directory } from '../helpers/fixtures.ts';

describe('the partnership a county-address child belongs to', () => {
  const flow = flows.countyAddress;

  it('is the partnership of the district the child lives in, as the directory says', () => {
    // Charnwood is split: its north belongs to LIP, its south to MSCIP.
    expect(homePartnership(flow, { homeArea: 'northCharnwood' }, directory)?.id).toBe('LIP');
    expect(homePartnership(flow, { homeArea: 'southCharnwood' }, directory)?.id).toBe('MSCIP');
    expect(homePartnership(flow, { homeArea: 'hinckleyBosworth' }, directory)?.id).toBe('HBEP');
  });

  it('is not known until the district is answered', () => {
    expect(homePartnership(flow, {}, directory)).toBeUndefined();
    expect(homePartnership(flow, { homeArea: 'rutland' }, directory)).toBeUndefined();
  });
});
