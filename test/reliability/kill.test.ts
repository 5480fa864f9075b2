import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/start.ts';
import { freshPostgres, serverUrl, type TestDatabase } from '../helpers/databases.ts';
import { spawnBot, stopProcess } from '../helpers/process.ts';
import {
  click,
  invokeActivity,
  people,
  startConnector,
  voteIdOn,
  type MockConnector,
} from '../helpers/teams.ts';

const members = Array.from({ length: 60 }, (_, i) => people.member(i + 1));
const as = (url: string) =>
  ({ url, port: 0, services: undefined as never, stop: async () => undefined }) as RunningBot;
const votedCount = (text: string) => Number(/(\d+) of \d+ members have voted/.exec(text)?.[1] ?? -1);

/**
 * A bot process killed with SIGKILL in the middle of a vote burst, then restarted on the same store: every vote
 * it acknowledged is stored, and retrying every vote counts each member once.
 */
async function killMidBurst(store: { DATABASE_URL?: string; DATA_DIR?: string }, connector: MockConnector) {
  const first = await spawnBot(store);
  const bot = as(first.url);
  await click(
    bot,
    connector,
    people.coordinator,
    'case.start',
    { partnership: 'SLIP', schoolId: 'wigston-college', student: 'KIL-1', section: 'D' },
    'card-kill',
  );
  const list = await click(bot, connector, people.coordinator, 'case.list', {});
  const caseId = /"caseId":"([0-9a-f-]{36})"/.exec(list.text)?.[1] ?? '';
  await click(
    bot,
    connector,
    people.coordinator,
    'case.answer',
    { caseId, question: 'residency', value: 'city' },
    'card-kill',
  );
  const voteId = voteIdOn(
    (
      await click(
        bot,
        connector,
        people.coordinator,
        'vote.open',
        { caseId, question: 'partnershipConvinced' },
        'card-kill',
      )
    ).text,
  );

  const acknowledged: string[] = [];
  let killed = false;
  await Promise.allSettled(
    members.map(async (member, i) => {
      const response = await fetch(`${first.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          invokeActivity(
            connector,
            member,
            'vote.cast',
            { voteId, choice: i % 3 === 0 ? 'no' : 'yes' },
            'card-kill',
          ),
        ),
      });
      const text = await response.text();
      if (response.status === 200 && text.includes('Your vote is counted.')) {
        acknowledged.push(member.name);
        if (acknowledged.length >= 15 && !killed) {
          killed = true;
          first.process.kill('SIGKILL');
        }
      }
    }),
  );
  await stopProcess(first.process, 'SIGKILL');

  const second = await spawnBot(store);
  const restarted = as(second.url);
  const after = await click(
    restarted,
    connector,
    people.coordinator,
    'vote.refresh',
    { voteId },
    'card-kill',
  );
  const stored = votedCount(after.text);
  for (const name of acknowledged) expect(after.text).toContain(name);
  // Clients retry what was not answered; nobody is counted twice.
  await Promise.all(
    members.map((member, i) =>
      click(
        restarted,
        connector,
        member,
        'vote.cast',
        { voteId, choice: i % 3 === 0 ? 'no' : 'yes' },
        'card-kill',
      ),
    ),
  );
  const final = await click(restarted, connector, people.coordinator, 'vote.close', { voteId }, 'card-kill');
  await stopProcess(second.process);
  return { acknowledged: acknowledged.length, stored, final: final.text };
}

describe('a bot process killed in the middle of a vote burst', () => {
  let connector: MockConnector;
  let postgres: TestDatabase | undefined;

  beforeAll(async () => {
    connector = await startConnector();
    connector.roster = [people.coordinator, ...members];
    if (serverUrl) postgres = await freshPostgres();
  });
  afterAll(async () => {
    await connector.close();
    await postgres?.drop();
  });

  it('loses no acknowledged vote and counts none twice, on the embedded PGlite', async () => {
    const result = await killMidBurst({ DATA_DIR: mkdtempSync(join(tmpdir(), 'pglite-kill-')) }, connector);
    expect(result.acknowledged).toBeGreaterThanOrEqual(15);
    expect(result.stored).toBeGreaterThanOrEqual(result.acknowledged);
    expect(result.final).toContain(
      'The panel decided: Yes (Yes 30, No 30)'.replace('Yes (Yes 30, No 30)', ''),
    );
    expect(result.final).toContain('The panel decided: Yes (Yes 40, No 20).');
  }, 120_000);

  it.skipIf(!serverUrl)(
    'loses no acknowledged vote and counts none twice, on PostgreSQL',
    async () => {
      const result = await killMidBurst({ DATABASE_URL: postgres?.url ?? '' }, connector);
      expect(result.acknowledged).toBeGreaterThanOrEqual(15);
      expect(result.stored).toBeGreaterThanOrEqual(result.acknowledged);
      expect(result.final).toContain('The panel decided: Yes (Yes 40, No 20).');
    },
    120_000,
  );
});
