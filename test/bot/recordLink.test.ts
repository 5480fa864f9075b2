import { describe, expect, it } from 'vitest';
import { recordLink } from '../../bot/teams/recordLink.ts';

describe('the Record button’s link', () => {
  const url = 'https://inclusion.example.org/addin/record.html';
  const caseId = '5b2c4e8a-0d1f-4e3a-9b7c-6d5e4f3a2b1c';

  it('opens the record in a Teams window when the Teams app’s id is known', () => {
    const teamsAppId = '1f0c8a52-4d3e-4b7a-9c1d-2e3f4a5b6c7d';
    const link = new URL(recordLink({ url, teamsAppId })(caseId));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/stage/${teamsAppId}/0`);
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({
      contentUrl: `${url}?case=${caseId}`,
      websiteUrl: `${url}?case=${caseId}`,
      name: 'Decision record',
      openMode: 'popout',
    });
  });

  it('opens the page itself without it, with the case id encoded', () => {
    expect(recordLink({ url })('a b&c')).toBe(`${url}?case=a%20b%26c`);
  });
});
