import type { FlowDefinition } from '../flow/definition.ts';
import type { TextValues } from '../flow/interpret.ts';
import type { School } from '../directory/directory.ts';
import { answerCase, caseState, type CaseEvent, type CaseRecord } from './case.ts';

/**
 * Answers from the directory what the flow says the directory can answer (a question's `prefillFrom`), when the
 * directory knows it: a school known to be, or not to be, a City BAP member answers question `cityBapMember`.
 * The card shows such an answer as "from the directory" with Change; a person's answer always wins, so a
 * question someone has answered is never filled again.
 */
export function prefillFromDirectory(
  flow: FlowDefinition,
  record: CaseRecord,
  school: School | undefined,
  values: TextValues,
): { record: CaseRecord; events: CaseEvent[] } {
  const state = caseState(flow, record, values);
  if (state.status !== 'asking' || !school) return { record, events: [] };
  const question = flow.questions[state.next];
  if (question?.prefillFrom !== 'school.cityBapMember' || school.cityBapMember === null)
    return { record, events: [] };
  const answered = answerCase(flow, record, state.next, school.cityBapMember, values);
  if (!answered.ok) return { record, events: [] };
  const events = answered.value.events.map((event) =>
    event.kind === 'answered'
      ? { ...event, detail: { ...event.detail, fromDirectory: true as const } }
      : event,
  );
  return {
    record: { ...answered.value.record, prefilled: [...answered.value.record.prefilled, state.next] },
    events,
  };
}
