import type { CaseRecord } from '../../../src/cases/case.ts';
import type { VoteRecord } from '../../store/votes.ts';
import { showCase, type Acting } from '../acting.ts';
import type { ActionOutcome } from '../services.ts';
import { personalView } from '../voteView.ts';

/** `vote.refresh`: the vote's card as it stands for this person; once closed, the case's card with its answer. */
export async function refresh(acting: Acting, vote: VoteRecord, record: CaseRecord): Promise<ActionOutcome> {
  if (vote.status === 'closed') return { card: showCase(acting.services, record) };
  return { card: await personalView(acting, vote, record) };
}
