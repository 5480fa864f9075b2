import {
  CHECKLIST_INPUT_PREFIX,
  cardActionSchemas,
  cardVerbs,
  type CardAction,
  type CardActionData,
  type CardVerb,
} from '../../src/cards/actions.ts';
import { notice as noticeBlock } from '../../src/cards/adaptive.ts';
import { welcomeCard, type Notice } from '../../src/cards/caseCards.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { permissions, type Verdict } from '../../src/auth/policy.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import { firstProblemText } from '../../src/text/problems.ts';
import { didYouMean } from '../../src/text/suggest.ts';
import { personOf } from '../people.ts';
import { getCase } from '../store/cases.ts';
import type { VoteRecord } from '../store/votes.ts';
import { caseNotFound, onlyItsChat, refuse, showCase, voteNotFound, type Acting } from './acting.ts';
import { caseFacts, concealed, personIn, refusalFor, voteFacts, voteWithCase } from './guard.ts';
import type { ActionOutcome, Services, TeamsPort, Where, Who } from './services.ts';
import { answer } from './verbs/caseAnswer.ts';
import { changeAnswer } from './verbs/caseChange.ts';
import { history } from './verbs/caseHistory.ts';
import { listCases } from './verbs/caseList.ts';
import { startForm } from './verbs/caseNew.ts';
import { startCase } from './verbs/caseStart.ts';
import { withdraw } from './verbs/caseWithdraw.ts';
import { editPlan, finishForum, reviewForm, savePlanVerb, saveReview } from './verbs/plan.ts';
import { cast } from './verbs/voteCast.ts';
import { close } from './verbs/voteClose.ts';
import { open } from './verbs/voteOpen.ts';
import { declare } from './verbs/voteRecuse.ts';
import { refresh } from './verbs/voteRefresh.ts';
import { personalView } from './voteView.ts';

/**
 * Routes each card action to its verb's handler, independent of how Teams delivers it (an Action.Execute invoke
 * or an Action.Submit message). The card's data is checked against the verb's schema once, here; every verb
 * names the permission of the policy (src/auth/policy.ts) that guards it and what it acts on, which this loads
 * before asking the policy, and the handler runs only when allowed. A refused click gets a polite refusal on the
 * card; a concealed one gets exactly the card a missing case or vote gets.
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
    return fail({
      reason: 'invalidData',
      message: `This card is out of date or damaged (${firstProblemText(parsed.error, 'data')}). Please open the case again.`,
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
      /** The verb changes the case, so a withdrawn case refuses it (it is kept to be seen, never run again). */
      runsTheCase?: true;
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

const COORDINATORS_START = 'Only coordinators can start a case. You will see the cases here as they are run.';
const COORDINATOR_WRITES_PLAN =
  'Only the coordinator can write the action plan. You will see its summary on the case.';
const COORDINATOR_REVIEWS_PLAN = 'Only the coordinator can review the action plan.';

/** Every card verb and its guard, one entry each: a verb without an entry does not compile. */
export const verbRoutes: { [V in CardVerb]: VerbRoute<V> } = {
  'case.new': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: COORDINATORS_START,
    run: startForm,
  },
  'case.start': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: COORDINATORS_START,
    run: startCase,
  },
  'case.list': {
    on: 'nothing',
    permission: 'useCoordinatorTools',
    refusal: 'Only coordinators can list the cases.',
    run: listCases,
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
    runsTheCase: true,
    run: answer,
  },
  'case.change': {
    on: 'case',
    permission: 'runCase',
    refusal: 'Only the coordinator can change an answer.',
    runsTheCase: true,
    run: changeAnswer,
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
    refusal: COORDINATOR_WRITES_PLAN,
    runsTheCase: true,
    run: editPlan,
  },
  'plan.save': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: COORDINATOR_WRITES_PLAN,
    runsTheCase: true,
    run: savePlanVerb,
  },
  'plan.review': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: COORDINATOR_REVIEWS_PLAN,
    runsTheCase: true,
    run: (acting, _data, record) => reviewForm(acting, record),
  },
  'plan.reviewSave': {
    on: 'case',
    permission: 'writeActionPlan',
    refusal: COORDINATOR_REVIEWS_PLAN,
    runsTheCase: true,
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
    runsTheCase: true,
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
    if (record.withdrawnAt && route.runsTheCase)
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

function withNotice(base: ReturnType<typeof welcomeCard>, notice: Notice) {
  base.body.splice(1, 0, noticeBlock(notice.message, notice.tone));
  return base;
}

/** A short card for text commands that are not understood. */
export function helpCard() {
  return withNotice(welcomeCard(), {
    message: 'I did not recognise that. Here is what I can do:',
    tone: 'warning',
  });
}
