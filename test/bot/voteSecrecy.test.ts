import { describe, expect, it } from 'vitest';
import { coreGroupOptions } from '../../src/votes/vote.ts';
import { caseAt, useBot } from '../helpers/harness.ts';
import { click, people, voteIdOn } from '../helpers/teams.ts';

/**
 * What an observer can learn while a vote is open, driven through the bot over HTTP one ballot at a time.
 * Five members vote on the Core Group decision (four options with ids and labels found nowhere else), and at
 * every step the shared card, the voter's own card, the coordinator's view and every member's view are
 * compared with the step before.
 */

const voters = [1, 2, 3, 4, 5].map((i) => people.member(i));
const choices = ['backToIf', 'schoolContinues', 'inSchoolSupport', 'programmeManagement', 'backToIf'];
const labels = coreGroupOptions.map((option) => option.label);
const finalTally =
  'Referral back to the Inclusion Forum 2, School to continue using the advice shared at Core 1, ' +
  'Partnership offers in-school support (Tier 2) 1, ' +
  'Partnership offers part-time or full-time programme management out of school (Tier 3/4) 1';

/** An option's count in any form a card could give it: a fact's value, or "label N" in text. */
function showsACount(cardText: string): boolean {
  return labels.some((label) => {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`"title":"${escaped}","value":"\\d+"|${escaped} \\d`).test(cardText);
  });
}

describe('secrecy of panel votes while they are open', () => {
  const h = useBot({}, (connector) => {
    connector.roster = [...voters, { id: '28:bot', name: 'Inclusion Partnerships' }];
  });

  /** The newest card sent to the shared message, waiting for the update sent in the background. */
  async function sharedAfter(messageId: string, before: number): Promise<string> {
    const puts = () =>
      h.connector.calls.filter((call) => call.method === 'PUT' && call.path.endsWith(`/${messageId}`));
    for (let waited = 0; puts().length <= before; waited += 5) {
      if (waited > 5000) throw new Error('the shared card was not updated');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const body = puts().at(-1)?.body as { attachments: { content: unknown }[] };
    return JSON.stringify(body.attachments[0]?.content);
  }
  const putsOn = (messageId: string) =>
    h.connector.calls.filter((call) => call.method === 'PUT' && call.path.endsWith(`/${messageId}`)).length;

  async function openVote(student: string, toggles: Record<string, string>) {
    const { record, messageId } = await caseAt(h, { section: 'D', student }, { residency: 'city' });
    const before = putsOn(messageId);
    const opened = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.open',
      { caseId: record.id, question: 'coreGroupDecision', withoutReview: true, ...toggles },
      messageId,
    );
    const voteId = voteIdOn(opened.text);
    if (!voteId) throw new Error(`no vote opened: ${opened.text}`);
    return { voteId, messageId, shared: await sharedAfter(messageId, before), caseId: record.id };
  }

  interface Step {
    shared: string;
    own: string;
    coordinator: string;
    members: string[];
  }

  /** Casts each ballot in turn and answers every view after each one, with the log lines it wrote. */
  async function castOneByOne(voteId: string, messageId: string) {
    const view = async (who: (typeof voters)[number] | typeof people.coordinator) =>
      (await click(h.bot, h.connector, who, 'vote.refresh', { voteId }, messageId)).text;
    const steps: Step[] = [];
    const logs: string[] = [];
    for (const [i, member] of voters.entries()) {
      const before = putsOn(messageId);
      const logged = h.bot.logs.length;
      const own = await click(
        h.bot,
        h.connector,
        member,
        'vote.cast',
        { voteId, choice: choices[i] },
        messageId,
      );
      expect(own.text).toContain('Your vote is counted.');
      logs.push(...h.bot.logs.slice(logged));
      steps.push({
        shared: await sharedAfter(messageId, before),
        own: own.text,
        coordinator: await view(people.coordinator),
        members: await Promise.all(voters.map(view)),
      });
    }
    return { steps, logs };
  }

  function expectNoChoiceIn(lines: string[]) {
    const all = lines.join('\n');
    expect(all).toMatch(/vote\.cast|History of case/);
    for (const word of [...choices, ...labels]) expect(all).not.toContain(word);
  }

  it('shows only how many have voted on an anonymous vote until it closes, then the tally', async () => {
    const { voteId, messageId, shared: atOpen } = await openVote('SC-1', { anonymous: 'true' });
    expect(atOpen).toContain('0 of 5 members have voted.');
    const { steps, logs } = await castOneByOne(voteId, messageId);
    const count = (text: string) =>
      text.replace(/\b\d of 5 members have voted\b/g, 'N of 5 members have voted');

    steps.forEach((step, i) => {
      const views = [step.shared, step.own, step.coordinator, ...step.members];
      for (const text of views) {
        expect(text).toContain(`${i + 1} of 5 members have voted.`);
        expect(showsACount(text)).toBe(false);
        // Nobody is named while the vote is open: a name appearing would pair with nothing but the count.
        for (const voter of voters) expect(text).not.toContain(voter.name);
      }
      expect(step.own).toContain('You have voted.');
      const previous = steps[i - 1];
      expect(count(step.shared)).toBe(count(previous?.shared ?? atOpen));
      if (!previous) return;
      expect(count(step.own)).toBe(count(previous.own));
      expect(count(step.coordinator)).toBe(count(previous.coordinator));
      step.members.forEach((text, j) => {
        // The member who has just voted sees their own "You have voted."; nobody else sees any change.
        if (j !== i) expect(count(text)).toBe(count(previous.members[j] ?? ''));
      });
    });
    expectNoChoiceIn(logs);

    const before = putsOn(messageId);
    const closed = await click(h.bot, h.connector, people.coordinator, 'vote.close', { voteId }, messageId);
    expect(closed.text).toContain(`The panel decided: Referral back to the Inclusion Forum (${finalTally})`);
    expect(await sharedAfter(messageId, before)).toContain(finalTally);
  });

  it('names who has voted on a named vote with hidden results, and shows the tally only when it closes', async () => {
    const {
      voteId,
      messageId,
      shared: atOpen,
    } = await openVote('SC-2', { anonymous: 'false', resultsHidden: 'true' });
    expect(atOpen).toContain('The results are hidden until the coordinator closes the vote.');
    const { steps, logs } = await castOneByOne(voteId, messageId);
    // Names may appear as people vote; the member's own choice is theirs to see.
    const names = (text: string) =>
      text
        .replace(/\b\d of 5 members have voted[^"]*/g, 'N of 5 members have voted')
        .replace(/Your vote: [^"]*/g, 'Your vote: X');

    steps.forEach((step, i) => {
      for (const text of [step.shared, step.own, step.coordinator, ...step.members]) {
        expect(text).toContain(`${i + 1} of 5 members have voted: `);
        expect(showsACount(text)).toBe(false);
      }
      expect(step.shared).toContain(voters[i]?.name);
      expect(step.own).toContain(
        `Your vote: ${labels[coreGroupOptions.findIndex((o) => o.id === choices[i])]}`,
      );
      const previous = steps[i - 1];
      expect(names(step.shared)).toBe(names(previous?.shared ?? atOpen));
      if (!previous) return;
      expect(names(step.own)).toBe(names(previous.own));
      expect(names(step.coordinator)).toBe(names(previous.coordinator));
      step.members.forEach((text, j) => {
        if (j !== i) expect(names(text)).toBe(names(previous.members[j] ?? ''));
      });
    });
    expectNoChoiceIn(logs);

    const closed = await click(h.bot, h.connector, people.coordinator, 'vote.close', { voteId }, messageId);
    expect(closed.text).toContain(finalTally);
  });

  it('keeps the live tally on a named vote without hidden results', async () => {
    const { voteId, messageId } = await openVote('SC-3', {});
    const before = putsOn(messageId);
    await click(
      h.bot,
      h.connector,
      voters[0]!,
      'vote.cast',
      { voteId, choice: 'inSchoolSupport' },
      messageId,
    );
    const shared = await sharedAfter(messageId, before);
    expect(shared).toContain('"title":"Partnership offers in-school support (Tier 2)","value":"1"');
    expect(shared).toContain('1 of 5 members have voted: Member 1');
  });

  it('keeps the voters of an anonymous vote and their choices out of the case’s history', async () => {
    const { voteId, messageId, caseId } = await openVote('SC-4', { anonymous: 'true' });
    for (const [i, member] of voters.slice(0, 3).entries())
      await click(h.bot, h.connector, member, 'vote.cast', { voteId, choice: choices[i] }, messageId);
    const history = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'case.history',
      { caseId },
      messageId,
    );
    for (const voter of voters) expect(history.text).not.toContain(voter.name);
    expectNoChoiceIn([history.text]);
  });

  it('keeps the choices of a named vote with hidden results out of the case’s history until it closes', async () => {
    const { voteId, messageId, caseId } = await openVote('SC-5', { resultsHidden: 'true' });
    for (const [i, member] of voters.slice(0, 3).entries())
      await click(h.bot, h.connector, member, 'vote.cast', { voteId, choice: choices[i] }, messageId);
    const history = async () =>
      (await click(h.bot, h.connector, people.coordinator, 'case.history', { caseId }, messageId)).text;
    const whileOpen = await history();
    expect(whileOpen).toContain(voters[0]!.name);
    expectNoChoiceIn([whileOpen]);
    // Three different choices tie: the coordinator's casting decision closes it, and the choices appear.
    const closed = await click(
      h.bot,
      h.connector,
      people.coordinator,
      'vote.close',
      { voteId, casting: choices[0] },
      messageId,
    );
    expect(closed.text).toContain('The panel decided');
    expect(await history()).toContain(`Voted: ${labels[0]}`);
  });
});
