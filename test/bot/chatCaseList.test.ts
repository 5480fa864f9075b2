import { describe, expect, it } from 'vitest';
import { createCase, updateCase } from '../../bot/store/cases.ts';
import { LISTED_CASES } from '../../bot/teams/verbs/caseList.ts';
import { answerCase } from '../../src/cases/case.ts';
import { flows } from '../../src/flows.ts';
import { ok } from '../../src/result.ts';
import { useBot } from '../helpers/harness.ts';
import { click, people } from '../helpers/teams.ts';

/**
 * A recurring meeting's chat keeps every case ever started in it: its case list shows the newest open and
 * decided cases up to a bound, says how many older ones it leaves out, and stays under Teams' 28 KiB card limit.
 */

const chat = '19:recurring-forum@thread.v2';
const actor = { id: people.coordinator.aadObjectId, name: people.coordinator.name };
const TEAMS_CARD_LIMIT = 28 * 1024;

describe('the case list of a recurring meeting’s chat', () => {
  const h = useBot();

  async function start(student: string) {
    return createCase(
      h.store.db,
      {
        partnership: 'SLIP',
        conversationId: chat,
        meetingId: null,
        student,
        schoolId: 'beauchamp-college',
        section: 'B',
        flowId: 'cityAddress',
        flowVersion: flows.cityAddress.version,
        consent: true,
        fields: { student, schoolName: 'Beauchamp College', partnership: 'SLIP' },
      },
      actor,
    );
  }

  /** Section B decided: a City-address student whose school has done everything. */
  async function decide(caseId: string) {
    const steps = { agreedActions: true, managedMove: true, apPartTime: true, partnershipSupport: true };
    const updated = await updateCase(h.store.db, caseId, actor, (current) => {
      const city = answerCase(flows.cityAddress, current, 'residency', 'city', {});
      if (!city.ok) return city;
      const done = answerCase(flows.cityAddress, city.value.record, 'stepsDone', steps, {});
      if (!done.ok) return done;
      return ok({ record: done.value.record, events: [...city.value.events, ...done.value.events] });
    });
    if (!updated.ok || updated.value.outcome === null) throw new Error(`case ${caseId} was not decided`);
  }

  it('lists the newest open and decided cases up to the bound and says how many older ones are elsewhere', async () => {
    const open = [];
    for (let i = 1; i <= LISTED_CASES + 10; i++) open.push(await start(`OP-${i}`));
    for (let i = 1; i <= LISTED_CASES + 2; i++) await decide((await start(`DC-${i}`)).id);
    const list = await click(h.bot, h.connector, people.coordinator, 'case.list', {}, 'card-list', chat);
    // Each row opens its case from the row and from its button.
    const listed = [
      ...new Set([...list.text.matchAll(/"caseId":"([0-9a-f-]{36})"/g)].map((match) => match[1])),
    ];
    expect(listed).toHaveLength(2 * LISTED_CASES);
    // The open cases first, newest first; the oldest ten are left out.
    expect(listed.slice(0, LISTED_CASES)).toEqual(
      open
        .slice(10)
        .reverse()
        .map((record) => record.id),
    );
    // A student as the card's JSON writes it: markdown-escaped, in bold (so OP-1 is not found in OP-11).
    const shown = (student: string) => list.text.includes(`${student.replace('-', '\\\\-')}**`);
    expect(shown(`OP-${LISTED_CASES + 10}`) && shown('OP-11')).toBe(true);
    expect(shown('OP-10') || shown('OP-1')).toBe(false);
    expect(shown(`DC-${LISTED_CASES + 2}`) && shown('DC-3')).toBe(true);
    expect(shown('DC-2') || shown('DC-1')).toBe(false);
    expect(list.text).toContain('12 older cases are not shown here');
    expect(Buffer.byteLength(list.text)).toBeLessThan(TEAMS_CARD_LIMIT);
  });
});
