import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getVote } from '../../bot/store/votes.ts';
import { click, people, voteIdOn } from '../helpers/teams.ts';
import { caseAt, useBot } from '../helpers/harness.ts';

const rolesFile = join(mkdtempSync(join(tmpdir(), 'roles-')), 'roles.json');
writeFileSync(
  rolesFile,
  JSON.stringify({
    coordinators: [{ aadObjectId: people.coordinator.aadObjectId, name: 'Sam Lee', partnerships: ['SLIP'] }],
    panels: {
      SLIP: [people.member(7), people.member(8)].map((member) => ({
        aadObjectId: member.aadObjectId,
        name: member.name,
      })),
    },
  }),
);

describe('a configured panel roster', () => {
  // The chat holds other people: with a panel configured, only the panel votes.
  const harness = useBot({ rolesFile }, (connector) => {
    connector.roster = [people.coordinator, people.member(1), people.member(2)];
  });

  it('lets only the panel vote, not everyone in the chat', async () => {
    const { bot, connector, store } = harness;
    const { record, messageId } = await caseAt(
      harness,
      { section: 'D', student: 'PR-1' },
      { residency: 'city' },
    );
    const opened = await click(
      bot,
      connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'partnershipConvinced' },
      messageId,
    );
    const voteId = voteIdOn(opened.text);
    expect((await getVote(store.db, voteId))?.eligible.map((member) => member.name)).toEqual([
      'Member 7',
      'Member 8',
    ]);
    const outsider = await click(
      bot,
      connector,
      people.member(1),
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(outsider.text).toContain('Only the panel members of this meeting can vote.');
    const panellist = await click(
      bot,
      connector,
      people.member(7),
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(panellist.text).toContain('Your vote: Yes');
  });
});
