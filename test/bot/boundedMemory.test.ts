import { describe, expect, it } from 'vitest';
import { createBallotBox } from '../../bot/store/ballotBox.ts';
import { openVote } from '../../bot/store/votes.ts';
import { createCase } from '../../bot/store/cases.ts';
import { boundedCache } from '../../bot/teams/chatRoster.ts';
import { yesNoOptions } from '../../src/votes/vote.ts';
import { freshPglite } from '../helpers/databases.ts';
import { newCase } from '../helpers/cases.ts';

/**
 * A bot runs for months: what it keeps in memory per chat, person, message or vote must not grow with how many
 * it has seen (the bench's sustained run compares its memory after five minutes with the first minute's).
 */
describe('what the bot keeps in memory is bounded', () => {
  it('the chat roster’s caches hold at most their bound, forgetting the least recently set', () => {
    const cache = boundedCache<number>(1_000);
    for (let n = 0; n < 5_000; n++) cache.set(`chat-${n}`, n);
    expect(cache.size).toBe(1_000);
    expect(cache.get('chat-0')).toBeUndefined();
    expect(cache.get('chat-4999')).toBe(4_999);
    cache.set('chat-4000', 1);
    cache.set('chat-new', 2);
    expect(cache.get('chat-4000')).toBe(1);
    expect(cache.get('chat-4001')).toBeUndefined();
  });

  it('the ballot box holds nothing once every ballot has been answered', async () => {
    const store = await freshPglite();
    const box = createBallotBox(store.db);
    const coordinator = { id: 'c0000000-0000-4000-8000-000000000001', name: 'Sam Lee' };
    const members = Array.from({ length: 10 }, (_, i) => ({
      id: `b0000000-0000-4000-8000-00000000000${i}`,
      name: `Member ${i}`,
    }));
    const casts = [];
    for (let v = 0; v < 5; v++) {
      const record = await createCase(store.db, newCase({ section: 'D', student: `BB ${v}` }), coordinator);
      await store.db.query(`UPDATE cases SET answers = '{"residency":"city"}'::jsonb WHERE id = $1`, [
        record.id,
      ]);
      const vote = await openVote(
        store.db,
        {
          caseId: record.id,
          question: 'partnershipConvinced',
          options: [...yesNoOptions],
          anonymous: false,
          resultsHidden: false,
          quorum: null,
          eligible: members,
        },
        coordinator,
      );
      if (!vote.ok) throw new Error(vote.error.reason);
      casts.push(...members.map((member) => box.cast(vote.value.id, member, 'yes')));
    }
    expect(box.pending).toBe(5);
    const results = await Promise.all(casts);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(box.pending).toBe(0);
    await store.drop();
  }, 30_000);
});
