import {
  CHECKLIST_INPUT_PREFIX,
  cardActionSchemas,
  cardVerbs,
  type CardAction,
  type CardActionData,
  type CardVerb,
} from '../../src/cards/actions.ts';
import { execute, notice as noticeBlock, text } from '../../src/cards/adaptive.ts';
import {
  caseCard,
  caseListCard,
  historyCard,
  newCaseCard,
  duplicateCaseCard,
  situationCard,
  welcomeCard,
  withdrawConfirmCard,
  type NewCaseDefaults,
  type Notice,
} from '../../src/cards/caseCards.ts';
import { castingDecisionCard, voteCard } from '../../src/cards/voteCards.ts';
import {
  answerCase,
  caseState,
  cityAddressCase,
  citySchoolId,
  newCaseSchema,
  sectionRoute,
  newCountyCaseSchema,
  type CaseRecord,
} from '../../src/cases/case.ts';
import { caseFlow, defaultFlowId, flowById, isFlowId } from '../../src/flows.ts';
import type { FlowDefinition } from '../../src/flow/definition.ts';
import { describeEvent } from '../../src/cases/historyText.ts';
import { prefillFromDirectory } from '../../src/cases/prefill.ts';
import { findSchool } from '../../src/directory/directory.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import { ukIsoDate } from '../../src/text/dates.ts';
import { didYouMean } from '../../src/text/suggest.ts';
import {
  CORE_GROUP_DECISION,
  coreGroupOptions,
  yesNoOptions,
  type VoteOption,
} from '../../src/votes/vote.ts';
import { panelForCase } from '../../src/votes/recusal.ts';
import { listsCase, permissions, type Person, type Verdict, type VoteFacts } from '../../src/auth/policy.ts';
import { personOf } from '../people.ts';
import { coordinatedBy } from '../../src/settings/settings.ts';
import type { PartnershipId } from '../../src/templates/fields.ts';
import { coreGroupWarningCard } from '../../src/cards/planCards.ts';
import { hasReviewedPlan } from '../../src/plans/actionPlan.ts';
import {
  appendEvents,
  caseHistory,
  casesOfConversation,
  createCase,
  getCase,
  setCardActivity,
  updateCase,
  withdrawCase,
} from '../store/cases.ts';
import {
  closeVote,
  declareInterest,
  getVote,
  openVote,
  ownChoice,
  setVoteCard,
  type ApplyVoteResult,
  type Member,
  type Recused,
  type VoteRecord,
} from '../store/votes.ts';
import type { ActionOutcome, Services, TeamsPort, Where, Who } from './services.ts';
import { actorOf, caseNotFound, messageCard, refuse, showCase, voteNotFound, type Acting } from './acting.ts';
import { editPlan, finishForum, reviewForm, savePlanVerb, saveReview } from './planVerbs.ts';

/**
 * What each card action does, independent of how Teams delivers it (an Action.Execute invoke or an
 * Action.Submit message). Every verb names the permission of the policy (src/auth/policy.ts) that guards it and
 * what it acts on; the runner loads that, asks the policy, and only then runs the verb. A refused click gets a
 * polite refusal on the card; a concealed one gets exactly the card a missing case or vote gets.
 */

export interface ActionRefusal {
  reason: 'unknownVerb' | 'invalidData';
  message: string;
}

/** Validates a verb and its data from a card; the verbs are mapped to typed routes once, in cards/actions.ts. */
export function parseCardAction(verb: unknown, data: unknown): Result<CardAction, ActionRefusal> {
  if (typeof verb !== 'string' || !(cardVerbs as string[]).includes(verb)) {
    const hint = typeof verb === 'string' ? didYouMean(verb, cardVerbs) : '';
    return fail({
      reason: 'unknownVerb',
      message: `This button is not one the app knows${hint}. Please use the latest card.`,
    });
  }
  const schema = cardActionSchemas[verb as keyof typeof cardActionSchemas];
  const parsed = schema.safeParse(typeof data === 'object' && data !== null ? data : {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail({
      reason: 'invalidData',
      message: `This card is out of date or damaged (${issue?.path.join('.') || 'data'}: ${issue?.message}). Please open the case again.`,
    });
  }
  // Checklist toggles arrive as extra inputs beside the declared data; keep them for case.answer.
  const extra =
    verb === 'case.answer' && typeof data === 'object' && data !== null
      ? inputsOf(data as Record<string, unknown>)
      : {};
  return ok({ verb, data: { ...parsed.data, ...extra } } as CardAction);
}

function inputsOf(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith(CHECKLIST_INPUT_PREFIX) && typeof entry[1] === 'string',
    ),
  );
}

/** The person as the policy sees them where they clicked: their standing in this chat comes from the roster. */
export async function personIn(services: Services, who: Who, where: Where): Promise<Person> {
  if (!who.aadObjectId) return personOf(services.settings.settings, undefined, 'anonymous');
  // Teams cannot say (or says they are not in the chat they clicked in): the least standing, never more.
  const standing =
    (await services.roster.standingIn(where.conversationId, who.aadObjectId, who.mri)) ?? 'guest';
  return personOf(services.settings.settings, who.aadObjectId, standing);
}

export async function newCaseDefaults(
  services: Services,
  who: Who,
  port: TeamsPort,
): Promise<NewCaseDefaults> {
  const coordinates = coordinatedBy(services.settings.settings, who.aadObjectId);
  const [partnership] = coordinates;
  const meeting = await port.meeting().catch(() => undefined);
  const title = meeting?.title?.toLowerCase() ?? '';
  const meetingType = title.includes('core')
    ? 'coreGroup'
    : title.includes('panel')
      ? 'panel'
      : meeting
        ? 'inclusionForum'
        : undefined;
  return {
    coordinates,
    ...(partnership ? { partnership } : {}),
    ...(meetingType ? { meetingType } : {}),
    ...(meeting?.start ? { meetingDate: ukIsoDate(meeting.start) } : {}),
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

async function startCase(
  { services, who, where, person }: Acting,
  data: CardActionData<'case.start'>,
): Promise<ActionOutcome> {
  const defaults: NewCaseDefaults = {
    ...Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)),
    coordinates: coordinatedBy(services.settings.settings, who.aadObjectId),
  };
  const flow = flowById(isFlowId(data.flow) ? data.flow : defaultFlowId);
  // The refusal goes under the field it is about, and every input keeps what the person gave.
  const again = (problem: string, field?: string) => ({
    card: newCaseCard(services.directory, flow, defaults, refuse(problem, field)),
  });
  if (flow.id === 'countyAddress') return startCountyCase({ services, who, where, person }, data, again);
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
  const checked = checkedStart(services, person, parsed, again);
  if ('refused' in checked) return checked.refused;
  const { input } = checked;
  const referral = cityAddressCase(input, services.directory, {
    conversationId: where.conversationId,
    meetingId: where.meetingId ?? null,
    coordinatorName: who.name,
    flow,
    furtherReferral: route.furtherReferral,
  });
  if (!referral.ok) return again(`School: ${referral.error.message}`, 'schoolId');
  const existing = await duplicateIn(services, where, {
    student: input.student,
    schoolId: input.schoolId,
    section: input.section,
    flow,
  });
  if (existing && !data.duplicateOk) return { card: duplicateCaseCard(existing, data) };
  const record = await createCase(services.db, referral.value, actorOf(who));
  if (where.messageId) await setCardActivity(services.db, record.id, where.messageId);
  services.log.event('info', 'case.started', {
    caseId: record.id,
    section: record.section,
    partnership: record.partnership,
  });
  const shown = showCase(services, record);
  return { card: shown, shared: shown };
}

/**
 * A case already started in this meeting for the same student (by identifier, whatever its case), school,
 * section and flow, and not withdrawn: starting it again would make two identical cases.
 */
async function duplicateIn(
  services: Services,
  where: Where,
  candidate: { student: string; schoolId: string; section: string; flow: FlowDefinition },
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

/** Starts a county-address case: a City school asking about a child who lives in Leicestershire. */
async function startCountyCase(
  { services, who, where, person }: Omit<Acting, 'port'>,
  data: CardActionData<'case.start'>,
  again: (problem: string, field?: string) => ActionOutcome,
): Promise<ActionOutcome> {
  const flow = flowById('countyAddress');
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
  if ('refused' in checked) return checked.refused;
  const { input } = checked;
  const section = Object.keys(flow.sections)[0] ?? 'R';
  const schoolId = citySchoolId(input.schoolName);
  const existing = await duplicateIn(services, where, { student: input.student, schoolId, section, flow });
  if (existing && !data.duplicateOk) return { card: duplicateCaseCard(existing, data) };
  const record = await createCase(
    services.db,
    {
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
    actorOf(who),
  );
  if (where.messageId) await setCardActivity(services.db, record.id, where.messageId);
  services.log.event('info', 'case.started', { caseId: record.id, section, partnership: record.partnership });
  const shown = showCase(services, record);
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

async function answer(
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

/**
 * A new case's form, checked: its fields first (the refusal under the field it is about), then whether the
 * person may start a case for the partnership chosen.
 */
function checkedStart<T extends { partnership: PartnershipId }>(
  services: Services,
  person: Person,
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
  again: (problem: string, field?: string) => ActionOutcome,
): { input: T } | { refused: ActionOutcome } {
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return { refused: again(`${fieldNames[field] ?? field}: ${issue?.message ?? 'invalid'}`, field) };
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

/** Records an answer, then whatever the directory answers next (a school's known City BAP membership). */
function answerThenPrefill(
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

function changeCard(services: Services, record: CaseRecord, questionId: string) {
  const state = caseState(caseFlow(record), record, services.textValues);
  if (!state.path.includes(questionId))
    return showCase(services, record, refuse('That question is not on this case’s path any more.'));
  // The same case card, asking the chosen question again; answering it recomputes everything after it.
  const asking = {
    ...state,
    status: 'asking' as const,
    next: questionId,
    path: state.path.slice(0, state.path.indexOf(questionId)),
  };
  const card = caseCard(record, asking, caseFlow(record), {
    directory: services.directory,
    voteDefaults: services.settings.settings.partnerships[record.partnership].voteSettings,
    notice: { message: 'Change the answer: everything after it is worked out again.', tone: 'warning' },
  });
  card.actions = [execute('case.show', 'Cancel', { caseId: record.id }), ...(card.actions ?? [])];
  return card;
}

/**
 * Whom a vote is opened for: the configured panel, less those who represent the referring school (recused), or
 * else everyone in the chat, where nobody is known to represent a school and so nobody is recused.
 */
async function eligibleMembers(
  services: Services,
  record: CaseRecord,
  port: TeamsPort,
): Promise<{ eligible: Member[]; recused: Recused[] }> {
  const { panel } = services.settings.settings.partnerships[record.partnership];
  if (panel.length > 0) return panelForCase(panel, record.schoolId);
  const members = await port.members();
  // The roster Teams just gave is the freshest word on who is in the chat.
  await services.roster.sawMembers(
    record.conversationId,
    members.map((member) => ({
      id: member.id,
      name: member.name,
      standing: 'member',
      ...(member.mri ? { teamsId: member.mri } : {}),
    })),
  );
  return { eligible: members, recused: [] };
}

/** The options of a vote on `question`, or why it cannot be put to the panel now. */
function voteOptions(services: Services, record: CaseRecord, question: string): VoteOption[] | string {
  if (question === CORE_GROUP_DECISION) return [...coreGroupOptions];
  const definition = caseFlow(record).questions[question];
  const state = caseState(caseFlow(record), record, services.textValues);
  if (!definition || state.status !== 'asking' || state.next !== question)
    return 'This question is not the one being decided now.';
  if (definition.answer.kind === 'yesNo') return [...yesNoOptions];
  if (definition.answer.kind === 'choice')
    return definition.answer.options.map((option) => ({ id: option.id, label: option.label }));
  return 'A checklist cannot be put to a vote.';
}

function viewVote(
  services: Services,
  vote: VoteRecord,
  record: CaseRecord,
  viewer: { person: Person; who: Who; where: Where } | undefined,
  own: string | null | undefined,
  notice?: Notice,
) {
  const memberId = viewer?.who.aadObjectId;
  const facts = viewer ? voteFacts(vote, record, viewer.who, viewer.where) : undefined;
  return voteCard(
    vote,
    record,
    caseFlow(record),
    {
      isCoordinator:
        viewer !== undefined &&
        facts !== undefined &&
        permissions.manageVote(viewer.person, facts) === 'allow',
      ...(memberId && openedFor(vote, memberId) ? { memberId, ownChoice: own } : {}),
    },
    notice,
  );
}

/** The vote card as the person sees it, with their own choice read from the store. */
async function personalView(acting: Acting, vote: VoteRecord, record: CaseRecord, notice?: Notice) {
  const { services, who } = acting;
  const own = who.aadObjectId ? await ownChoice(services.db, vote.id, who.aadObjectId) : undefined;
  return viewVote(services, vote, record, acting, own, notice);
}

/** A vote and its case, or undefined when either no longer exists. */
async function voteWithCase(
  services: Services,
  voteId: string,
): Promise<{ vote: VoteRecord; record: CaseRecord } | undefined> {
  const vote = await getVote(services.db, voteId);
  const record = vote ? await getCase(services.db, vote.caseId) : undefined;
  return vote && record ? { vote, record } : undefined;
}

async function open(
  acting: Acting,
  data: CardActionData<'vote.open'>,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const { services, who, where, port } = acting;
  const coreGroupUnreviewed = data.question === CORE_GROUP_DECISION && !hasReviewedPlan(record.plan);
  if (coreGroupUnreviewed && !data.withoutReview) {
    const { withoutReview: _asked, ...voteData } = data;
    return { card: coreGroupWarningCard(record, { ...voteData, caseId: record.id }) };
  }
  const options = voteOptions(services, record, data.question);
  if (typeof options === 'string') return { card: showCase(services, record, refuse(options)) };
  const quorum = data.quorum === undefined ? null : Number.parseInt(data.quorum, 10);
  if (quorum !== null && (!Number.isInteger(quorum) || quorum < 1 || quorum > 500)) {
    return {
      card: showCase(services, record, refuse('Quorum: give a whole number of votes, or leave it empty.')),
    };
  }
  const { eligible, recused } = await eligibleMembers(services, record, port);
  if (eligible.length === 0)
    return {
      card: showCase(
        services,
        record,
        refuse(
          recused.length > 0
            ? 'Nobody can vote: every panel member represents the referring school.'
            : 'Nobody here can vote: add the panel members to this chat, or configure the panel.',
        ),
      ),
    };
  const opened = await openVote(
    services.db,
    {
      caseId: record.id,
      question: data.question,
      options,
      anonymous: data.anonymous,
      resultsHidden: data.resultsHidden,
      quorum,
      eligible,
      recused,
    },
    actorOf(who),
  );
  if (!opened.ok) return { card: showCase(services, record, refuse(opened.error.message)) };
  if (coreGroupUnreviewed)
    await services.db.transaction((tx) =>
      appendEvents(tx, record, actorOf(who), [
        { kind: 'coreGroupWithoutReview', detail: { voteId: opened.value.id } },
      ]),
    );
  // The vote's card takes the place of the case's own card in the chat.
  const cardMessage = record.cardActivityId ?? where.messageId;
  if (cardMessage) await setVoteCard(services.db, opened.value.id, cardMessage);
  services.log.event('info', 'vote.opened', {
    caseId: record.id,
    voteId: opened.value.id,
    eligible: eligible.length,
    recused: recused.length,
  });
  return {
    card: viewVote(services, opened.value, record, acting, undefined),
    shared: viewVote(services, opened.value, record, undefined, undefined),
  };
}

/**
 * A ballot. The hot path of a vote burst: the ballot box checks eligibility (the policy's castVote for those the
 * vote was opened for) and stores the ballot in one transaction shared with the ballots cast at the same moment,
 * so nothing is loaded before it. Only a refused ballot asks the policy what the person may be shown.
 */
async function cast(acting: Acting, data: CardActionData<'vote.cast'>): Promise<ActionOutcome> {
  const { services, who, where } = acting;
  const refused = async (message: string): Promise<ActionOutcome> => {
    const found = await voteWithCase(services, data.voteId);
    if (!found) return voteNotFound();
    const person = await personIn(services, who, where);
    const facts = voteFacts(found.vote, found.record, who, where);
    const verdict = permissions.castVote(person, facts);
    if (verdict === 'conceal')
      return concealed(services, 'vote.cast', voteNotFound(), facts.inCaseChat, message);
    // Refused by the policy, or allowed by it and refused by the vote itself (closed, or not an option).
    if (verdict === 'refuse') services.log.event('info', 'policy.refused', { action: 'vote.cast', verdict });
    return {
      card: await personalView({ ...acting, person }, found.vote, found.record, refuse(message)),
    };
  };
  if (!who.aadObjectId) return refused('Anonymous users cannot vote in panel decisions.');
  const result = await services.ballots.cast(data.voteId, actorOf(who), data.choice);
  if (!result.ok) return refused(result.error.message);
  const { vote, record, changed } = result.value;
  const thanks: Notice = {
    message: changed ? 'Your vote is counted.' : 'Your vote was already counted.',
    tone: 'good',
  };
  services.log.event('info', 'vote.cast', { voteId: vote.id, changed });
  return onlyItsChat(
    {
      card: viewVote(services, vote, record, acting, vote.anonymous ? null : data.choice, thanks),
      shared: viewVote(services, vote, record, undefined, undefined),
      sharedInBackground: true,
    },
    record,
    where,
    vote,
  );
}

/**
 * A member declares an interest: they no longer vote on this vote, and a named ballot of theirs is withdrawn.
 * The store refuses a member who has voted anonymously, so no count an observer has seen ever drops.
 */
async function declare(acting: Acting, vote: VoteRecord, record: CaseRecord): Promise<ActionOutcome> {
  const { services, who, where } = acting;
  const declared = await declareInterest(services.db, vote.id, actorOf(who));
  if (!declared.ok) return { card: await personalView(acting, vote, record, refuse(declared.error.message)) };
  const { ballotWithdrawn } = declared.value;
  services.log.event('info', 'vote.recused', {
    voteId: vote.id,
    reason: 'declaredInterest',
    ballotWithdrawn,
  });
  const recorded: Notice = {
    message: ballotWithdrawn
      ? 'Your interest is recorded and your vote is withdrawn.'
      : 'Your interest is recorded: you do not vote on this case.',
    tone: 'good',
  };
  return onlyItsChat(
    {
      card: viewVote(services, declared.value.vote, declared.value.record, acting, undefined, recorded),
      shared: viewVote(services, declared.value.vote, declared.value.record, undefined, undefined),
    },
    record,
    where,
    declared.value.vote,
  );
}

async function refresh(acting: Acting, vote: VoteRecord, record: CaseRecord): Promise<ActionOutcome> {
  if (vote.status === 'closed') return { card: showCase(acting.services, record) };
  return { card: await personalView(acting, vote, record) };
}

async function close(
  acting: Acting,
  data: CardActionData<'vote.close'>,
  vote: VoteRecord,
  record: CaseRecord,
): Promise<ActionOutcome> {
  const { services, who } = acting;
  const apply: ApplyVoteResult = (current, opened, decision) => {
    if (opened.question === CORE_GROUP_DECISION) return ok({ record: current, events: [] });
    const question = caseFlow(record).questions[opened.question];
    const value = question?.answer.kind === 'yesNo' ? decision.result === 'yes' : decision.result;
    const answered = answerThenPrefill(services, current, opened.question, value, opened.id);
    return answered.ok ? answered : fail({ reason: answered.error.reason, message: answered.error.message });
  };
  const closed = await closeVote(services.db, vote.id, actorOf(who), apply, data.casting);
  if (!closed.ok) {
    if (closed.error.reason === 'tie' && 'tied' in closed.error && closed.error.tied) {
      return { card: castingDecisionCard(vote, record, caseFlow(record), closed.error.tied) };
    }
    return { card: viewVote(services, vote, record, acting, undefined, refuse(closed.error.message)) };
  }
  const { decision } = closed.value;
  const label = (id: string) => vote.options.find((option) => option.id === id)?.label ?? id;
  const tally = vote.options.map((option) => `${option.label} ${decision.tally[option.id] ?? 0}`).join(', ');
  const summary: Notice = {
    message: `The panel decided: ${label(decision.result)} (${tally})${decision.castingDecision ? ', on the coordinator’s casting decision' : ''}.`,
    tone: 'good',
  };
  services.log.event('info', 'vote.closed', {
    voteId: vote.id,
    caseId: record.id,
    castingDecision: decision.castingDecision,
  });
  const shown = showCase(services, closed.value.record, summary);
  return { card: shown, shared: shown };
}

/** The verbs that change a case, refused once it is withdrawn. */
const runsTheCase = [
  'case.answer',
  'case.change',
  'vote.open',
  'plan.edit',
  'plan.save',
  'plan.review',
  'plan.reviewSave',
] as const;

/** Withdraws a case started in error, after asking; it stays in the history, marked withdrawn. */
async function withdraw(
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

async function history({ services }: Acting, record: CaseRecord): Promise<ActionOutcome> {
  const entries = await caseHistory(services.db, record.id);
  // Who chose what on a vote whose results are hidden stays hidden, from the coordinator too, until it closes.
  const hidden = new Set(
    (
      await services.db.query<{ id: string }>(
        "SELECT id FROM votes WHERE case_id = $1 AND results_hidden AND status <> 'closed'",
        [record.id],
      )
    ).map((row) => row.id),
  );
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

/** The chat's cases this person coordinates: a chat may hold several partnerships' cases, each sees their own. */
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

/** Start a case: first which situation it is (so which flow), then that flow's form. */
export async function startForm(
  { services, who, port }: Acting,
  data: CardActionData<'case.new'> = {},
): Promise<ActionOutcome> {
  if (!isFlowId(data.flow)) return { card: situationCard() };
  return {
    card: newCaseCard(services.directory, flowById(data.flow), await newCaseDefaults(services, who, port)),
  };
}

function withNotice(base: ReturnType<typeof welcomeCard>, notice: Notice) {
  base.body.splice(1, 0, noticeBlock(notice.message, notice.tone));
  return base;
}

const caseFacts = (record: CaseRecord, where: Where) => ({
  partnership: record.partnership,
  inCaseChat: record.conversationId === where.conversationId,
});

/** Whether the vote was opened for this member: to vote on it, or recused from it. */
const openedFor = (vote: VoteRecord, memberId: string) =>
  [...vote.eligible, ...vote.recused].some((member) => member.id === memberId);

/** `eligible` to the policy is "the vote was opened for them"; a recusal is the vote's to refuse, as closing is. */
function voteFacts(vote: VoteRecord, record: CaseRecord, who: Who, where: Where | undefined): VoteFacts {
  return {
    ...caseFacts(record, where ?? { conversationId: record.conversationId }),
    eligible: who.aadObjectId !== undefined && openedFor(vote, who.aadObjectId),
  };
}

/** Why a coordinator's action was refused: the place, when it is theirs but elsewhere; else the role. */
function refusalFor(acting: Acting, record: CaseRecord, byRole: string): string {
  return permissions.seeCaseRecord(acting.person, caseFacts(record, acting.where)) === 'allow'
    ? 'This case is run in its meeting chat: do this there.'
    : byRole;
}

/**
 * The answer to someone who may not see the thing: elsewhere, exactly the "not found" card; in the thing's own
 * chat (a guest or an anonymous user clicking the card they can see there), a refusal that says nothing of it.
 */
function concealed(
  services: Services,
  verb: CardVerb,
  notFound: ActionOutcome,
  inCaseChat: boolean,
  refusal: string,
): ActionOutcome {
  services.log.event('info', 'policy.refused', { action: verb, verdict: 'conceal' });
  if (!inCaseChat) return notFound;
  return { card: messageCard('Not available to you', refuse(refusal || GUESTS_FOLLOW_IN_CHAT)) };
}

const GUESTS_FOLLOW_IN_CHAT =
  'Guests and anonymous users can follow the cases in this chat, but not open or act on them.';

type CasePermission = 'seeCase' | 'runCase' | 'seeCaseRecord' | 'writeActionPlan';
type VotePermission = 'seeVote' | 'castVote' | 'manageVote';

/** How each verb is guarded: the permission and what it is asked about, and what it says when refused. */
type VerbRoute<V extends CardVerb> =
  | {
      on: 'nothing';
      permission: 'useCoordinatorTools';
      refusal: string;
      run(acting: Acting, data: CardActionData<V>): Promise<ActionOutcome>;
    }
  | {
      on: 'case';
      permission: CasePermission;
      refusal: string;
      run(acting: Acting, data: CardActionData<V>, record: CaseRecord): Promise<ActionOutcome>;
    }
  | {
      on: 'vote';
      permission: VotePermission;
      refusal: string;
      run(
        acting: Acting,
        data: CardActionData<V>,
        vote: VoteRecord,
        record: CaseRecord,
      ): Promise<ActionOutcome>;
    }
  | {
      /** The ballot box decides eligibility as it stores the ballot; see `cast`. */
      on: 'ballot';
      permission: 'castVote';
      run(acting: Acting, data: CardActionData<V>): Promise<ActionOutcome>;
    };

/** Every card verb and its guard, one entry each: a verb without an entry does not compile. */
export const verbRoutes: { [V in CardVerb]: VerbRoute<V> } = {
  'case.new': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: 'Only coordinators can start a case. You will see the cases here as they are run.',
    run: (acting, data) => startForm(acting, data),
  },
  'case.start': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: 'Only coordinators can start a case. You will see the cases here as they are run.',
    run: startCase,
  },
  'case.list': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: 'Only coordinators can list the cases.',
    run: (acting) => listCases(acting),
  },
  'case.show': {
    on: 'case',
    permission: 'seeCase',
    refusal: '',
    run: async ({ services }, _data, record) => ({ card: showCase(services, record) }),
  },
  'case.answer': {
    on: 'case',
    permission: 'runCase',
    refusal: 'Only the coordinator can answer the questions. You can follow the case here.',
    run: answer,
  },
  'case.change': {
    on: 'case',
    permission: 'runCase',
    refusal: 'Only the coordinator can change an answer.',
    run: async ({ services }, data, record) => ({ card: changeCard(services, record, data.question) }),
  },
  'case.withdraw': {
    on: 'case',
    permission: 'runCase',
    refusal: 'Only the coordinator can withdraw a case.',
    run: withdraw,
  },
  'case.history': {
    on: 'case',
    permission: 'seeCaseRecord',
    refusal: 'Only the coordinator can see a case’s history.',
    run: (acting, _data, record) => history(acting, record),
  },
  'plan.edit': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: 'Only the coordinator can write the action plan. You will see its summary on the case.',
    run: editPlan,
  },
  'plan.save': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: 'Only the coordinator can write the action plan. You will see its summary on the case.',
    run: savePlanVerb,
  },
  'plan.review': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: 'Only the coordinator can review the action plan.',
    run: (acting, _data, record) => reviewForm(acting, record),
  },
  'plan.reviewSave': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: 'Only the coordinator can review the action plan.',
    run: saveReview,
  },
  'forum.finish': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: 'Only coordinators can finish the forum.',
    run: (acting) => finishForum(acting),
  },
  'vote.open': {
    on: 'case',
    permission: 'runCase',
    refusal: 'Only the coordinator can put a question to the panel.',
    run: open,
  },
  'vote.cast': { on: 'ballot', permission: 'castVote', run: cast },
  'vote.close': {
    on: 'vote',
    permission: 'manageVote',
    refusal: 'Only the coordinator can close the vote.',
    run: close,
  },
  'vote.refresh': {
    on: 'vote',
    permission: 'seeVote',
    refusal: '',
    run: (acting, _data, vote, record) => refresh(acting, vote, record),
  },
  'vote.recuse': {
    on: 'vote',
    permission: 'castVote',
    refusal: 'Only the panel members this vote was opened for can declare an interest.',
    run: (acting, _data, vote, record) => declare(acting, vote, record),
  },
};

/** The permission each verb is guarded by, for the README and the matrix test. */
export const verbPermissions = Object.fromEntries(
  Object.entries(verbRoutes).map(([verb, route]) => [verb, route.permission]),
) as { [V in CardVerb]: (typeof verbRoutes)[V]['permission'] };

/** Runs one verb: loads what it acts on, asks the policy, and runs it only when allowed. */
export async function handleCardAction(
  services: Services,
  who: Who,
  where: Where,
  port: TeamsPort,
  action: CardAction,
): Promise<ActionOutcome> {
  const route = verbRoutes[action.verb] as VerbRoute<CardVerb>;
  const data = action.data as never;
  if (route.on === 'ballot') {
    // An eligible voter's standing is not looked up on the hot path: the ballot box decides. This person only
    // decides whether the voter's own card offers "Close the vote", which closing checks again in full.
    const voter = personOf(services.settings.settings, who.aadObjectId, 'member');
    return route.run({ services, who, where, port, person: voter }, data);
  }
  const person = await personIn(services, who, where);
  const acting: Acting = { services, who, where, port, person };
  const refused = (verdict: Verdict, card: ActionOutcome['card']): ActionOutcome => {
    services.log.event('info', 'policy.refused', { action: action.verb, verdict });
    return { card };
  };
  if (route.on === 'nothing') {
    if (permissions[route.permission](person) !== 'allow')
      return refused('refuse', withNotice(welcomeCard(), refuse(route.refusal)));
    return route.run(acting, data);
  }
  if (route.on === 'case') {
    const record = await getCase(services.db, (action.data as { caseId: string }).caseId);
    if (!record) return caseNotFound();
    const facts = caseFacts(record, where);
    const verdict = permissions[route.permission](person, facts);
    if (verdict === 'conceal')
      return concealed(services, action.verb, caseNotFound(), facts.inCaseChat, route.refusal);
    if (verdict === 'refuse')
      return refused(verdict, showCase(services, record, refuse(refusalFor(acting, record, route.refusal))));
    // A withdrawn case is kept to be seen, never run again.
    if (record.withdrawnAt && (runsTheCase as readonly string[]).includes(action.verb))
      return { card: showCase(services, record, refuse('This case was withdrawn: it is no longer run.')) };
    return onlyItsChat(await route.run(acting, data, record), record, where);
  }
  const found = await voteWithCase(services, (action.data as { voteId: string }).voteId);
  if (!found) return voteNotFound();
  const facts = voteFacts(found.vote, found.record, who, where);
  const verdict = permissions[route.permission](person, facts);
  if (verdict === 'conceal')
    return concealed(services, action.verb, voteNotFound(), facts.inCaseChat, route.refusal);
  if (verdict === 'refuse')
    return refused(
      verdict,
      await personalView(
        acting,
        found.vote,
        found.record,
        refuse(refusalFor(acting, found.record, route.refusal)),
      ),
    );
  return onlyItsChat(
    await route.run(acting, data, found.vote, found.record),
    found.record,
    where,
    found.vote,
  );
}

/**
 * A case's shared card is only ever its own message in its own chat: clicked elsewhere, nothing is shared; clicked
 * on another card of the chat (the agenda, another case), the case's own card is updated, never the clicked one.
 */
function onlyItsChat(
  outcome: ActionOutcome,
  record: CaseRecord,
  where: Where,
  vote?: VoteRecord,
): ActionOutcome {
  if (!outcome.shared) return outcome;
  if (record.conversationId === where.conversationId)
    return {
      ...outcome,
      sharedTo: { caseId: record.id, messageId: vote?.cardActivityId ?? record.cardActivityId },
    };
  const { shared: _dropped, sharedInBackground: _also, ...own } = outcome;
  return own;
}

/** A short card for text commands that are not understood. */
export function helpCard() {
  return withNotice(welcomeCard(), {
    message: 'I did not recognise that. Here is what I can do:',
    tone: 'warning',
  });
}

export { text, messageCard };
