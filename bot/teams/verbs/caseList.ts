import { listsCase } from '../../../src/auth/policy.ts';
import { caseListCard } from '../../../src/cards/caseCards.ts';
import { partnershipIds } from '../../../src/templates/fields.ts';
import { casesOfChat } from '../../store/chatCases.ts';
import { caseSummary, type Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';

/**
 * How many open cases, and how many decided ones, the list shows: a recurring meeting's chat keeps every case
 * it ever started, and a card over Teams' 28 KiB is not shown at all (a row is about 650 bytes: 30 rows leave
 * room for long school names and questions).
 */
export const LISTED_CASES = 15;

/**
 * `case.list`: the chat's cases this person coordinates (a chat may hold several partnerships' cases, each sees
 * their own): the open ones first, then the most recently decided, and how many older ones are left out.
 */
export async function listCases({ services, where, person }: Acting): Promise<ActionOutcome> {
  const listed = partnershipIds.filter((partnership) => listsCase(person, partnership));
  const { open, closed, notShown } = await casesOfChat(
    services.db,
    where.conversationId,
    listed,
    LISTED_CASES,
  );
  const summaries = [...open, ...closed].map((record) => caseSummary(services, record));
  return { card: caseListCard(summaries, { notShown }) };
}
