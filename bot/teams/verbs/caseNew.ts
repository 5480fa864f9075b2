import type { CardActionData } from '../../../src/cards/actions.ts';
import { newCaseCard, situationCard, type NewCaseDefaults } from '../../../src/cards/caseCards.ts';
import { flowById, isFlowId } from '../../../src/flows.ts';
import { coordinatedBy } from '../../../src/settings/settings.ts';
import { ukIsoDate } from '../../../src/text/dates.ts';
import type { Acting } from '../acting.ts';
import type { ActionOutcome, Services, TeamsPort, Who } from '../services.ts';

/** `case.new`: start a case, first which situation it is (so which flow), then that flow's form. */
export async function startForm(
  { services, who, port }: Acting,
  data: CardActionData<'case.new'> = {},
): Promise<ActionOutcome> {
  if (!isFlowId(data.flow)) return { card: situationCard() };
  return {
    card: newCaseCard(services.directory, flowById(data.flow), await newCaseDefaults(services, who, port)),
  };
}

/** What the form starts with: the coordinator's partnership, and the meeting's type and date from Teams. */
async function newCaseDefaults(services: Services, who: Who, port: TeamsPort): Promise<NewCaseDefaults> {
  const coordinates = coordinatedBy(services.settings.settings, who.aadObjectId);
  const [partnership] = coordinates;
  const meeting = await port.meeting().catch(() => undefined);
  const meetingType = meeting ? meetingTypeOf(meeting.title) : undefined;
  return {
    coordinates,
    ...(partnership ? { partnership } : {}),
    ...(meetingType ? { meetingType } : {}),
    ...(meeting?.start ? { meetingDate: ukIsoDate(meeting.start) } : {}),
  };
}

/** A meeting's type guessed from its title ("SLIP Panel – November"); a meeting chat is a forum by default. */
function meetingTypeOf(title: string | undefined) {
  const lower = title?.toLowerCase() ?? '';
  return lower.includes('core') ? 'coreGroup' : lower.includes('panel') ? 'panel' : 'inclusionForum';
}
