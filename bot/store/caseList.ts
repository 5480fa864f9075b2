import type { CaseListPosition } from '../../src/api/contract.ts';
import type { CaseRecord } from '../../src/cases/case.ts';
import type { PartnershipId } from '../../src/templates/fields.ts';
import { draftedEmails, toRecord, type CaseRow } from './cases.ts';
import type { Queryable } from './database.ts';

/**
 * The add-in's case list, a page at a time: the open cases of some partnerships, newest first by when they were
 * started, optionally those whose identifier (and so its reference) or school name contains a text. Pages are
 * keyset pages in the order of the index cases_open_by_start (migration 0014): a page starts after the last case
 * the page before looked at, so a case is never listed twice nor skipped, whatever is added meanwhile, and a
 * page deep in seven years of cases costs what the first one does.
 */

export interface CaseListRequest {
  partnerships: readonly PartnershipId[];
  /** Part of the identifier or of the school's name, any case; empty or absent lists every case. */
  search?: string | undefined;
  /** The page starts after this case (the previous page's `next`). */
  after?: CaseListPosition | undefined;
  /** How many items a page holds. */
  size: number;
}

export interface CaseListPage<T> {
  items: T[];
  /** Where the next page starts, or null when every case has been looked at. */
  next: CaseListPosition | null;
}

/** At most this many cases are looked at for one page: a page of few matches ends early, with a `next`. */
const MOST_LOOKED_AT = 500;

type PositionedRow = CaseRow & { created_micros: string; matches: boolean };

/** `text` for ILIKE, matched literally: its %, _ and \ are not wildcards. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * One batch of cases after `after`, newest first, each partnership read in index order, each saying whether it
 * matches the search. The search is not a condition of the read: a search that matches little would otherwise
 * read a partnership's every case to fill one batch; this way a batch reads `size` cases at most.
 */
async function batch(
  db: Queryable,
  request: CaseListRequest,
  after: CaseListPosition | undefined,
  size: number,
): Promise<PositionedRow[]> {
  const search = request.search?.trim();
  const params: unknown[] = [request.partnerships, size, search ? containing(search) : null];
  const where = ['cases.partnership = p.partnership', 'withdrawn_at IS NULL'];
  if (after) {
    params.push(after.createdMicros, after.id);
    where.push(
      `(created_at, id) < (timestamptz 'epoch' + ($${params.length - 1} || ' microseconds')::interval, $${params.length}::uuid)`,
    );
  }
  return db.query<PositionedRow>(
    `SELECT c.*, ($3::text IS NULL OR c.student_ref ILIKE $3 OR coalesce(c.fields ->> 'schoolName', c.school_id) ILIKE $3)
              AS matches
       FROM unnest($1::text[]) AS p (partnership)
       CROSS JOIN LATERAL (
         SELECT cases.*, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_micros
           FROM cases WHERE ${where.join(' AND ')}
          ORDER BY created_at DESC, id DESC LIMIT $2) AS c
      ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
    params,
  );
}

/**
 * A page of the items `pick` makes of the listed cases (undefined leaves a case out: the add-in lists only cases
 * with emails to draft). `pick` is given each case's drafted emails (draft keys, see draftKey).
 */
export async function caseListPage<T>(
  db: Queryable,
  request: CaseListRequest,
  pick: (record: CaseRecord, drafted: ReadonlySet<string>) => T | undefined,
): Promise<CaseListPage<T>> {
  if (request.partnerships.length === 0) return { items: [], next: null };
  const items: T[] = [];
  const batchSize = Math.min(Math.max(request.size * 2, 20), MOST_LOOKED_AT);
  let after = request.after;
  let lookedAt = 0;
  for (;;) {
    const rows = await batch(db, request, after, batchSize);
    const drafted = await draftedEmails(
      db,
      rows.filter((row) => row.matches).map((row) => row.id),
    );
    for (const [index, row] of rows.entries()) {
      after = { createdMicros: row.created_micros, id: row.id };
      lookedAt += 1;
      const item = row.matches ? pick(toRecord(row), drafted.get(row.id) ?? new Set()) : undefined;
      if (item !== undefined) items.push(item);
      const more = index < rows.length - 1 || rows.length === batchSize;
      if (items.length === request.size || lookedAt >= MOST_LOOKED_AT)
        return { items, next: more ? after : null };
    }
    if (rows.length < batchSize) return { items, next: null };
  }
}
