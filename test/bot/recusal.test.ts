import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getVote, ownChoice } from '../../bot/store/votes.ts';
import { coreGroupOptions } from '../../src/votes/vote.ts';
import { caseAt, useBot } from '../helpers/harness.ts';
import { click, people, voteIdOn, type Person } from '../helpers/teams.ts';

/**
 * Recusal, through the bot: the panel is configured with the school each member represents. Member 1 represents
 * Wigston College, the referring school of every case here; the others represent other schools, or none.
 */

const rolesFile = join(mkdtempSync(join(tmpdir(), 'roles-')), 'roles.json');
const panel = [
  { ...people.member(1), schoolId: 'wigston-college' },
  { ...people.member(2), schoolId: 'beauchamp-college' },
  { ...people.member(3), schoolId: 'lutterworth-college' },
  { ...people.member(4) },
];
writeFileSync(
  rolesFile,
  JSON.stringify({
    coordinators: [{ aadObjectId: people.coordinator.aadObjectId, name: 'Sam Lee', partnerships: ['SLIP'] }],
    panels: {
      SLIP: panel.map(({ aadObjectId, name, ...rest }) => ({
        aadObjectId,
        name,
        ...('schoolId' in rest ? { schoolId: rest.schoolId } : {}),
      })),
    },
  }),
);
const [representative, second, third, fourth] = panel.map(({ id, name, aadObjectId }): Person => ({
  id,
  name,
  aadObjectId,
})) as [Person, Person, Person, Person];

const OWN_REASON = 'You represent Wigston College, the referring school, so you do not vote on this case.';
const labels = coreGroupOptions.map((option) => option.label);

describe('recusal from panel votes', () => {
  const h = useBot({ rolesFile }, (connector) => {
    connector.roster = [people.coordinator, representative, second, third, fourth];
  });

  const putsOn = (messageId: string) =>
    h.connector.calls.filter((call) => call.method === 'PUT' && call.path.endsWith(`/${messageId}`));
  /** The newest card on the shared message. */
  function shared(messageId: string): string {
    const body = putsOn(messageId).at(-1)?.body as { attachments: { content: unknown }[] };
    return JSON.stringify(body.attachments[0]?.content);
  }

  async function openVote(student: string, data: Record<string, string> = {}) {
    const { record, messageId } = await caseAt(h, { section: 'D', student }, { residency: 'city' });
    const opened = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'partnershipConvinced', ...data },
      messageId,
    );
    const voteId = voteIdOn(opened.text);
    if (!voteId) throw new Error(`no vote opened: ${opened.text}`);
    /** Clicks on the vote; a ballot's shared card is sent in the background, so that is waited for. */
    const act = async (who: Person, verb: string, extra: Record<string, unknown> = {}) => {
      const before = putsOn(messageId).length;
      const answer = await click(h.bot, h.connector, who, verb, { voteId, ...extra }, messageId);
      if (verb === 'vote.cast' && !answer.text.includes('do not vote'))
        for (let waited = 0; putsOn(messageId).length <= before; waited += 5) {
          if (waited > 5000) throw new Error('the shared card was not updated');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      return answer;
    };
    const history = async () =>
      (await click(h.bot, h.connector, people.coordinator, 'case.history', { caseId: record.id }, messageId))
        .text;
    return { voteId, messageId, opened, act, history };
  }

  it('recuses the referring school’s representative when the vote opens, refuses their ballot and says why', async () => {
    const { voteId, messageId, opened, act, history } = await openVote('RC-1');
    const stored = await getVote(h.store.db, voteId);
    expect(stored?.eligible.map((member) => member.name)).toEqual(['Member 2', 'Member 3', 'Member 4']);
    expect(stored?.recused).toEqual([
      { id: representative.aadObjectId, name: 'Member 1', reason: 'representsReferringSchool' },
    ]);
    // The shared card: who is recused and why, and "N of M" counts only those who vote.
    for (const card of [shared(messageId), opened.text]) {
      expect(card).toContain('0 of 3 members have voted.');
      expect(card).toContain('Recused: Member 1 (represents the referring school).');
    }

    const ballot = await act(representative, 'vote.cast', { choice: 'yes' });
    expect(ballot.text).toContain('You represent the referring school, so you do not vote on this case.');
    expect(ballot.text).toContain(OWN_REASON);
    expect(ballot.text).not.toContain('"verb":"vote.cast"');
    expect(ballot.text).not.toContain('Declare an interest');
    expect(await ownChoice(h.store.db, voteId, representative.aadObjectId!)).toBeUndefined();
    expect((await getVote(h.store.db, voteId))?.tally).toEqual({ yes: 0, no: 0 });
    // Their own view says so whenever they look, and they cannot declare an interest on top.
    expect((await act(representative, 'vote.refresh')).text).toContain(OWN_REASON);
    expect((await act(representative, 'vote.recuse')).text).toContain(
      'You represent the referring school, so you do not vote on this case.',
    );
    // Another member's own view offers the vote and the declaration.
    const other = (await act(second, 'vote.refresh')).text;
    expect(other).toContain('You have not voted yet.');
    expect(other).toContain('"verb":"vote.cast"');
    expect(other).toContain('Declare an interest');

    expect(await history()).toContain('Member 1 recused: represents the referring school.');
  });

  it('withdraws a named ballot when a member declares an interest, and records it', async () => {
    const { voteId, messageId, act, history } = await openVote('RC-2', { resultsHidden: 'true' });
    expect((await act(second, 'vote.cast', { choice: 'yes' })).text).toContain('Your vote: Yes');
    await act(third, 'vote.cast', { choice: 'no' });

    const declared = await act(second, 'vote.recuse');
    expect(declared.text).toContain('Your interest is recorded and your vote is withdrawn.');
    expect(declared.text).toContain('You have declared an interest, so you do not vote on this case.');
    expect(await ownChoice(h.store.db, voteId, second.aadObjectId!)).toBeUndefined();
    expect((await getVote(h.store.db, voteId))?.tally).toEqual({ yes: 0, no: 1 });
    const card = shared(messageId);
    expect(card).toContain('1 of 2 members have voted: Member 3');
    expect(card).toContain(
      'Recused: Member 1 (represents the referring school), Member 2 (declared an interest).',
    );

    const again = await act(second, 'vote.cast', { choice: 'yes' });
    expect(again.text).toContain('You have declared an interest, so you do not vote on this case.');
    expect((await getVote(h.store.db, voteId))?.tally).toEqual({ yes: 0, no: 1 });
    expect(await history()).toContain('Member 2 recused: declared an interest (their vote was withdrawn).');

    // The withdrawn ballot is not in the result.
    const closed = await act(people.coordinator, 'vote.close');
    expect(closed.text).toContain('The panel decided: No (Yes 0, No 1)');
  });

  it('on an anonymous vote, refuses a declaration after voting and accepts one before, without giving a choice away', async () => {
    const { voteId, messageId, act, history } = await openVote('RC-3', { anonymous: 'true' });
    await act(second, 'vote.cast', { choice: 'yes' });
    const before = shared(messageId);
    expect(before).toContain('1 of 3 members have voted.');
    // Member 2's own view no longer offers the declaration; a stale card's click is refused, and nothing changes.
    const own = (await act(second, 'vote.refresh')).text;
    expect(own).toContain('You have voted.');
    expect(own).not.toContain('Declare an interest');
    const refused = await act(second, 'vote.recuse');
    expect(refused.text).toContain(
      'You have already voted, and an anonymous vote cannot be linked to you, so it cannot be withdrawn.',
    );
    expect((await getVote(h.store.db, voteId))?.recused.map((member) => member.name)).toEqual(['Member 1']);
    expect(shared(messageId)).toBe(before);

    // Member 3 has not voted: they may declare. The count of votes cast stays as it was; only M and the
    // list of those recused change, and no option's count or voter's name appears anywhere.
    const fourthBefore = (await act(fourth, 'vote.refresh')).text;
    const declared = await act(third, 'vote.recuse');
    expect(declared.text).toContain('Your interest is recorded: you do not vote on this case.');
    const after = shared(messageId);
    const fourthAfter = (await act(fourth, 'vote.refresh')).text;
    const coordinatorAfter = (await act(people.coordinator, 'vote.refresh')).text;
    const recusedLine = (text: string) =>
      text
        .replace('1 of 2 members have voted.', '1 of 3 members have voted.')
        .replace(', Member 3 (declared an interest)', '');
    expect(recusedLine(after)).toBe(before);
    expect(recusedLine(fourthAfter)).toBe(fourthBefore);
    for (const text of [after, declared.text, fourthAfter, coordinatorAfter]) {
      expect(text).toContain('1 of 2 members have voted.');
      expect(text).not.toContain('Member 2');
      expect(text).not.toContain('"title":"Yes","value"');
      expect(text).not.toMatch(/Yes \d|No \d/);
    }
    expect((await act(third, 'vote.cast', { choice: 'no' })).text).toContain(
      'You have declared an interest, so you do not vote on this case.',
    );
    expect((await getVote(h.store.db, voteId))?.voted).toHaveLength(1);

    const lines = await history();
    expect(lines).toContain('Member 3 recused: declared an interest.');
    expect(lines).not.toContain('Member 2');
    for (const word of ['"yes"', '"no"', 'Voted', ...labels]) expect(lines).not.toContain(word);
  });
});

describe('recusal when the panel is the chat’s roster', () => {
  const h = useBot({}, (connector) => {
    connector.roster = [people.coordinator, representative, second];
  });

  it('recuses nobody automatically: nobody in the chat is known to represent a school', async () => {
    const { record, messageId } = await caseAt(h, { section: 'D', student: 'RC-4' }, { residency: 'city' });
    const opened = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'partnershipConvinced' },
      messageId,
    );
    expect(opened.text).toContain('0 of 3 members have voted.');
    expect(opened.text).not.toContain('Recused');
    const ballot = await click(
      h.bot,
      h.connector,
      representative,
      'vote.cast',
      { voteId: voteIdOn(opened.text), choice: 'yes' },
      messageId,
    );
    expect(ballot.text).toContain('Your vote: Yes');
  });
});
