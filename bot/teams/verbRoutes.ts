import type { CardActionData, CardVerb } from '../../src/cards/actions.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import type { VoteRecord } from '../store/votes.ts';
import { showCase, type Acting } from './acting.ts';
import type { ActionOutcome } from './services.ts';
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

/**
 * Which handler each card verb runs, and how the dispatcher (dispatch.ts) guards it: what the verb acts on
 * (nothing, a case, a vote, or a ballot the ballot box checks itself), the permission of the policy
 * (src/auth/policy.ts) asked about it, and what a refused person is told. Adding a verb is an entry here and its
 * handler in verbs/.
 */

type CasePermission = 'seeCase' | 'runCase' | 'seeCaseRecord' | 'writeActionPlan';
type VotePermission = 'seeVote' | 'castVote' | 'manageVote';

/** How each verb is guarded: the permission and what it is asked about, and what it says when refused. */
export type VerbRoute<V extends CardVerb> =
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
      /** The verb changes the vote's case (closing answers its question), so a withdrawn case refuses it. */
      runsTheCase?: true;
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
    runsTheCase: true,
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
