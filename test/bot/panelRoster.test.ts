import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesOfConversation } from '../../bot/store/cases.ts';
import { getVote } from '../../bot/store/votes.ts';
import { freshPglite, type TestDatabase } from '../helpers/databases.ts';
import {
  click,
  people,
  startConnector,
  startTestBot,
  type MockConnector,
  type TestBot,
} from '../helpers/teams.ts';

describe('a configured panel roster', () => {
  let store: TestDatabase;
  let connector: MockConnector;
  let bot: TestBot;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'roles-'));
    const rolesFile = join(folder, 'roles.json');
    writeFileSync(
      rolesFile,
      JSON.stringify({
        coordinators: [
          { aadObjectId: people.coordinator.aadObjectId, name: 'Sam Lee', partnerships: ['SLIP'] },
        ],
        panels: {
          SLIP: [people.member(7), people.member(8)].map((member) => ({
            aadObjectId: member.aadObjectId,
            name: member.name,
          })),
        },
      }),
    );
    store = await freshPglite();
    connector = await startConnector();
    // The chat holds other people: with a panel configured, only the panel votes.
    connector.roster = [people.coordinator, people.member(1), people.member(2)];
    bot = await startTestBot(store.db, { rolesFile });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    await store.drop();
  });

  it('lets only the panel vote, not everyone in the chat', async () => {
    await click(
      bot,
      connector,
      people.coordinator,
      'case.start',
      { partnership: 'SLIP', schoolId: 'wigston-college', student: 'PR-1', section: 'D' },
      'card-pr',
    );
    const record = (await casesOfConversation(store.db, '19:meeting-a@thread.v2')).find(
      (candidate) => candidate.student === 'PR-1',
    );
    await click(
      bot,
      connector,
      people.coordinator,
      'case.answer',
      { caseId: record?.id, question: 'residency', value: 'city' },
      'card-pr',
    );
    const opened = await click(
      bot,
      connector,
      people.coordinator,
      'vote.open',
      { caseId: record?.id, question: 'partnershipConvinced' },
      'card-pr',
    );
    const voteId = /"voteId":"([0-9a-f-]{36})"/.exec(opened.text)?.[1] ?? '';
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
      'card-pr',
    );
    expect(outsider.text).toContain('Only the panel members of this meeting can vote.');
    const panellist = await click(
      bot,
      connector,
      people.member(7),
      'vote.cast',
      { voteId, choice: 'yes' },
      'card-pr',
    );
    expect(panellist.text).toContain('Your vote: Yes');
  });
});
