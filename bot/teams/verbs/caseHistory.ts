import { historyCard } from '../../../src/cards/caseCards.ts';
import type { CaseRecord } from '../../../src/cases/case.ts';
import { describeEvent } from '../../../src/cases/historyText.ts';
import { caseFlow } from '../../../src/flows.ts';
import { caseHistory } from '../../store/cases.ts';
import { votesStillHidden } from '../../store/hiddenVotes.ts';
import type { Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';

/** `case.history`: everything that happened to the case, for its coordinator. */
export async function history({ services }: Acting, record: CaseRecord): Promise<ActionOutcome> {
  const entries = await caseHistory(services.db, record.id);
  // Who chose what on a vote whose results are hidden stays hidden, from the coordinator too, until it closes.
  const hidden = await votesStillHidden(services.db, record.id);
  const lines = entries
    .map((entry) =>
      entry.kind === 'voteCast' && hidden.has(String(entry.detail.voteId))
        ? { ...entry, detail: { voteId: entry.detail.voteId } }
        : entry,
    )
    .map((entry) => ({
      at: entry.at,
      actorName: entry.actorName,
      text: describeEvent(caseFlow(record), entry),
      flowVersion: entry.flowVersion,
    }));
  return { card: historyCard(record, lines) };
}
