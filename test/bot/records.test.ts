import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesOfConversation, createCase } from '../../bot/store/cases.ts';
import { setLegalHold } from '../../bot/store/reports.ts';
import { openPglite } from '../../bot/store/database.ts';
import { migrate } from '../../bot/store/migrate.ts';
import { getVote } from '../../bot/store/votes.ts';
import { newCase } from '../helpers/cases.ts';
import { root } from '../helpers/fixtures.ts';
import {
  click,
  messageActivity,
  people,
  post,
  startConnector,
  testConfig,
  voteIdOn,
} from '../helpers/teams.ts';
import { caseAt, useBot } from '../helpers/harness.ts';
import { startBot } from '../../bot/start.ts';

describe('keeping records', () => {
  it('loses nothing when the bot restarts on its file-backed store', async () => {
    const connector = await startConnector();
    const dataDir = mkdtempSync(join(tmpdir(), 'pglite-'));
    const config = testConfig({ database: { kind: 'pglite', dataDir } });
    const first = await startBot(config, { logSink: () => undefined });
    await click(
      first,
      connector,
      people.coordinator,
      'case.start',
      { partnership: 'SLIP', schoolId: 'wigston-academy', student: 'RS-1', section: 'C' },
      'card-rs',
    );
    const [started] = await casesOfConversation(first.services.db, '19:meeting-a@thread.v2');
    await click(
      first,
      connector,
      people.coordinator,
      'case.answer',
      { caseId: started?.id, question: 'residency', value: 'city' },
      'card-rs',
    );
    await first.stop();

    const second = await startBot(config, { logSink: () => undefined });
    const answered = await click(
      second,
      connector,
      people.coordinator,
      'case.answer',
      { caseId: started?.id, question: 'metCityPsp2b', value: true },
      'card-rs',
    );
    expect(answered.text).toContain('Outcome: On to a PSP3 meeting after the PSP2b meeting');
    const [after] = await casesOfConversation(second.services.db, '19:meeting-a@thread.v2');
    expect(after).toMatchObject({
      student: 'RS-1',
      answers: { residency: 'city', metCityPsp2b: true },
      outcome: 'C.psp3AfterPsp2b',
    });
    await second.stop();
    await connector.close();
  }, 60_000);

  it('purges records older than the retention period with `npm run purge`', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pglite-'));
    const db = await openPglite(dataDir);
    await migrate(db);
    const old = await createCase(db, newCase({ conversationId: 'retention', student: 'OLD-2' }), {
      id: 'u',
      name: 'U',
    });
    await createCase(db, newCase({ conversationId: 'retention', student: 'NEW-2' }), { id: 'u', name: 'U' });
    const held = await createCase(db, newCase({ conversationId: 'retention', student: 'HELD-2' }), {
      id: 'u',
      name: 'U',
    });
    await db.query(
      "UPDATE cases SET updated_at = now() - interval '7 years 1 day' WHERE id = ANY($1::uuid[])",
      [[old.id, held.id]],
    );
    await setLegalHold(
      db,
      held.id,
      { on: true, reason: 'Asked for by the auditors' },
      { id: 'a', name: 'Ada Min' },
    );
    await db.close();

    const run = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'purge', '--', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
    const dry = run('--dry-run');
    const today = new Date();
    const financialYear = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
    // The old case's last change, seven years and a day ago, falls in this financial year seven years back (or
    // eight, within a day of 1 April).
    const lastChange = new Date(Date.now() - 86_400_000);
    lastChange.setUTCFullYear(lastChange.getUTCFullYear() - 7);
    const itsYear =
      lastChange.getUTCMonth() >= 3 ? lastChange.getUTCFullYear() : lastChange.getUTCFullYear() - 1;
    expect(dry.stdout).toBe(
      [
        `1 case(s) last changed before 1 April ${financialYear - 6} would be purged (7 financial years are kept, the current one included).`,
        `  financial year ${itsYear}/${String((itsYear + 1) % 100).padStart(2, '0')}, SLIP: 1 case(s)`,
        '1 case(s) past the retention period are kept: they are on legal hold.',
        '',
      ].join('\n'),
    );
    const purged = run();
    expect(purged.status).toBe(0);
    expect(purged.stdout).toBe(
      'Purged 1 case(s) older than 7 financial years (the current one included); their counts are kept for reports.\nKept 1 case(s) on legal hold.\n',
    );

    const reopened = await openPglite(dataDir);
    expect((await casesOfConversation(reopened, 'retention')).map((record) => record.student)).toEqual([
      'NEW-2',
      'HELD-2',
    ]);
    // What the purged case counted for is kept, without anything that identifies it.
    const facts = await reopened.query<Record<string, unknown>>('SELECT * FROM purged_case_facts');
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ partnership: 'SLIP', section: 'A' });
    expect(JSON.stringify(facts)).not.toContain('OLD-2');
    await reopened.close();
  }, 60_000);
});

describe('older Teams clients and vote options', () => {
  const harness = useBot();

  it('handles the Action.Submit fallback like Action.Execute, updating the card message', async () => {
    const { bot, connector } = harness;
    connector.calls.length = 0;
    const submit = {
      ...messageActivity(connector, people.coordinator, ''),
      text: undefined,
      replyToId: 'card-fallback',
      value: {
        verb: 'case.start',
        partnership: 'SLIP',
        schoolId: 'lutterworth-college',
        student: 'FB-1',
        section: 'A',
      },
    };
    expect((await post(bot, submit)).status).toBe(200);
    const update = connector.calls.find((call) => call.method === 'PUT');
    expect(decodeURIComponent(update?.path ?? '')).toMatch(/\/activities\/card-fallback$/);
    expect(JSON.stringify(update?.body)).toContain('Is the student a City of Leicester resident?');
  });

  it('opens an anonymous vote with a quorum from the card’s inputs', async () => {
    const { bot, connector, store } = harness;
    connector.roster = [people.coordinator, people.member(1), people.member(2)];
    const { record, messageId, card } = await caseAt(
      harness,
      { section: 'D', student: 'AN-1' },
      { residency: 'city' },
    );
    expect(card.text).toContain('"id":"anonymous"');
    const opened = await click(
      bot,
      connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'partnershipConvinced', anonymous: 'true', quorum: '2' },
      messageId,
    );
    expect(opened.text).toContain('Anonymous vote');
    expect(opened.text).toContain('Quorum: 2 votes.');
    const voteId = voteIdOn(opened.text);
    const cast = await click(
      bot,
      connector,
      people.member(1),
      'vote.cast',
      { voteId, choice: 'yes' },
      messageId,
    );
    expect(cast.text).toContain('You have voted.');
    expect(cast.text).not.toContain('Your vote: Yes');
    const early = await click(bot, connector, people.coordinator, 'vote.close', { voteId }, messageId);
    expect(early.text).toContain('The quorum is 2 votes and 1 has been cast.');
    expect((await getVote(store.db, voteId))?.status).toBe('open');
  });
});

describe('the health endpoint', () => {
  it('reports the database, and says so when it cannot be reached', async () => {
    const db = await openPglite(undefined);
    const bot = await startBot(testConfig(), { db, logSink: () => undefined });
    const healthy = await fetch(`${bot.url}/healthz`);
    expect([healthy.status, await healthy.json()]).toEqual([200, { status: 'ok', database: 'pglite' }]);
    await db.close();
    const down = await fetch(`${bot.url}/healthz`);
    expect([down.status, await down.json()]).toEqual([
      503,
      { status: 'unavailable', database: 'pglite', error: 'The case store cannot be reached.' },
    ]);
    await bot.stop();
  });
});
