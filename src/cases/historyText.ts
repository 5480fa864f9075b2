import { formatIsoDate } from '../text/dates.ts';
import { md } from '../cards/adaptive.ts';
import { answerLabel, type AnswerValue } from '../flow/answers.ts';
import type { FlowDefinition } from '../flow/definition.ts';
import { emailTemplates, type TemplateId } from '../templates/emailTemplates.ts';
import { coreGroupOptions, recusalReasons, yesNoOptions, type RecusalReason } from '../votes/vote.ts';
import type { CaseEvent } from './case.ts';
import {
  actionProgressLabels,
  reviewOutcomeLabels,
  type ActionProgress,
  type ReviewOutcome,
} from '../plans/actionPlan.ts';

/** One line of a case's history in words, for the history card. */
export function describeEvent(
  flow: FlowDefinition,
  event: { kind: CaseEvent['kind']; detail: Record<string, unknown> },
): string {
  const detail = event.detail;
  const prompt = (id: unknown) =>
    id === 'coreGroupDecision'
      ? 'the Core Group decision'
      : `“${flow.questions[String(id)]?.prompt ?? String(id)}”`;
  const option = (id: unknown) =>
    [...yesNoOptions, ...coreGroupOptions].find((candidate) => candidate.id === id)?.label ?? String(id);
  const answer = (question: unknown, value: unknown): string => {
    const definition = flow.questions[String(question)];
    if (definition) return answerLabel(definition, value as AnswerValue);
    return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  };
  switch (event.kind) {
    case 'created':
      return `Started the case: section ${String(detail.section)}, ${String(detail.partnership)}.`;
    case 'answered': {
      const previous =
        detail.previous === null || detail.previous === undefined
          ? ''
          : ` (was: ${answer(detail.question, detail.previous)})`;
      const how = detail.byVote
        ? ', by the panel’s vote'
        : detail.fromDirectory
          ? ', from the directory'
          : '';
      return `Answered ${prompt(detail.question)}: ${answer(detail.question, detail.answer)}${previous}${how}.`;
    }
    case 'decided':
      return detail.outcome
        ? `Outcome: ${flow.outcomes[String(detail.outcome)]?.label ?? String(detail.outcome)}.`
        : 'The outcome was withdrawn while an answer changed.';
    case 'voteOpened':
      return `Put ${prompt(detail.question)} to the panel (${String(detail.eligible)} eligible${detail.anonymous ? ', anonymous' : ''}${detail.quorum ? `, quorum ${String(detail.quorum)}` : ''}).`;
    case 'voteCast':
      return detail.choice === undefined ? 'Voted.' : `Voted: ${option(detail.choice)}.`;
    case 'recused':
      // The name is shown as stored: a card's markdown never makes it a link.
      return `${md(String(detail.memberName))} recused: ${recusalReasons[detail.reason as RecusalReason]}${detail.ballotWithdrawn ? ' (their vote was withdrawn)' : ''}.`;
    case 'voteClosed': {
      const tally = Object.entries((detail.tally ?? {}) as Record<string, number>)
        .map(([id, count]) => `${option(id)} ${count}`)
        .join(', ');
      return `Closed the vote: ${option(detail.result)} (${tally})${detail.castingDecision ? ', settled by the coordinator’s casting decision' : ''}.`;
    }
    case 'withdrawn':
      return 'Withdrew the case: it was started in error. It is kept here, and no longer run.';
    case 'emailDrafted':
      return `Drafted ${emailTemplates[detail.template as TemplateId]?.title ?? String(detail.template)}.`;
    case 'planSaved':
      return detail.newVersion
        ? `Wrote version ${String(detail.version)} of the action plan: ${String(detail.actions)} actions, review ${formatIsoDate(String(detail.reviewDate))}.`
        : `Changed the action plan (version ${String(detail.version)}): ${String(detail.actions)} actions, review ${formatIsoDate(String(detail.reviewDate))}.`;
    case 'planReviewed': {
      const progress = ((detail.actions ?? []) as { progress: ActionProgress }[])
        .map((action, index) => `action ${index + 1} ${actionProgressLabels[action.progress].toLowerCase()}`)
        .join(', ');
      return `Reviewed version ${String(detail.version)} of the action plan${progress ? ` (${progress})` : ''}: ${reviewOutcomeLabels[detail.outcome as ReviewOutcome] ?? String(detail.outcome)}.`;
    }
    case 'legalHold':
      return `Put the case on legal hold: it is kept past the retention period (${String(detail.reason)}).`;
    case 'legalHoldReleased':
      return 'Released the legal hold: the case is kept for the retention period as any other.';
    case 'coreGroupWithoutReview':
      return 'Put the case to the Core Group although its action plan has not been reviewed.';
  }
}
