import { listsCase } from '../../../src/auth/policy.ts';
import { caseListCard } from '../../../src/cards/caseCards.ts';
import { caseState } from '../../../src/cases/case.ts';
import { caseFlow } from '../../../src/flows.ts';
import { casesOfConversation } from '../../store/cases.ts';
import type { Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';

/**
 * `case.list`: the chat's cases this person coordinates: a chat may hold several partnerships' cases, each sees
 * their own.
 */
export async function listCases({ services, where, person }: Acting): Promise<ActionOutcome> {
  const cases = (await casesOfConversation(services.db, where.conversationId)).filter((record) =>
    listsCase(person, record.partnership),
  );
  const summaries = cases.map((record) => ({
    record,
    flow: caseFlow(record),
    state: caseState(caseFlow(record), record, services.textValues),
  }));
  return { card: caseListCard(summaries, services.directory) };
}
