import {
  chatMember,
  forgetChatMembers,
  recordChat,
  recordChatMembers,
  serviceUrlOf,
  type ChatMember,
  type ChatStanding,
} from '../store/chatMembers.ts';
import type { Database } from '../store/database.ts';
import type { AppLogger } from '../logger.ts';

/**
 * Who is in which chat, as the policy needs to know it: from the store, else asked of Teams once and stored.
 * Answers are kept in memory for a minute (bounded), so a meeting's clicks do not each query the store; a member
 * removed from a chat is forgotten at once (Teams tells the bot).
 */

/** Asks Teams about one member of a chat; undefined when they are not in it. */
export type AskTeams = (
  serviceUrl: string,
  conversationId: string,
  memberId: string,
) => Promise<{ name: string; userRole?: string; aadObjectId?: string; teamsId?: string } | undefined>;

export interface ChatRoster {
  /** Notes the chat an activity came from, with the service URL to ask Teams about it later. */
  sawChat(conversationId: string, serviceUrl: string): Promise<void>;
  /** Records members Teams listed (the roster fetched when a vote opens). */
  sawMembers(conversationId: string, members: readonly ChatMember[]): Promise<void>;
  /** Forgets people who left a chat, named by object id or Teams id. */
  forget(conversationId: string, ids: readonly string[]): Promise<void>;
  /**
   * The person's standing in the chat, or undefined when they are not in it (or Teams cannot say). `teamsId`,
   * the person's Teams user id when an activity gives it, is what Teams is asked by (it knows everyone by it;
   * Teams itself also answers by object id, but not every Bot Framework channel does).
   */
  standingIn(conversationId: string, memberId: string, teamsId?: string): Promise<ChatStanding | undefined>;
  /** Lets the roster ask Teams, once the Teams app exists. */
  connect(ask: AskTeams): void;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * A map that forgets its least recently set entries beyond `max`, and any entry older than the TTL: however
 * many chats and people a long-running bot sees, it holds at most `max` of them.
 */
export function boundedCache<V>(max: number) {
  const entries = new Map<string, { value: V; at: number }>();
  return {
    get size() {
      return entries.size;
    },
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (!entry || Date.now() - entry.at > TTL_MS) return undefined;
      return entry.value;
    },
    set(key: string, value: V) {
      entries.delete(key);
      entries.set(key, { value, at: Date.now() });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    delete: (key: string) => entries.delete(key),
  };
}

/** How long the bot trusts what it stored of someone's membership before asking Teams again. */
const RECHECK_MS = 12 * 60 * 60_000;

/** What Teams said: a standing, that the person is not in the chat, or nothing (it could not be asked). */
type TeamsAnswer = ChatStanding | 'absent' | 'unknown';

export function createChatRoster(db: Database, log: AppLogger): ChatRoster {
  let ask: AskTeams | undefined;
  const standings = boundedCache<ChatStanding | 'none'>(MAX_ENTRIES);
  const chatsSeen = boundedCache<true>(MAX_ENTRIES);
  const key = (conversationId: string, memberId: string) => `${conversationId}\n${memberId}`;

  async function askTeams(
    conversationId: string,
    memberId: string,
    teamsId: string | undefined,
  ): Promise<TeamsAnswer> {
    const serviceUrl = await serviceUrlOf(db, conversationId);
    if (!ask || !serviceUrl) return 'unknown';
    try {
      const found = await ask(serviceUrl, conversationId, teamsId ?? memberId);
      if (!found || found.userRole === 'anonymous') return 'absent';
      // Asked by Teams id, the answer must be the same person the activity named by object id.
      if (found.aadObjectId && found.aadObjectId.toLowerCase() !== memberId) {
        log.event('warn', 'teams.memberMismatch', {});
        return 'absent';
      }
      const member: ChatMember = {
        id: memberId,
        name: found.name,
        standing: found.userRole === 'guest' ? 'guest' : 'member',
        ...(found.teamsId ? { teamsId: found.teamsId } : teamsId ? { teamsId } : {}),
      };
      await recordChatMembers(db, conversationId, [member]);
      return member.standing;
    } catch (error) {
      // Teams answers 404 for someone not in the chat; anything else is logged, and the person is not let in.
      const status = (error as { response?: { status?: number } }).response?.status;
      if (status === 404 || status === 403) return 'absent';
      log.event('warn', 'teams.memberLookupFailed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return 'unknown';
    }
  }

  return {
    async sawChat(conversationId, serviceUrl) {
      if (chatsSeen.get(conversationId)) return;
      await recordChat(db, conversationId, serviceUrl);
      chatsSeen.set(conversationId, true);
    },
    async sawMembers(conversationId, members) {
      await recordChatMembers(db, conversationId, members);
      for (const member of members)
        standings.set(key(conversationId, member.id.toLowerCase()), member.standing);
    },
    async forget(conversationId, ids) {
      const forgotten = await forgetChatMembers(db, conversationId, ids);
      for (const memberId of [...forgotten, ...ids.map((id) => id.toLowerCase())])
        standings.delete(key(conversationId, memberId));
    },
    async standingIn(conversationId, anyCaseId, teamsId) {
      const memberId = anyCaseId.toLowerCase();
      const cached = standings.get(key(conversationId, memberId));
      if (cached !== undefined) return cached === 'none' ? undefined : cached;
      const stored = await chatMember(db, conversationId, memberId);
      let standing: ChatStanding | undefined = stored?.standing;
      // What the bot stored long ago is checked again, in case it missed word of someone leaving.
      if (!stored || Date.now() - stored.seenAt.getTime() > RECHECK_MS) {
        const answer = await askTeams(conversationId, memberId, teamsId);
        if (answer === 'absent') {
          if (stored) await forgetChatMembers(db, conversationId, [memberId]);
          standing = undefined;
        } else if (answer !== 'unknown') standing = answer;
      }
      standings.set(key(conversationId, memberId), standing ?? 'none');
      return standing;
    },
    connect(teams) {
      ask = teams;
    },
  };
}
