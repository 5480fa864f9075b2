import type { CardActionData } from '../../../src/cards/actions.ts';
import { execute } from '../../../src/cards/adaptive.ts';
import { caseCard } from '../../../src/cards/caseCards.ts';
import { caseState, type CaseRecord } from '../../../src/cases/case.ts';
import { caseFlow } from '../../../src/flows.ts';
import { caseCardOptions, refuse, showCase, type Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';

/** `case.change`: the same case card, asking the chosen question again; answering it recomputes what follows. */
export async function changeAnswer(
  { services }: Acting,
  data: CardActionData<'case.change'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const state = caseState(caseFlow(record), record, services.textValues);
  if (!state.path.includes(data.question))
    return {
      card: showCase(services, record, refuse('That question is not on this case’s path any more.')),
    };
  const asking = {
    ...state,
    status: 'asking' as const,
    next: data.question,
    path: state.path.slice(0, state.path.indexOf(data.question)),
  };
  // Asking again is not the place for the Record button or the plan's review date.
  const {
    recordUrl: _record,
    today: _today,
    ...options
  } = caseCardOptions(services, record, {
    message: 'Change the answer: everything after it is worked out again.',
    tone: 'warning',
  });
  const card = caseCard(record, asking, caseFlow(record), options);
  card.actions = [execute('case.show', 'Cancel', { caseId: record.id }), ...(card.actions ?? [])];
  return { card };
}
