import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesOfConversation, createCase, updateCase } from '../../bot/store/cases.ts';
import { openPglite, type Database } from '../../bot/store/database.ts';
import { migrate } from '../../bot/store/migrate.ts';
import { castBallot, closeVote, openVote } from '../../bot/store/votes.ts';
import { answerCase } from '../../src/cases/case.ts';
import { ok } from '../../src/result.ts';
import { yesNoOptions } from '../../src/votes/vote.ts';
import { newCase } from '../helpers/cases.ts';
import { root } from '../helpers/fixtures.ts';
import { flows } from '../../src/flows.ts';

const cityAddressFlow = flows.cityAddress;

const coordinator = { id: '6f1c0a5e-0000-4000-8000-000000000001', name: 'Sam Lee' };
const members = [
  { id: 'a0000000-0000-4000-8000-000000000001', name: 'Member 1' },
  { id: 'a0000000-0000-4000-8000-000000000002', name: 'Member 2' },
];

/** Every file under `folder`, however deep. */
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** The files under `folder` whose bytes contain `text` anywhere. */
const filesHolding = (folder: string, text: string) =>
  filesUnder(folder)
    .filter((file) => readFileSync(file).indexOf(text) !== -1)
    .map((file) => file.slice(folder.length));

/** A case with an answered question and a closed vote, so it has history, ballots and a tally. */
async function caseWithVote(db: Database, student: string) {
  const record = await createCase(
    db,
    newCase({ section: 'D', student, conversationId: 'retention', fields: { student, partnership: 'SLIP' } }),
    coordinator,
  );
  await updateCase(db, record.id, coordinator, (current) => {
    const answered = answerCase(cityAddressFlow, current, 'residency', 'city', {});
    return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
  });
  const opened = await openVote(
    db,
    {
      caseId: record.id,
      question: 'partnershipConvinced',
      options: yesNoOptions,
      anonymous: false,
      resultsHidden: false,
      quorum: null,
      eligible: members,
    },
    coordinator,
  );
  if (!opened.ok) throw new Error(opened.error.message);
  await castBallot(db, opened.value.id, members[0]!, 'no');
  await castBallot(db, opened.value.id, members[0]!, 'yes');
  await castBallot(db, opened.value.id, members[1]!, 'yes');
  const closed = await closeVote(db, opened.value.id, coordinator, (current, vote, decision) => {
    const answered = answerCase(
      cityAddressFlow,
      current,
      vote.question,
      decision.result === 'yes',
      {},
      vote.id,
    );
    return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
  });
  if (!closed.ok) throw new Error(closed.error.message);
  return record;
}

describe('purging leaves nothing readable on disk', () => {
  it('removes a purged identifier from the PGlite files and write-ahead log, keeping the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pglite-purge-'));
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const purged = [`GONE-${tag}-1`, `GONE-${tag}-2`];
    const kept = `KEPT-${tag}`;
    const db = await openPglite(dataDir);
    await migrate(db);
    for (const student of purged) await caseWithVote(db, student);
    await caseWithVote(db, kept);
    await db.query(
      "UPDATE cases SET updated_at = now() - interval '7 years 1 day' WHERE student_ref LIKE 'GONE-%'",
    );
    await db.close();
    // The search is real: before the purge the identifiers are there to find.
    expect(filesHolding(dataDir, purged[0]!)).not.toEqual([]);

    const run = spawnSync('npm', ['run', '--silent', 'purge'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect([run.status, run.stdout, run.stderr]).toEqual([
      0,
      'Purged 2 case(s) older than 7 financial years (the current one included); their counts are kept for reports.\n',
      '',
    ]);

    for (const student of purged) expect([student, filesHolding(dataDir, student)]).toEqual([student, []]);
    expect(filesHolding(dataDir, kept)).not.toEqual([]);
    const reopened = await openPglite(dataDir);
    expect((await casesOfConversation(reopened, 'retention')).map((record) => record.student)).toEqual([
      kept,
    ]);
    await reopened.close();
  }, 60_000);
});
