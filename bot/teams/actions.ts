import {
  CHECKLIST_INPUT_PREFIX,
  cardActionSchemas,
  cardVerbs,
  type CardAction,
  type CardActionData,
} from '../../src/cards/actions.ts';
import { card, execute, heading, notice as noticeBlock, text } from '../../src/cards/adaptive.ts';
import {
  caseCard,
  caseListCard,
  historyCard,
  newCaseCard,
  welcomeCard,
  type NewCaseDefaults,
  type Notice,
} from '../../src/cards/caseCards.ts';
import { castingDecisionCard, voteCard } from '../../src/cards/voteCards.ts';
import { answerCase, caseState, newCaseSchema, type Actor, type CaseRecord } from '../../src/cases/case.ts';
import { describeEvent } from '../../src/cases/historyText.ts';
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
import { coordinatedPartnerships } from '../roles.ts';
import {
  caseHistory,
  casesOfConversation,
  createCase,
  getCase,
  setCardActivity,
  updateCase,
} from '../store/cases.ts';
import {
  closeVote,
  getVote,
  openVote,
  ownChoice,
  setVoteCard,
  type ApplyVoteResult,
  type Member,
  type VoteRecord,
} from '../store/votes.ts';
import type { ActionOutcome, Services, TeamsPort, Where, Who } from './services.ts';

/**
 * What each card action does, independent of how Teams delivers it (an Action.Execute invoke or an
 * Action.Submit message). Only coordinators start cases, answer questions and open or close votes; any other
 * click gets a polite refusal on the card, never an error.
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

export const messageCard = (title: string, message: Notice) =>
  card(
    [heading(title), noticeBlock(message.message, message.tone)],
    [execute('case.list', 'Cases in this meeting')],
  );

const refuse = (message: string): Notice => ({ message, tone: 'attention' });

const actorOf = (who: Who): Actor => ({ id: who.aadObjectId ?? who.mri, name: who.name });

function isGuest(who: Who): boolean {
  return !who.aadObjectId || who.userRole === 'guest' || who.userRole === 'anonymous';
}

function coordinates(services: Services, who: Who, partnership?: string): boolean {
  if (isGuest(who)) return false;
  const partnerships = coordinatedPartnerships(services.roles, who.aadObjectId);
  return partnership === undefined
    ? partnerships.length > 0
    : (partnerships as string[]).includes(partnership);
}

function showCase(services: Services, record: CaseRecord, notice?: Notice) {
  const state = caseState(services.flow, record, services.textValues);
  return caseCard(record, state, services.flow, {
    directory: services.directory,
    ...(notice ? { notice } : {}),
  });
}

type Loaded = { ok: true; value: CaseRecord } | { ok: false; error: ActionOutcome };

async function loadCase(services: Services, caseId: string): Promise<Loaded> {
  const record = await getCase(services.db, caseId);
  return record
    ? { ok: true, value: record }
    : {
        ok: false,
        error: {
          card: messageCard(
            'Case not found',
            refuse('This case no longer exists. It may have passed the retention period.'),
          ),
        },
      };
}

export async function newCaseDefaults(
  services: Services,
  who: Who,
  port: TeamsPort,
): Promise<NewCaseDefaults> {
  const [partnership] = coordinatedPartnerships(services.roles, who.aadObjectId);
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
    ...(partnership ? { partnership } : {}),
    ...(meetingType ? { meetingType } : {}),
    ...(meeting?.start ? { meetingDate: ukIsoDate(meeting.start) } : {}),
  };
}

const fieldNames: Record<string, string> = {
  partnership: 'Partnership',
  schoolId: 'School',
  keyLinkName: 'Key link',
  keyLinkEmail: 'Key link’s email',
  student: 'Student identifier',
  meetingType: 'Meeting',
  meetingDate: 'Date of the meeting',
  section: 'What the school has done',
};

async function startCase(
  services: Services,
  who: Who,
  where: Where,
  data: CardActionData<'case.start'>,
): Promise<ActionOutcome> {
  const defaults: NewCaseDefaults = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  const again = (problem: string) => ({
    card: newCaseCard(services.directory, services.flow, defaults, refuse(problem)),
  });
  const parsed = newCaseSchema(services.identifierRule).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return again(`${fieldNames[field] ?? field}: ${issue?.message ?? 'invalid'}`);
  }
  const input = parsed.data;
  if (!coordinates(services, who, input.partnership)) {
    return again(`Only a coordinator of ${input.partnership} can start its cases.`);
  }
  const school = findSchool(services.directory, input.schoolId);
  if (!school.ok) return again('School: choose the school from the list.');
  if (school.value.partnership.id !== input.partnership) {
    return again(
      `${school.value.school.name} is a ${school.value.partnership.id} school: choose ${school.value.partnership.id}, or a ${input.partnership} school.`,
    );
  }
  const record = await createCase(
    services.db,
    {
      partnership: input.partnership,
      conversationId: where.conversationId,
      meetingId: where.meetingId ?? null,
      student: input.student,
      schoolId: input.schoolId,
      section: input.section,
      flowId: services.flow.id,
      flowVersion: services.flow.version,
      ...(input.keyLinkEmail ? { keyLinkEmail: input.keyLinkEmail } : {}),
      fields: {
        student: input.student,
        schoolName: school.value.school.name,
        partnership: input.partnership,
        coordinatorName: who.name,
        ...(input.keyLinkName ? { keyLinkName: input.keyLinkName } : {}),
        ...(input.meetingType ? { meetingType: input.meetingType } : {}),
        ...(input.meetingDate ? { meetingDate: input.meetingDate } : {}),
      },
    },
    actorOf(who),
  );
  if (where.messageId) await setCardActivity(services.db, record.id, where.messageId);
  services.log.event('info', 'case.started', {
    caseId: record.id,
    section: record.section,
    partnership: record.partnership,
  });
  const shown = showCase(services, record);
  return { card: shown, shared: shown };
}

function answerValue(
  services: Services,
  record: CaseRecord,
  data: CardActionData<'case.answer'> & Record<string, unknown>,
): unknown {
  const question = services.flow.questions[data.question];
  if (question?.answer.kind !== 'checklist') return data.value;
  return Object.fromEntries(
    question.answer.items.map((item) => [item.id, data[`${CHECKLIST_INPUT_PREFIX}${item.id}`] === 'true']),
  );
}

async function answer(
  services: Services,
  who: Who,
  data: CardActionData<'case.answer'> & Record<string, unknown>,
): Promise<ActionOutcome> {
  const loaded = await loadCase(services, data.caseId);
  if (!loaded.ok) return loaded.error;
  if (!coordinates(services, who, loaded.value.partnership)) {
    return {
      card: showCase(
        services,
        loaded.value,
        refuse('Only the coordinator can answer the questions. You can follow the case here.'),
      ),
    };
  }
  const value = answerValue(services, loaded.value, data);
  const updated = await updateCase(services.db, data.caseId, actorOf(who), (record) => {
    const answered = answerCase(services.flow, record, data.question, value, services.textValues);
    return answered.ok ? ok({ record: answered.value.record, events: answered.value.events }) : answered;
  });
  if (!updated.ok) {
    const message =
      updated.error.reason === 'caseNotFound'
        ? 'This case no longer exists.'
        : 'message' in updated.error
          ? updated.error.message
          : 'That answer could not be recorded.';
    return { card: showCase(services, loaded.value, refuse(message)) };
  }
  services.log.event('info', 'case.answered', {
    caseId: data.caseId,
    question: data.question,
    outcome: updated.value.outcome,
  });
  const shown = showCase(services, updated.value);
  return { card: shown, shared: shown };
}

function changeCard(services: Services, record: CaseRecord, questionId: string) {
  const state = caseState(services.flow, record, services.textValues);
  if (!state.path.includes(questionId))
    return showCase(services, record, refuse('That question is not on this case’s path any more.'));
  // The same case card, asking the chosen question again; answering it recomputes everything after it.
  const asking = {
    ...state,
    status: 'asking' as const,
    next: questionId,
    path: state.path.slice(0, state.path.indexOf(questionId)),
  };
  const card = caseCard(record, asking, services.flow, {
    directory: services.directory,
    notice: { message: 'Change the answer: everything after it is worked out again.', tone: 'warning' },
  });
  card.actions = [execute('case.show', 'Cancel', { caseId: record.id }), ...(card.actions ?? [])];
  return card;
}

async function eligibleMembers(services: Services, record: CaseRecord, port: TeamsPort): Promise<Member[]> {
  const panel = services.roles.panels[record.partnership];
  if (panel && panel.length > 0)
    return panel.map((member) => ({ id: member.aadObjectId, name: member.name }));
  return port.members();
}

/** The options of a vote on `question`, or why it cannot be put to the panel now. */
function voteOptions(services: Services, record: CaseRecord, question: string): VoteOption[] | string {
  if (question === CORE_GROUP_DECISION) return [...coreGroupOptions];
  const definition = services.flow.questions[question];
  const state = caseState(services.flow, record, services.textValues);
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
  who: Who | undefined,
  own: string | null | undefined,
  notice?: Notice,
) {
  const viewer = {
    isCoordinator: who ? coordinates(services, who, record.partnership) : false,
    ...(who?.aadObjectId && vote.eligible.some((member) => member.id === who.aadObjectId)
      ? { memberId: who.aadObjectId, ownChoice: own }
      : {}),
  };
  return voteCard(vote, record, services.flow, viewer, notice);
}

/** The vote card as `who` sees it, with their own choice read from the store. */
async function personalView(
  services: Services,
  vote: VoteRecord,
  record: CaseRecord,
  who: Who,
  notice?: Notice,
) {
  const own = who.aadObjectId ? await ownChoice(services.db, vote.id, who.aadObjectId) : undefined;
  return viewVote(services, vote, record, who, own, notice);
}

/** A vote and its case, or the card that says which of them no longer exists. */
async function voteWithCase(
  services: Services,
  voteId: string,
): Promise<{ vote: VoteRecord; record: CaseRecord } | { gone: ActionOutcome }> {
  const vote = await getVote(services.db, voteId);
  if (!vote) return { gone: { card: messageCard('Vote not found', refuse('This vote no longer exists.')) } };
  const record = await getCase(services.db, vote.caseId);
  if (!record)
    return { gone: { card: messageCard('Case not found', refuse('This case no longer exists.')) } };
  return { vote, record };
}

async function open(
  services: Services,
  who: Who,
  where: Where,
  port: TeamsPort,
  data: CardActionData<'vote.open'>,
): Promise<ActionOutcome> {
  const loaded = await loadCase(services, data.caseId);
  if (!loaded.ok) return loaded.error;
  const record = loaded.value;
  if (!coordinates(services, who, record.partnership)) {
    return {
      card: showCase(services, record, refuse('Only the coordinator can put a question to the panel.')),
    };
  }
  const options = voteOptions(services, record, data.question);
  if (typeof options === 'string') return { card: showCase(services, record, refuse(options)) };
  const quorum = data.quorum === undefined ? null : Number.parseInt(data.quorum, 10);
  if (quorum !== null && (!Number.isInteger(quorum) || quorum < 1 || quorum > 500)) {
    return {
      card: showCase(services, record, refuse('Quorum: give a whole number of votes, or leave it empty.')),
    };
  }
  const eligible = await eligibleMembers(services, record, port);
  if (eligible.length === 0)
    return {
      card: showCase(
        services,
        record,
        refuse('Nobody here can vote: add the panel members to this chat, or configure the panel.'),
      ),
    };
  const opened = await openVote(
    services.db,
    {
      caseId: record.id,
      question: data.question,
      options,
      anonymous: data.anonymous === true || data.anonymous === 'true',
      quorum,
      eligible,
    },
    actorOf(who),
  );
  if (!opened.ok) return { card: showCase(services, record, refuse(opened.error.message)) };
  if (where.messageId) await setVoteCard(services.db, opened.value.id, where.messageId);
  services.log.event('info', 'vote.opened', {
    caseId: record.id,
    voteId: opened.value.id,
    eligible: eligible.length,
  });
  return {
    card: viewVote(services, opened.value, record, who, undefined),
    shared: viewVote(services, opened.value, record, undefined, undefined),
  };
}

async function cast(services: Services, who: Who, data: CardActionData<'vote.cast'>): Promise<ActionOutcome> {
  /** The vote card with a refusal, for the paths where no ballot was stored (rare, so loaded here). */
  const refusal = async (message: string): Promise<ActionOutcome> => {
    const found = await voteWithCase(services, data.voteId);
    if ('gone' in found) return found.gone;
    return { card: await personalView(services, found.vote, found.record, who, refuse(message)) };
  };
  if (isGuest(who)) return refusal('Guests and anonymous users cannot vote in panel decisions.');
  // The hot path of a vote burst: the ballot box checks and stores the ballot and returns the vote and its
  // case in one transaction shared with the ballots cast at the same moment, so nothing is loaded before it.
  const result = await services.ballots.cast(data.voteId, actorOf(who), data.choice);
  if (!result.ok) return refusal(result.error.message);
  const { vote, record, changed } = result.value;
  const thanks: Notice = {
    message: changed ? 'Your vote is counted.' : 'Your vote was already counted.',
    tone: 'good',
  };
  services.log.event('info', 'vote.cast', { voteId: vote.id, changed });
  return {
    card: viewVote(services, vote, record, who, vote.anonymous ? null : data.choice, thanks),
    shared: viewVote(services, vote, record, undefined, undefined),
    sharedInBackground: true,
  };
}

async function refresh(
  services: Services,
  who: Who,
  data: CardActionData<'vote.refresh'>,
): Promise<ActionOutcome> {
  const found = await voteWithCase(services, data.voteId);
  if ('gone' in found) return found.gone;
  const { vote, record } = found;
  if (vote.status === 'closed') return { card: showCase(services, record) };
  return { card: await personalView(services, vote, record, who) };
}

async function close(
  services: Services,
  who: Who,
  data: CardActionData<'vote.close'>,
): Promise<ActionOutcome> {
  const found = await voteWithCase(services, data.voteId);
  if ('gone' in found) return found.gone;
  const { vote, record } = found;
  if (!coordinates(services, who, record.partnership))
    return {
      card: await personalView(
        services,
        vote,
        record,
        who,
        refuse('Only the coordinator can close the vote.'),
      ),
    };
  const apply: ApplyVoteResult = (current, opened, decision) => {
    if (opened.question === CORE_GROUP_DECISION) return ok({ record: current, events: [] });
    const question = services.flow.questions[opened.question];
    const value = question?.answer.kind === 'yesNo' ? decision.result === 'yes' : decision.result;
    const answered = answerCase(
      services.flow,
      current,
      opened.question,
      value,
      services.textValues,
      opened.id,
    );
    return answered.ok
      ? ok({ record: answered.value.record, events: answered.value.events })
      : fail({ reason: answered.error.reason, message: answered.error.message });
  };
  const closed = await closeVote(services.db, vote.id, actorOf(who), apply, data.casting);
  if (!closed.ok) {
    if (closed.error.reason === 'tie' && 'tied' in closed.error && closed.error.tied) {
      return { card: castingDecisionCard(vote, record, services.flow, closed.error.tied) };
    }
    return { card: viewVote(services, vote, record, who, undefined, refuse(closed.error.message)) };
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

async function history(services: Services, who: Who, caseId: string): Promise<ActionOutcome> {
  const loaded = await loadCase(services, caseId);
  if (!loaded.ok) return loaded.error;
  if (!coordinates(services, who, loaded.value.partnership)) {
    return {
      card: showCase(services, loaded.value, refuse('Only the coordinator can see a case’s history.')),
    };
  }
  const entries = await caseHistory(services.db, caseId);
  const lines = entries.map((entry) => ({
    at: entry.at,
    actorName: entry.actorName,
    text: describeEvent(services.flow, entry),
    flowVersion: entry.flowVersion,
  }));
  return { card: historyCard(loaded.value, lines) };
}

export async function listCases(services: Services, who: Who, where: Where): Promise<ActionOutcome> {
  if (!coordinates(services, who))
    return { card: withNotice(welcomeCard(), refuse('Only coordinators can list the cases.')) };
  const cases = await casesOfConversation(services.db, where.conversationId);
  const summaries = cases.map((record) => ({
    record,
    state: caseState(services.flow, record, services.textValues),
  }));
  return { card: caseListCard(summaries, services.flow, services.directory) };
}

export async function startForm(services: Services, who: Who, port: TeamsPort): Promise<ActionOutcome> {
  if (!coordinates(services, who))
    return {
      card: withNotice(
        welcomeCard(),
        refuse('Only coordinators can start a case. You will see the cases here as they are run.'),
      ),
    };
  return { card: newCaseCard(services.directory, services.flow, await newCaseDefaults(services, who, port)) };
}

function withNotice(base: ReturnType<typeof welcomeCard>, notice: Notice) {
  base.body.splice(1, 0, noticeBlock(notice.message, notice.tone));
  return base;
}

export async function handleCardAction(
  services: Services,
  who: Who,
  where: Where,
  port: TeamsPort,
  action: CardAction,
): Promise<ActionOutcome> {
  switch (action.verb) {
    case 'case.new':
      return startForm(services, who, port);
    case 'case.start':
      return startCase(services, who, where, action.data);
    case 'case.answer':
      return answer(services, who, action.data);
    case 'case.change': {
      const loaded = await loadCase(services, action.data.caseId);
      if (!loaded.ok) return loaded.error;
      if (!coordinates(services, who, loaded.value.partnership)) {
        return {
          card: showCase(services, loaded.value, refuse('Only the coordinator can change an answer.')),
        };
      }
      return { card: changeCard(services, loaded.value, action.data.question) };
    }
    case 'case.show': {
      const loaded = await loadCase(services, action.data.caseId);
      return loaded.ok ? { card: showCase(services, loaded.value) } : loaded.error;
    }
    case 'case.history':
      return history(services, who, action.data.caseId);
    case 'case.list':
      return listCases(services, who, where);
    case 'vote.open':
      return open(services, who, where, port, action.data);
    case 'vote.cast':
      return cast(services, who, action.data);
    case 'vote.close':
      return close(services, who, action.data);
    case 'vote.refresh':
      return refresh(services, who, action.data);
  }
}

/** A short card for text commands that are not understood. */
export function helpCard() {
  return withNotice(welcomeCard(), {
    message: 'I did not recognise that. Here is what I can do:',
    tone: 'warning',
  });
}

export { text };
