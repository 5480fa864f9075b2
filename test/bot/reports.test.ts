import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DANGEROUSLY_LOCAL_TOKEN_PREFIX } from '../../bot/http/apiAuth.ts';
import { savePlan } from '../../bot/store/actionPlans.ts';
import { withdrawCase } from '../../bot/store/cases.ts';
import { exportLog } from '../../bot/store/reports.ts';
import type { DecisionRecord } from '../../src/records/decisionRecord.ts';
import type { ReportFigures } from '../../src/reports/figures.ts';
import { ukIsoDate } from '../../src/text/dates.ts';
import { root } from '../helpers/fixtures.ts';
import { caseAt, useBot, type BotHarness } from '../helpers/harness.ts';
import { click, people, voteIdOn } from '../helpers/teams.ts';

const ADMIN = 'a0000000-0000-4000-8000-0000000000aa';
const roster = [people.coordinator, ...[1, 2, 3].map((i) => people.member(i)), { id: '28:bot', name: 'Bot' }];

const today = ukIsoDate(new Date());
const range = `from=${today.slice(0, 4)}-01-01&to=${today}`;

async function api<T>(
  harness: BotHarness,
  path: string,
  as: string = people.coordinator.aadObjectId,
  init: RequestInit = {},
) {
  const response = await fetch(`${harness.bot.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${DANGEROUSLY_LOCAL_TOKEN_PREFIX}${as}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json')
    ? ((await response.json()) as T)
    : (Buffer.from(await response.arrayBuffer()) as T);
  return { status: response.status, type, body };
}

/** The files of a zip (deflated entries in order), by name. */
function unzip(data: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let offset = 0;
  while (data.readUInt32LE(offset) === 0x04034b50) {
    const size = data.readUInt32LE(offset + 18);
    const nameLength = data.readUInt16LE(offset + 26);
    const extra = data.readUInt16LE(offset + 28);
    const name = data.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength + extra;
    files.set(name, inflateRawSync(data.subarray(start, start + size)).toString('utf8'));
    offset = start + size;
  }
  return files;
}

describe('records and reports', () => {
  const harness = useBot({ admin: { objectIds: [ADMIN], appRole: 'Partnerships.Admin' } }, (connector) => {
    connector.roster = roster;
  });

  /** A section D case: an answer changed, the panel's vote split 2–1 and tied on the casting… then an email drafted. */
  async function decidedCase() {
    const { record, messageId } = await caseAt(
      harness,
      { section: 'D', student: 'RR-1' },
      { residency: 'county' },
    );
    const click_ = (verb: string, data: Record<string, unknown>, who = people.coordinator) =>
      click(harness.bot, harness.connector, who, verb, data, messageId);
    await click_('case.answer', { caseId: record.id, question: 'residency', value: 'city' });
    const opened = await click_('vote.open', { caseId: record.id, question: 'partnershipConvinced' });
    const voteId = voteIdOn(opened.text);
    await click_('vote.cast', { voteId, choice: 'yes' }, people.member(1));
    await click_('vote.cast', { voteId, choice: 'no' }, people.member(2));
    await click_('vote.close', { voteId });
    await click_('vote.close', { voteId, casting: 'yes' });
    const drafted = await api(harness, `/api/cases/${record.id}/emails`, undefined, {
      method: 'POST',
      body: JSON.stringify({ template: 'T4', to: 'lps' }),
    });
    expect(drafted.status).toBe(201);
    return record.id;
  }

  it('keeps a decision record with the changed answer, the vote with its dissent and casting decision, and the email', async () => {
    const caseId = await decidedCase();
    const { status, body } = await api<DecisionRecord>(harness, `/api/cases/${caseId}/record`);
    expect(status).toBe(200);
    expect(body.partnership).toEqual({ id: 'SLIP', name: 'South Leicestershire Inclusion Partnership' });
    expect(body.case).toBe('RR-1');
    const residency = body.answers.filter((answer) => answer.question.includes('resident'));
    expect(residency.map((answer) => [answer.answer, answer.previous, answer.by])).toEqual([
      ['No – a county address', null, 'Sam Lee'],
      ['Yes – a City of Leicester address', 'No – a county address', 'Sam Lee'],
    ]);
    const [vote] = body.votes;
    expect(vote).toMatchObject({
      status: 'closed',
      result: 'Yes',
      castingDecision: true,
      tally: { Yes: 1, No: 1 },
    });
    expect(vote?.voters).toEqual([
      { name: 'Member 1', choice: 'Yes' },
      { name: 'Member 2', choice: 'No' },
    ]);
    expect(vote?.dissented).toEqual(['Member 2']);
    expect(body.outcome?.id).toBe('D.convinced');
    expect(body.emails).toEqual([
      expect.objectContaining({ template: 'T4', to: 'the Leicester Partnership School', by: 'Sam Lee' }),
    ]);
    expect(body.history.length).toBeGreaterThan(6);
  });

  it('shows a partnership its own exact figures, the County the same with small counts suppressed, and nobody else anything', async () => {
    const own = await api<{ figures: ReportFigures; suppressed: boolean }>(
      harness,
      `/api/reports?partnership=SLIP&${range}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.suppressed).toBe(false);
    expect(own.body.figures.referrals).toBe(1);
    expect(own.body.figures.bySection.D).toBe(1);
    expect(own.body.figures.byOutcome['D.convinced']).toBe(1);
    expect(own.body.figures.votes).toEqual({ held: 1, split: 1, castingDecisions: 1 });
    expect(own.body.figures.emailsDrafted.T4).toBe(1);
    expect(JSON.stringify(own.body)).not.toContain('RR-1');

    const county = await api<{ figures: Record<string, unknown> }>(
      harness,
      `/api/reports?partnership=SLIP&${range}`,
      ADMIN,
    );
    expect(county.status).toBe(200);
    expect(county.body.figures.referrals).toBe('fewer than 5');

    expect((await api(harness, `/api/reports?partnership=HBEP&${range}`)).status).toBe(403);
    expect(
      (await api(harness, `/api/reports?partnership=SLIP&${range}`, people.member(1).aadObjectId)).status,
    ).toBe(403);
    expect((await api(harness, '/api/reports/county', people.coordinator.aadObjectId)).status).toBe(403);
    const dashboard = await api<{ terms: { partnerships: { partnership: string }[] }[] }>(
      harness,
      '/api/reports/county',
      ADMIN,
    );
    expect(dashboard.body.terms).toHaveLength(3);
    expect(dashboard.body.terms[0]?.partnerships.map((item) => item.partnership)).toEqual([
      'HBEP',
      'LIP',
      'MSCIP',
      'NWLLIP',
      'SLIP',
    ]);
    expect((await api(harness, `/api/reports?partnership=SLIP&from=2026-13-01&to=${today}`)).status).toBe(
      400,
    );

    const csv = await api<Buffer>(harness, `/api/reports?partnership=SLIP&${range}&format=csv`);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.toString()).toContain('Referrals by section,D. ');
  });

  it('exports the records as a zip of decision records and an index, and records who exported what', async () => {
    const exported = await api<Buffer>(harness, `/api/records/export?partnership=SLIP&${range}`);
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('application/zip');
    const files = unzip(exported.body);
    const index = files.get('index.csv') ?? '';
    expect(index.split('\r\n')[0]).toBe(
      'File,Partnership,School,Case,Section,Referred,Outcome,Core Group outcome,Action plans,Withdrawn,Legal hold',
    );
    const recordFile = [...files.keys()].find((name) => name.endsWith('.json'));
    expect(index).toContain(recordFile);
    expect(
      (JSON.parse(files.get(recordFile ?? '') ?? '{}') as DecisionRecord).votes[0]?.castingDecision,
    ).toBe(true);
    const log = await exportLog(harness.store.db);
    expect(log.at(-1)).toMatchObject({ actor_name: 'Sam Lee', partnership: 'SLIP', cases: 1, via: 'api' });
  });

  it('puts a case on legal hold for administrators only, with the reason in its history', async () => {
    const [caseRow] = await harness.store.db.query<{ id: string }>('SELECT id FROM cases LIMIT 1');
    const id = caseRow?.id ?? '';
    const body = JSON.stringify({ hold: true, reason: 'Asked for by the auditors' });
    expect((await api(harness, `/api/cases/${id}/hold`, undefined, { method: 'PUT', body })).status).toBe(
      403,
    );
    expect(
      (
        await api(harness, `/api/cases/${id}/hold`, ADMIN, {
          method: 'PUT',
          body: JSON.stringify({ hold: true }),
        })
      ).status,
    ).toBe(400);
    expect((await api(harness, `/api/cases/${id}/hold`, ADMIN, { method: 'PUT', body })).status).toBe(200);
    const record = await api<DecisionRecord>(harness, `/api/cases/${id}/record`, ADMIN);
    expect(record.body.legalHold?.reason).toBe('Asked for by the auditors');
    expect(record.body.history.at(-1)?.text).toContain('Put the case on legal hold');
  });

  it("keeps each case's fact, which the reports read, as a fresh working-out of the case gives it", async () => {
    const db = harness.store.db;
    const [voted] = await db.query<{ id: string }>(
      'SELECT case_id AS id FROM votes WHERE casting_decision ORDER BY closed_at LIMIT 1',
    );
    const caseId = voted?.id ?? '';
    const actor = { id: people.coordinator.aadObjectId, name: 'Sam Lee' };
    const plan = {
      advice: 'Agree a part-time timetable.',
      links: [],
      actions: [{ owner: 'school', action: 'Meet the family', by: today }],
      reviewDate: today,
    };
    expect((await savePlan(db, caseId, plan, actor)).ok).toBe(true);
    const { record: other } = await caseAt(harness, { section: 'A', student: 'RR-2' }, {});
    await withdrawCase(db, other.id, actor);

    const kept = await db.query<Record<string, unknown>>('SELECT * FROM case_facts ORDER BY case_id');
    expect(kept.find((fact) => fact.case_id === caseId)).toMatchObject({
      withdrawn: false,
      votes_held: 1,
      split_votes: 1,
      casting_decisions: 1,
      emails_drafted: { T4: 1 },
      plans_written: 1,
      plans_reviewed: 0,
    });
    expect(kept.find((fact) => fact.case_id === other.id)).toMatchObject({ withdrawn: true, section: 'A' });
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM case_facts');
      await tx.query('SELECT case_facts_refresh(ARRAY(SELECT id FROM cases))');
    });
    expect(await db.query('SELECT * FROM case_facts ORDER BY case_id')).toEqual(kept);

    const own = await api<{ figures: ReportFigures }>(harness, `/api/reports?partnership=SLIP&${range}`);
    expect(own.body.figures.referrals).toBe(1);
    expect(own.body.figures.actionPlans).toMatchObject({ written: 1 });
  });
});

describe('npm run report', () => {
  it('prints the figures as JSON with bySection and byOutcome, and refuses a bad range in one line', () => {
    const run = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'report', '--', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'report-')), DATABASE_URL: '' },
      });
    const ok = run('--partnership', 'LIP', '--from', '2026-09-01', '--to', '2026-12-31');
    expect(ok.stderr).toBe('');
    const json = JSON.parse(ok.stdout) as ReportFigures & { partnership: string };
    expect(json.partnership).toBe('LIP');
    expect(json.bySection).toEqual({ A: 0, B: 0, C: 0, D: 0, R: 0 });
    expect(Object.keys(json.byOutcome)).toContain('R.panel');
    const bad = run('--partnership', 'LIP', '--from', '2026-09-01', '--to', '2026-08-01');
    expect([bad.status, bad.stderr]).toEqual([1, 'report: --to: the end is before the start\n']);
  }, 60_000);
});
