import { CHECKLIST_INPUT_PREFIX, type CardActionData } from '../../../src/cards/actions.ts';
import { answerCase, type CaseRecord } from '../../../src/cases/case.ts';
import { prefillFromDirectory } from '../../../src/cases/prefill.ts';
import { findSchool } from '../../../src/directory/directory.ts';
import { caseFlow } from '../../../src/flows.ts';
import { ok } from '../../../src/result.ts';
import { updateCase } from '../../store/cases.ts';
import { actorOf, refuse, showCase, type Acting } from '../acting.ts';
import type { ActionOutcome, Services } from '../services.ts';

/** `case.answer`: the coordinator answers the case's question (a checklist sends its toggles beside the data). */
export async function answer(
  { services, who }: Acting,
  data: CardActionData<'case.answer'> & Record<string, unknown>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const value = answerValue(record, data);
  const updated = await updateCase(services.db, data.caseId, actorOf(who), (current) =>
    answerThenPrefill(services, current, data.question, value),
  );
  if (!updated.ok) {
    const message =
      updated.error.reason === 'caseNotFound'
        ? 'This case no longer exists.'
        : 'message' in updated.error
          ? updated.error.message
          : 'That answer could not be recorded.';
    return { card: showCase(services, record, refuse(message)) };
  }
  services.log.event('info', 'case.answered', {
    caseId: data.caseId,
    question: data.question,
    outcome: updated.value.outcome,
  });
  const shown = showCase(services, updated.value);
  return { card: shown, shared: shown };
}

function answerValue(
  record: CaseRecord,
  data: CardActionData<'case.answer'> & Record<string, unknown>,
): unknown {
  const question = caseFlow(record).questions[data.question];
  if (question?.answer.kind !== 'checklist') return data.value;
  return Object.fromEntries(
    question.answer.items.map((item) => [item.id, data[`${CHECKLIST_INPUT_PREFIX}${item.id}`] === 'true']),
  );
}

/**
 * Records an answer (the coordinator's, or a closed vote's), then whatever the directory answers next (a
 * school's known City BAP membership).
 */
export function answerThenPrefill(
  services: Services,
  record: CaseRecord,
  question: string,
  value: unknown,
  byVote?: string,
) {
  const answered = answerCase(caseFlow(record), record, question, value, services.textValues, byVote);
  if (!answered.ok) return answered;
  const school = findSchool(services.directory, record.schoolId);
  const filled = prefillFromDirectory(
    caseFlow(record),
    answered.value.record,
    school.ok ? school.value.school : undefined,
    services.textValues,
  );
  return ok({ record: filled.record, events: [...answered.value.events, ...filled.events] });
}
