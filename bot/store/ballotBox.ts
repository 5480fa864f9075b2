import type { Result } from '../../src/result.ts';
import type { Actor } from '../../src/cases/case.ts';
import type { Database } from './database.ts';
import { castBallots, type Cast, type CastResult, type VoteFailure } from './votes.ts';

/** How long a ballot waits for others cast at the same moment, and the longest the first one waits. */
const GATHER_MS = 2;
const LONGEST_WAIT_MS = 20;
/** The most ballots stored in one transaction: a large panel, with room for retries. */
const MOST_PER_BATCH = 200;

interface Waiting extends Cast {
  resolve: (result: Result<CastResult, VoteFailure>) => void;
  reject: (error: unknown) => void;
}

interface Batch {
  casts: Waiting[];
  firstAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface BallotBox {
  cast(voteId: string, member: Actor, choice: string): Promise<Result<CastResult, VoteFailure>>;
  /** Votes with ballots gathering or being stored: none once every ballot has been answered. */
  readonly pending: number;
}

/**
 * Group commit for ballots. When a panel votes at once, the ballots on a vote that arrive within a moment of
 * each other (GATHER_MS apart, for at most LONGEST_WAIT_MS) are stored in one transaction, so a burst of 60
 * costs a few transactions rather than 60 queued behind each other on the store. A ballot on its own waits
 * only GATHER_MS. One batch per vote is stored at a time; ballots arriving meanwhile form the next.
 */
export function createBallotBox(db: Database): BallotBox {
  const gathering = new Map<string, Batch>();
  const storing = new Set<string>();

  function schedule(voteId: string, batch: Batch) {
    // Stryker disable next-line CallExpression: a stale timer finds its batch gone or being stored, and stores nothing
    clearTimeout(batch.timer);
    // Stryker disable next-line MethodExpression,ArithmeticOperator: how long a batch gathers changes how many transactions a burst takes on this machine, never a result
    const wait = Math.max(0, Math.min(GATHER_MS, batch.firstAt + LONGEST_WAIT_MS - performance.now()));
    batch.timer = setTimeout(() => void store(voteId), wait);
  }

  async function store(voteId: string) {
    const batch = gathering.get(voteId);
    if (!batch || storing.has(voteId)) return;
    gathering.delete(voteId);
    storing.add(voteId);
    const now = batch.casts.splice(0, MOST_PER_BATCH);
    if (batch.casts.length > 0) gathering.set(voteId, batch);
    try {
      const results = await castBallots(db, voteId, now);
      now.forEach((cast, i) => {
        const result = results[i];
        if (result) cast.resolve(result);
        // Stryker disable next-line StringLiteral: unreachable, castBallots answers one result per cast
        else cast.reject(new Error('castBallots answered fewer casts than it was given'));
      });
    } catch (error) {
      for (const cast of now) cast.reject(error);
    } finally {
      storing.delete(voteId);
      const next = gathering.get(voteId);
      if (next) schedule(voteId, next);
    }
  }

  return {
    get pending() {
      return new Set([...gathering.keys(), ...storing]).size;
    },
    cast(voteId, member, choice) {
      return new Promise((resolve, reject) => {
        const batch = gathering.get(voteId) ?? { casts: [], firstAt: performance.now(), timer: undefined };
        batch.casts.push({ member, choice, resolve, reject });
        gathering.set(voteId, batch);
        // While a batch is being stored, the next one is scheduled when it finishes.
        // Stryker disable next-line ConditionalExpression: a store started while one is running returns at once, and the running one schedules the next
        if (!storing.has(voteId)) schedule(voteId, batch);
      });
    },
  };
}
