import type { CardActionData } from '../../../src/cards/actions.ts';
import { withdrawConfirmCard } from '../../../src/cards/caseCards.ts';
import type { CaseRecord } from '../../../src/cases/case.ts';
import { withdrawCase } from '../../store/cases.ts';
import { actorOf, caseNotFound, showCase, type Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';

/** `case.withdraw`: withdraws a case started in error, after asking; it stays in the history, marked withdrawn. */
export async function withdraw(
  { services, who }: Acting,
  data: CardActionData<'case.withdraw'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  if (record.withdrawnAt) return { card: showCase(services, record) };
  if (!data.confirm) return { card: withdrawConfirmCard(record) };
  const withdrawn = await withdrawCase(services.db, record.id, actorOf(who));
  if (!withdrawn.ok) return caseNotFound();
  services.log.event('info', 'case.withdrawn', { caseId: record.id });
  const shown = showCase(services, withdrawn.value);
  return { card: shown, shared: shown };
}
