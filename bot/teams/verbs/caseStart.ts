import { permissions, type Person } from '../../../src/auth/policy.ts';
import type { CardActionData } from '../../../src/cards/actions.ts';
import { duplicateCaseCard, newCaseCard, type NewCaseDefaults } from '../../../src/cards/caseCards.ts';
import {
  cityAddressCase,
  citySchoolId,
  newCaseSchema,
  newCountyCaseSchema,
  sectionRoute,
  type CaseRecord,
  type NewCase,
  type NewCaseRecord,
} from '../../../src/cases/case.ts';
import type { FlowDefinition } from '../../../src/flow/definition.ts';
import { defaultFlowId, flowById, isFlowId } from '../../../src/flows.ts';
import { coordinatedBy } from '../../../src/settings/settings.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';
import type { z } from 'zod';
import { firstProblem } from '../../../src/text/problems.ts';
import { casesOfConversation, createCase, setCardActivity } from '../../store/cases.ts';
import { actorOf, refuse, showCase, type Acting } from '../acting.ts';
import type { ActionOutcome, Services, Where } from '../services.ts';

/**
 * `case.start`: the Start card's form, checked field by field, then whether this person may start a case for
 * the partnership chosen (which only the form says, so the policy is asked here rather than by the dispatcher),
 * then whether the same case is already in this meeting.
 */

/** The refusal goes under the field it is about, and every input keeps what the person gave. */
type Again = (problem: string, field?: string) => ActionOutcome;

export async function startCase(acting: Acting, data: CardActionData<'case.start'>): Promise<ActionOutcome> {
  const { services, who } = acting;
  const defaults: NewCaseDefaults = {
    ...Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)),
    coordinates: coordinatedBy(services.settings.settings, who.aadObjectId),
  };
  const flow = flowById(isFlowId(data.flow) ? data.flow : defaultFlowId);
  const again: Again = (problem, field) => ({
    card: newCaseCard(services.directory, flow, defaults, refuse(problem, field)),
  });
  const started =
    flow.id === 'countyAddress' ? countyCase(acting, data, flow, again) : cityCase(acting, data, flow, again);
  if ('refused' in started) return started.refused;
  const { referral, duplicateOf } = started;
  const existing = await duplicateIn(services, acting.where, duplicateOf);
  if (existing && !data.duplicateOk) return { card: duplicateCaseCard(existing, data) };
  const record = await createCase(services.db, referral, actorOf(who));
  if (acting.where.messageId) await setCardActivity(services.db, record.id, acting.where.messageId);
  services.log.event('info', 'case.started', {
    caseId: record.id,
    section: record.section,
    partnership: record.partnership,
  });
  const shown = showCase(services, record);
  return { card: shown, shared: shown };
}

/** What a duplicate is looked for by: the same student, school, section and flow. */
interface Candidate {
  student: string;
  schoolId: string;
  section: string;
  flow: FlowDefinition;
}

type Started = { referral: NewCaseRecord; duplicateOf: Candidate } | { refused: ActionOutcome };

/** A city-address case: a Leicestershire school asking about a child who lives in the City. */
function cityCase(
  { services, who, where, person }: Acting,
  data: CardActionData<'case.start'>,
  flow: FlowDefinition,
  again: Again,
): Started {
  const {
    flow: _flowId,
    schoolName: _schoolName,
    section: givenSection,
    duplicateOk: _duplicateOk,
    ...rest
  } = data;
  const route = sectionRoute(givenSection);
  const parsed = newCaseSchema(services.identifierRule).safeParse({
    ...rest,
    ...(route.section === undefined ? {} : { section: route.section }),
  });
  const checked = checkedStart<NewCase>(services, person, parsed, again);
  if ('refused' in checked) return checked;
  const { input } = checked;
  const referral = cityAddressCase(input, services.directory, {
    conversationId: where.conversationId,
    meetingId: where.meetingId ?? null,
    coordinatorName: who.name,
    flow,
    furtherReferral: route.furtherReferral,
  });
  if (!referral.ok) return { refused: again(`School: ${referral.error.message}`, 'schoolId') };
  return {
    referral: referral.value,
    duplicateOf: { student: input.student, schoolId: input.schoolId, section: input.section, flow },
  };
}

/** A county-address case: a City school asking about a child who lives in Leicestershire. */
function countyCase(
  { services, who, where, person }: Acting,
  data: CardActionData<'case.start'>,
  flow: FlowDefinition,
  again: Again,
): Started {
  const {
    flow: _flow,
    schoolId: _schoolId,
    section: _section,
    keyLinkName: _k,
    keyLinkEmail: _e,
    duplicateOk: _duplicateOk,
    ...given
  } = data;
  const parsed = newCountyCaseSchema(services.identifierRule).safeParse(given);
  const checked = checkedStart(services, person, parsed, again);
  if ('refused' in checked) return checked;
  const { input } = checked;
  const section = Object.keys(flow.sections)[0] ?? 'R';
  const schoolId = citySchoolId(input.schoolName);
  return {
    referral: {
      partnership: input.partnership,
      conversationId: where.conversationId,
      meetingId: where.meetingId ?? null,
      student: input.student,
      schoolId,
      section,
      flowId: flow.id,
      flowVersion: flow.version,
      consent: input.consent,
      fields: {
        student: input.student,
        schoolName: input.schoolName,
        partnership: input.partnership,
        coordinatorName: who.name,
        ...(input.meetingType ? { meetingType: input.meetingType } : {}),
        ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}),
      },
    },
    duplicateOf: { student: input.student, schoolId, section, flow },
  };
}

const fieldNames: Record<string, string> = {
  partnership: 'Partnership',
  schoolId: 'School',
  schoolName: 'The City school',
  keyLinkName: 'Key link',
  keyLinkEmail: 'Key link’s email',
  student: 'Student identifier',
  meetingType: 'Meeting',
  meetingDate: 'Date of the meeting',
  section: 'What the school has done',
  consent: 'Parental consent',
};

/**
 * A new case's form, checked: its fields first (the refusal under the field it is about), then whether the
 * person may start a case for the partnership chosen.
 */
function checkedStart<T extends { partnership: PartnershipId }>(
  services: Services,
  person: Person,
  parsed: { success: true; data: T } | { success: false; error: z.ZodError },
  again: Again,
): { input: T } | { refused: ActionOutcome } {
  if (!parsed.success) {
    const problem = firstProblem(parsed.error, '');
    const field = problem.path.split('.')[0] ?? '';
    return { refused: again(`${fieldNames[field] ?? field}: ${problem.message}`, field) };
  }
  const input = parsed.data;
  if (permissions.startCase(person, { partnership: input.partnership }) !== 'allow') {
    services.log.event('info', 'policy.refused', { action: 'case.start', verdict: 'refuse' });
    return {
      refused: again(`Only a coordinator of ${input.partnership} can start its cases.`, 'partnership'),
    };
  }
  return { input };
}

/**
 * A case already started in this meeting for the same student (by identifier, whatever its case), school,
 * section and flow, and not withdrawn: starting it again would make two identical cases.
 */
async function duplicateIn(
  services: Services,
  where: Where,
  candidate: Candidate,
): Promise<CaseRecord | undefined> {
  const same = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'accent' }) === 0;
  return (await casesOfConversation(services.db, where.conversationId)).find(
    (record) =>
      !record.withdrawnAt &&
      record.flowId === candidate.flow.id &&
      record.schoolId === candidate.schoolId &&
      record.section === candidate.section &&
      same(record.student, candidate.student),
  );
}
