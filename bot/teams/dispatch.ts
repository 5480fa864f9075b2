import {
  CHECKLIST_INPUT_PREFIX,
  cardActionSchemas,
  cardVerbs,
  type CardAction,
  type CardVerb,
} from '../../src/cards/actions.ts';
import { notice as noticeBlock } from '../../src/cards/adaptive.ts';
import { welcomeCard, type Notice } from '../../src/cards/caseCards.ts';
import { permissions, type Verdict } from '../../src/auth/policy.ts';
import { fail, ok, type Result } from '../../src/result.ts';
import { firstProblemText } from '../../src/text/problems.ts';
import { didYouMean } from '../../src/text/suggest.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import { personOf } from '../people.ts';
import { getCase } from '../store/cases.ts';
import { caseNotFound, onlyItsChat, refuse, showCase, voteNotFound, type Acting } from './acting.ts';
import { caseFacts, concealed, personIn, refusalFor, voteFacts, voteWithCase } from './guard.ts';
import type { ActionOutcome, Services, TeamsPort, Where, Who } from './services.ts';
import { verbRoutes, type VerbRoute } from './verbRoutes.ts';
import { personalView } from './voteView.ts';

/**
 * Routes each card action to its verb's handler, independent of how Teams delivers it (an Action.Execute invoke
 * or an Action.Submit message). The card's data is checked against the verb's schema once, here; every verb
 * names (in verbRoutes.ts) the permission of the policy that guards it and what it acts on, which this loads
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
    if (record.withdrawnAt && route.runsTheCase) return withdrawn(services, record);
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
  // A vote left open when its case was withdrawn decides nothing: closing it would answer the withdrawn case.
  if (found.record.withdrawnAt && route.runsTheCase) return withdrawn(services, found.record);
  return onlyItsChat(
    await route.run(acting, data, found.vote, found.record),
    found.record,
    where,
    found.vote,
  );
}

/** A withdrawn case is kept to be seen, never run again. */
const withdrawn = (services: Services, record: CaseRecord): ActionOutcome => ({
  card: showCase(services, record, refuse('This case was withdrawn: it is no longer run.')),
});

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
