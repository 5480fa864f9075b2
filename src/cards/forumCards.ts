import { formatIsoDate } from '../text/dates.ts';
import { studentLabel, type CaseRecord } from '../cases/case.ts';
import {
  bullets,
  card,
  execute,
  heading,
  listRow,
  md,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive.ts';

/**
 * The Inclusion Forum's own cards: the cases whose action plans are due for review (on the agenda, "To review"),
 * and the summary posted when the forum ends.
 */

export interface ForumSummaryItem {
  student: string;
  schoolName: string;
  /** The outcome's label, or null while the flow is not finished. */
  outcome: string | null;
  /** The plan's summary ("3 actions, review 15 January 2027"), or null without one. */
  plan: string | null;
  /** The titles of the emails still to draft. */
  emailsToDraft: string[];
}

export function forumSummaryCard(items: readonly ForumSummaryItem[]): AdaptiveCard {
  const body: CardElement[] = [heading('Forum summary')];
  if (items.length === 0) body.push(text('No cases were discussed in this meeting.'));
  for (const item of items) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`**${md(item.student)}** · ${md(item.schoolName)}`),
        text(item.outcome ? `Outcome: ${item.outcome}` : 'Outcome: not decided yet', { spacing: 'None' }),
        text(item.plan ? `Action plan: ${item.plan}` : 'Action plan: not written yet', { spacing: 'None' }),
        item.emailsToDraft.length > 0
          ? bullets(item.emailsToDraft.map((title) => `To draft: ${title}`))
          : text('Every email drafted.', { isSubtle: true, spacing: 'None' }),
      ],
    });
  }
  body.push(
    text(
      'Draft the emails in Outlook with the Inclusion Partnerships add-in: it fills them from each case.',
      {
        isSubtle: true,
      },
    ),
  );
  return card(body, [execute('case.list', 'Cases in this meeting')]);
}

/** The agenda's "To review" part: cases whose plan's review date has come, each with its review button. */
export function toReviewBlock(records: readonly CaseRecord[]): CardElement[] {
  if (records.length === 0) return [];
  return [
    subheading('To review'),
    ...records.map((record) =>
      listRow(
        [
          text(`**${md(studentLabel(record))}** · ${md(record.fields.schoolName ?? record.schoolId)}`),
          text(`Action plan due for review on ${formatIsoDate(record.plan?.plan.reviewDate ?? '')}`, {
            isSubtle: true,
            spacing: 'None',
          }),
        ],
        execute('plan.review', 'Review', { caseId: record.id }),
      ),
    ),
  ];
}
