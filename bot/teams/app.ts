import { App } from '@microsoft/teams.apps';
import { Client, type CloudEnvironment, type TokenCredentials } from '@microsoft/teams.api';
import { execute, type AdaptiveCard } from '../../src/cards/adaptive.ts';
import { toReviewBlock } from '../../src/cards/forumCards.ts';
import { casesToReview } from '../store/actionPlans.ts';
import { caseSummary, messageCard, today } from './acting.ts';
import { forumSummary } from './verbs/plan.ts';
import { caseListCard, welcomeCard } from '../../src/cards/caseCards.ts';
import { casesOfConversation, setCardActivity } from '../store/cases.ts';
import { chatMembers } from '../store/chatMembers.ts';
import { coordinatedBy } from '../../src/settings/settings.ts';
import type { BotConfig } from '../config.ts';
import type { NodeHttpAdapter } from '../http/server.ts';
import { StoreUnavailableError } from '../store/database.ts';
import type { Member } from '../store/votes.ts';
import { handleCardAction, helpCard, parseCardAction } from './dispatch.ts';
import { personIn } from './guard.ts';
import { permissions } from '../../src/auth/policy.ts';
import type { CardAction } from '../../src/cards/actions.ts';
import { activitySchema, tenantOf } from './activity.ts';
import type { ActionOutcome, Services, TeamsPort, Where, Who } from './services.ts';
import { createSharedCards } from './sharedCards.ts';
import { firstProblemText } from '../../src/text/problems.ts';

/**
 * The Teams side of the bot: the SDK receives and authenticates activities; this maps them onto the action
 * handlers and sends their cards back, updating the clicked message in place so a meeting chat does not fill
 * with cards.
 */

export interface BotOptions {
  /** Overrides for tests: a local token issuer and key set, and a fixed outgoing token. */
  cloud?: CloudEnvironment;
  token?: TokenCredentials['token'];
}

const attachment = (card: AdaptiveCard) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: card,
});
const cardMessage = (card: AdaptiveCard) => ({ type: 'message' as const, attachments: [attachment(card)] });

interface ActivityLike {
  from: { id: string; name?: string; aadObjectId?: string };
  conversation: { id: string; conversationType?: unknown };
  serviceUrl?: string;
  channelData?: { meeting?: { id?: string } };
  replyToId?: string;
}

function whoOf(activity: ActivityLike): Who {
  return {
    mri: activity.from.id,
    name: activity.from.name?.trim() || 'Someone',
    ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
  };
}

function whereOf(activity: ActivityLike): Where {
  const meetingId = activity.channelData?.meeting?.id;
  return {
    conversationId: activity.conversation.id,
    ...(meetingId ? { meetingId } : {}),
    ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
  };
}

export function createBot(
  services: Services,
  config: BotConfig,
  adapter: NodeHttpAdapter,
  options: BotOptions = {},
) {
  const { log } = services;
  const app = new App({
    httpServerAdapter: adapter,
    logger: log.sdk,
    activity: { mentions: { stripText: true } },
    ...(config.auth.kind === 'entra'
      ? {
          clientId: config.auth.clientId,
          tenantId: config.auth.tenantId,
          ...(config.auth.clientSecret ? { clientSecret: config.auth.clientSecret } : {}),
          ...(config.auth.managedIdentityClientId
            ? { managedIdentityClientId: config.auth.managedIdentityClientId }
            : {}),
          dangerouslyAllowUnauthenticatedRequests: false,
        }
      : { dangerouslyAllowUnauthenticatedRequests: true }),
    // Always given, so the SDK never reads CLOUD from the environment behind the configuration's back.
    cloud: options.cloud ?? config.cloud,
    ...(options.token ? { token: options.token } : {}),
  });

  // The roster asks Teams about someone it has not seen in a chat, as the bot, at the chat's service URL.
  services.roster.connect(async (serviceUrl, conversationId, memberId) => {
    const member = await new Client(serviceUrl, app.api.http).conversations
      .members(conversationId)
      .getById(memberId);
    return {
      name: member.name ?? 'Member',
      teamsId: member.id,
      ...(member.userRole ? { userRole: member.userRole } : {}),
      ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
    };
  });

  /** Notes the chat an activity came from (once per chat and process), so the API can ask Teams about it. */
  async function noteChat(activity: ActivityLike) {
    if (activity.serviceUrl) await services.roster.sawChat(activity.conversation.id, activity.serviceUrl);
  }

  // Every Teams request is checked at the boundary: its shape, then its tenant, before the SDK sees it.
  adapter.guard('POST', '/api/messages', (request) => {
    const parsed = activitySchema.safeParse(request.body);
    if (!parsed.success)
      return {
        status: 400,
        body: { error: `Not a Teams activity: ${firstProblemText(parsed.error, 'body')}` },
      };
    const tenant = tenantOf(parsed.data);
    if (config.allowedTenantIds.length > 0 && (!tenant || !config.allowedTenantIds.includes(tenant))) {
      log.event('warn', 'teams.tenantRefused', { tenantKnown: tenant !== undefined });
      return {
        status: 403,
        body: { error: 'This organisation is not allowed to use the Inclusion Partnerships bot.' },
      };
    }
    return undefined;
  });

  function portFor(api: App['api'], activity: ActivityLike): TeamsPort {
    return {
      async members(): Promise<Member[]> {
        // The paged member list (the unpaged one is deprecated): every page, up to Teams' 500 a page.
        const members = [];
        let continuationToken: string | undefined;
        do {
          const page = await api.conversations.getPagedMembers(
            activity.conversation.id,
            500,
            continuationToken,
          );
          members.push(...page.members);
          continuationToken = page.continuationToken;
        } while (continuationToken);
        return members
          .filter(
            (member) =>
              member.aadObjectId &&
              !member.id.startsWith('28:') &&
              member.userRole !== 'guest' &&
              member.userRole !== 'anonymous',
          )
          .map((member) => ({
            id: member.aadObjectId as string,
            name: member.name ?? 'Member',
            mri: member.id,
          }));
      },
      async meeting() {
        const meetingId = activity.channelData?.meeting?.id;
        if (!meetingId) return undefined;
        const info = await api.meetings.getById(meetingId);
        const start = info.details?.scheduledStartTime;
        return {
          ...(start ? { start: new Date(start) } : {}),
          ...(info.details?.title ? { title: info.details.title } : {}),
        };
      },
    };
  }

  /** Logs a failure by its kind, never its details; true when the store could not be reached. */
  function logFailure(error: unknown, what: string): boolean {
    if (error instanceof StoreUnavailableError) {
      log.event('error', 'store.unavailable', { action: what });
      return true;
    }
    log.event('error', 'action.failed', {
      action: what,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return false;
  }

  /** The card that tells the person their action failed and nothing was changed. */
  function failureCard(error: unknown, what: string): AdaptiveCard {
    return logFailure(error, what)
      ? messageCard('Please try again in a minute', {
          message: 'The case store cannot be reached just now, so nothing was changed.',
          tone: 'attention',
        })
      : messageCard('Something went wrong', {
          message: 'That did not work and nothing was changed. Please try again.',
          tone: 'attention',
        });
  }

  /** Runs a handler, turning a store outage or an unexpected failure into a card that says so. */
  async function safely(run: () => Promise<ActionOutcome>, what: string): Promise<ActionOutcome> {
    try {
      return await run();
    } catch (error) {
      return { card: failureCard(error, what) };
    }
  }

  const sharedCards = createSharedCards();
  /** Puts an action's shared card in the chat: over the case's own card, or as its first one. */
  async function updateShared(api: App['api'], where: Where, outcome: ActionOutcome) {
    const card = outcome.shared;
    const { conversationId } = where;
    if (!card) return;
    const messageId = outcome.sharedTo ? outcome.sharedTo.messageId : where.messageId;
    if (!messageId) {
      if (!outcome.sharedTo) return;
      try {
        const posted = await api.conversations.activities(conversationId).create(cardMessage(card));
        await setCardActivity(services.db, outcome.sharedTo.caseId, posted.id);
      } catch (error) {
        log.event('warn', 'teams.postFailed', { error: error instanceof Error ? error.name : 'unknown' });
      }
      return;
    }
    await sharedCards.update(conversationId, messageId, card, async (latest) => {
      try {
        await api.conversations.activities(conversationId).update(messageId, cardMessage(latest));
      } catch (error) {
        log.event('warn', 'teams.updateFailed', { error: error instanceof Error ? error.name : 'unknown' });
      }
    });
  }

  /** One card action, however it arrived: validated, run, and any refusal or failure as a card. */
  async function runCardAction(
    api: App['api'],
    activity: ActivityLike,
    verb: unknown,
    data: unknown,
  ): Promise<ActionOutcome> {
    const parsed = parseCardAction(verb, data);
    if (!parsed.ok)
      return {
        card: messageCard('This card is out of date', { message: parsed.error.message, tone: 'attention' }),
      };
    return runAction(api, activity, parsed.value);
  }

  function runAction(api: App['api'], activity: ActivityLike, action: CardAction): Promise<ActionOutcome> {
    return safely(async () => {
      await noteChat(activity);
      return handleCardAction(services, whoOf(activity), whereOf(activity), portFor(api, activity), action);
    }, action.verb);
  }

  /**
   * Sends the clicker's own card to them alone: in a group chat or meeting as a targeted message (shown to that
   * person only); in a personal chat, as a message. It never replaces or joins the shared card.
   */
  async function sendPrivately(
    activity: ActivityLike,
    send: (activity: never) => Promise<unknown>,
    card: AdaptiveCard,
  ) {
    const personal = activity.conversation.conversationType === 'personal';
    try {
      await send({
        ...cardMessage(card),
        ...(personal ? {} : { recipient: { ...activity.from, role: 'user', isTargeted: true } }),
      } as never);
    } catch (error) {
      // Teams could not deliver it to them alone: say so to the chat without saying anything of the case.
      log.event('warn', 'teams.privateReplyFailed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      await send(
        cardMessage(
          messageCard('Open this in Teams on the desktop or the web', {
            message:
              'That view is only for the person who asked, and this Teams client cannot show it privately.',
            tone: 'warning',
          }),
        ) as never,
      );
    }
  }

  // Universal Actions (Action.Execute): the answer card goes back in the invoke response.
  app.on('card.action', async ({ activity, api }) => {
    const value = activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
    const where = whereOf(activity);
    const outcome = await runCardAction(api, activity, value?.action?.verb, value?.action?.data);
    if (outcome.sharedInBackground) void updateShared(api, where, outcome);
    else await updateShared(api, where, outcome);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: outcome.card as never };
  });

  // Messages: text commands, and Action.Submit from clients without Universal Actions (the card's fallback).
  app.on('message', async ({ activity, api, send }) => {
    await noteChat(activity);
    const where = whereOf(activity);
    const submitted = activity.value as { verb?: unknown } | undefined;
    if (submitted && typeof submitted === 'object' && 'verb' in submitted) {
      const { verb, ...data } = submitted;
      const outcome = await runCardAction(api, activity, verb, data);
      // The shared card is updated with the shared view only; the clicker's own view goes to them alone.
      if (outcome.shared) await updateShared(api, where, outcome);
      if (outcome.card !== outcome.shared) await sendPrivately(activity, send, outcome.card);
      return;
    }
    const command = (activity.text ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^a-z ]/g, '');
    const asked = /^(start|new|start a case|new case)$/.test(command)
      ? ({ verb: 'case.new', data: {} } as const)
      : /^(cases|list|list cases)$/.test(command)
        ? ({ verb: 'case.list', data: {} } as const)
        : undefined;
    if (asked) return sendPrivately(activity, send, (await runAction(api, activity, asked)).card);
    if (/^(agenda|start the forum)$/.test(command)) {
      // Posting the agenda to the chat is a coordinator's to do, as when they start the meeting.
      const person = await personIn(services, whoOf(activity), where);
      if (permissions.useCoordinatorTools(person) !== 'allow') {
        log.event('info', 'policy.refused', { action: 'agenda', verdict: 'refuse' });
        const notice = { message: 'Only coordinators can post the agenda.', tone: 'attention' } as const;
        return sendPrivately(activity, send, messageCard('Today’s agenda', notice));
      }
      const card = await agendaCard(activity.conversation.id);
      const none = { message: 'No cases have been added for this meeting yet.', tone: 'warning' } as const;
      await send(cardMessage(card ?? messageCard('Today’s agenda', none)));
      return;
    }
    await send(cardMessage(/^(help|hello|hi|)$/.test(command) ? welcomeCard() : helpCard()));
  });

  /**
   * The agenda: the cases added for this chat's meeting (from the side panel or the chat), only those of
   * partnerships whose coordinators are in the chat, so a case put in the wrong chat stays out of its agenda.
   * Posted when the meeting starts, and on the `agenda` command.
   */
  /** The partnerships whose coordinators are members of the chat. */
  async function partnershipsPresent(conversationId: string) {
    return new Set(
      (await chatMembers(services.db, conversationId))
        .filter((member) => member.standing === 'member')
        .flatMap((member) => coordinatedBy(services.settings.settings, member.id)),
    );
  }

  async function agendaCard(conversationId: string): Promise<AdaptiveCard | undefined> {
    const present = await partnershipsPresent(conversationId);
    const cases = (await casesOfConversation(services.db, conversationId)).filter(
      (record) => present.has(record.partnership) && !record.withdrawnAt,
    );
    // Plans due for review come to the partnership's next forum, wherever they were written.
    const toReview = (await casesToReview(services.db, [...present], today())).filter(
      (record) => !cases.some((onAgenda) => onAgenda.id === record.id),
    );
    if (cases.length === 0 && toReview.length === 0) return undefined;
    const summaries = cases.map((record) => caseSummary(services, record));
    log.event('info', 'meeting.agendaPosted', { cases: cases.length, toReview: toReview.length });
    const agenda = caseListCard(summaries, { title: 'Today’s agenda' });
    agenda.body.push(...toReviewBlock(toReview));
    agenda.actions = [...(agenda.actions ?? []), execute('forum.finish', 'Finish the forum')];
    return agenda;
  }

  // When the meeting starts, the agenda. Teams sends meetingStart only for scheduled meetings (not Meet now or
  // a channel meeting), and only with the OnlineMeeting.ReadBasic.Chat consent; otherwise `agenda` posts it.
  app.on('meetingStart', async ({ activity, send }) => {
    try {
      await noteChat(activity);
      const card = await agendaCard(activity.conversation.id);
      if (card) await send(cardMessage(card));
    } catch (error) {
      // Nobody clicked anything, so there is no card to answer with: the failure is logged only.
      logFailure(error, 'meetingStart');
    }
  });

  // When the meeting ends, the forum's summary: each case, its outcome and plan, and the emails still to draft.
  app.on('meetingEnd', async ({ activity, send }) => {
    try {
      const present = await partnershipsPresent(activity.conversation.id);
      const { card, items } = await forumSummary(services, activity.conversation.id, (record) =>
        present.has(record.partnership),
      );
      if (items.length > 0) await send(cardMessage(card));
      log.event('info', 'forum.finished', { cases: items.length });
    } catch (error) {
      logFailure(error, 'meetingEnd');
    }
  });

  // Installed in a chat, meeting or team: say what the bot does, with a "Start a case" button.
  app.on('conversationUpdate', async ({ activity, send }) => {
    await noteChat(activity);
    // Someone who leaves the chat stops seeing its cases at once.
    // Teams names who left by Teams id, and usually by object id too: either is enough.
    const removed = (activity.membersRemoved ?? []).flatMap((member) => [
      member.id,
      ...(member.aadObjectId ? [member.aadObjectId] : []),
    ]);
    if (removed.length > 0) await services.roster.forget(activity.conversation.id, removed);
    const added = activity.membersAdded ?? [];
    if (added.some((member) => member.id === activity.recipient.id)) await send(cardMessage(welcomeCard()));
  });

  return app;
}
