import { describe, expect, it } from 'vitest';
import { addedNotice, summaryLines } from '../../addin/teams/sidepanel/forumSummary.ts';
import type { MeetingCase } from '../../src/api/contract.ts';

const base: MeetingCase = {
  id: 'x',
  student: 'JS-1',
  schoolName: 'Beauchamp College',
  section: 'B',
  standing: 'Outcome: The school sets up a City PSP2b meeting',
  decided: true,
  plan: null,
  emailsToDraft: [],
};

describe('the side panel’s forum summary of a case', () => {
  it('gives the standing, the plan and each email still to draft', () => {
    expect(
      summaryLines({
        ...base,
        plan: '1 action, review 15 January 2027',
        emailsToDraft: ['Email template 5: to the school, the action plan agreed at the Inclusion Forum'],
      }),
    ).toEqual({
      standing: 'Outcome: The school sets up a City PSP2b meeting',
      plan: 'Action plan: 1 action, review 15 January 2027',
      toDraft: ['To draft: Email template 5: to the school, the action plan agreed at the Inclusion Forum'],
      nothingToDraft: null,
    });
  });

  it('says when a case has no plan yet, and when every email is drafted', () => {
    expect(summaryLines(base)).toMatchObject({
      plan: 'No action plan yet',
      toDraft: [],
      nothingToDraft: 'Every email drafted.',
    });
  });

  it('says nothing of drafts for a case with nothing to draft yet, or withdrawn', () => {
    expect(summaryLines({ ...base, decided: false, standing: 'On the agenda' }).nothingToDraft).toBeNull();
    expect(
      summaryLines({
        ...base,
        standing: 'Withdrawn: started in error',
        plan: '2 actions, review 1 March 2027',
      }).nothingToDraft,
    ).toBeNull();
  });
});

describe('adding a referral to the agenda', () => {
  it('calls a case without consent an anonymous case', () => {
    expect(addedNotice('REF-0042', 'notGiven')).toBe('Anonymous case REF-0042 is on the agenda.');
    expect(addedNotice('JS-3', 'given')).toBe('JS-3 is on the agenda.');
  });
});
