import type { CaseRecord } from '../../src/cases/case.ts';
import type { PartnershipId } from '../../src/templates/fields.ts';
import { toRecord, type CaseRow } from './cases.ts';
import type { Queryable } from './database.ts';

/** What a meeting chat's case list shows: its open cases, its decided (or withdrawn) ones, and how many more. */
export interface ChatCases {
  /** Not decided and not withdrawn, newest first. */
  open: CaseRecord[];
  /** Decided or withdrawn, newest first. */
  closed: CaseRecord[];
  /** The chat's older cases of these partnerships that are not in either list. */
  notShown: number;
}

const OPEN = '(outcome IS NULL AND withdrawn_at IS NULL)';

/**
 * A chat's cases of these partnerships, at most `bound` open and `bound` closed ones, newest first. A recurring
 * meeting's chat keeps every case it ever started, so only what is shown is read (from cases_by_conversation).
 */
export async function casesOfChat(
  db: Queryable,
  conversationId: string,
  partnerships: readonly PartnershipId[],
  bound: number,
): Promise<ChatCases> {
  if (partnerships.length === 0) return { open: [], closed: [], notShown: 0 };
  const newest = (which: string) =>
    `(SELECT *, ${OPEN} AS is_open FROM cases
       WHERE conversation_id = $1 AND partnership = ANY($2::text[]) AND ${which}
       ORDER BY created_at DESC, id DESC LIMIT $3)`;
  const params = [conversationId, partnerships, bound];
  const rows = await db.query<CaseRow & { is_open: boolean }>(
    `${newest(OPEN)} UNION ALL ${newest(`NOT ${OPEN}`)}`,
    params,
  );
  const [count] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM cases WHERE conversation_id = $1 AND partnership = ANY($2::text[])',
    params.slice(0, 2),
  );
  return {
    open: rows.filter((row) => row.is_open).map(toRecord),
    closed: rows.filter((row) => !row.is_open).map(toRecord),
    notShown: (count?.n ?? 0) - rows.length,
  };
}
