import type { Queryable } from './database.ts';

/**
 * The chats the bot is in and the people it has seen there, as Teams reported them. Guests are kept with their
 * standing so the policy can tell them from the tenant's members; anonymous users have no id and are not kept.
 */

export type ChatStanding = 'member' | 'guest';

export interface ChatMember {
  /** Entra object id, in lower case. */
  id: string;
  name: string;
  standing: ChatStanding;
  /** Teams' id for the person, when known. */
  teamsId?: string;
}

/** A member as stored, with when the bot last had word of them from Teams. */
export interface StoredChatMember extends ChatMember {
  seenAt: Date;
}

export async function recordChat(db: Queryable, conversationId: string, serviceUrl: string): Promise<void> {
  await db.query(
    `INSERT INTO chats (conversation_id, service_url) VALUES ($1, $2)
     ON CONFLICT (conversation_id) DO UPDATE SET service_url = EXCLUDED.service_url, seen_at = now()`,
    [conversationId, serviceUrl],
  );
}

export async function serviceUrlOf(db: Queryable, conversationId: string): Promise<string | undefined> {
  const [row] = await db.query<{ service_url: string }>(
    'SELECT service_url FROM chats WHERE conversation_id = $1',
    [conversationId],
  );
  return row?.service_url;
}

/** Records people seen in a chat (the chat must be recorded first). */
export async function recordChatMembers(
  db: Queryable,
  conversationId: string,
  members: readonly ChatMember[],
): Promise<void> {
  if (members.length === 0) return;
  await db.query(
    `INSERT INTO chat_members (conversation_id, member_id, member_name, standing, teams_id)
     SELECT $1, m.id, m.name, m.standing, m.teams_id
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS m(id, name, standing, teams_id)
     ON CONFLICT (conversation_id, member_id)
     DO UPDATE SET member_name = EXCLUDED.member_name, standing = EXCLUDED.standing,
       teams_id = coalesce(EXCLUDED.teams_id, chat_members.teams_id), seen_at = now()`,
    [
      conversationId,
      members.map((member) => member.id.toLowerCase()),
      members.map((member) => member.name),
      members.map((member) => member.standing),
      members.map((member) => member.teamsId ?? null),
    ],
  );
}

/** Forgets people who left a chat, named by object id or by Teams id; returns the object ids forgotten. */
export async function forgetChatMembers(
  db: Queryable,
  conversationId: string,
  ids: readonly string[],
): Promise<string[]> {
  const rows = await db.query<{ member_id: string }>(
    `DELETE FROM chat_members WHERE conversation_id = $1
     AND (member_id = ANY($2::text[]) OR teams_id = ANY($3::text[])) RETURNING member_id`,
    [conversationId, ids.map((id) => id.toLowerCase()), ids],
  );
  return rows.map((row) => row.member_id);
}

export async function chatMember(
  db: Queryable,
  conversationId: string,
  memberId: string,
): Promise<StoredChatMember | undefined> {
  const [row] = await db.query<{
    member_id: string;
    member_name: string;
    standing: ChatStanding;
    seen_at: Date;
  }>(
    'SELECT member_id, member_name, standing, seen_at FROM chat_members WHERE conversation_id = $1 AND member_id = $2',
    [conversationId, memberId.toLowerCase()],
  );
  return row
    ? { id: row.member_id, name: row.member_name, standing: row.standing, seenAt: new Date(row.seen_at) }
    : undefined;
}

/** Everyone the bot has seen in a chat. */
export async function chatMembers(db: Queryable, conversationId: string): Promise<ChatMember[]> {
  const rows = await db.query<{ member_id: string; member_name: string; standing: ChatStanding }>(
    'SELECT member_id, member_name, standing FROM chat_members WHERE conversation_id = $1 ORDER BY member_name',
    [conversationId],
  );
  return rows.map((row) => ({ id: row.member_id, name: row.member_name, standing: row.standing }));
}

/** The members of the tenant (not guests) seen in the chats where a partnership's cases are run, by name. */
export async function membersSeenInPartnership(
  db: Queryable,
  partnership: string,
): Promise<{ aadObjectId: string; name: string }[]> {
  const rows = await db.query<{ member_id: string; member_name: string }>(
    `SELECT DISTINCT m.member_id, m.member_name FROM chat_members m
     WHERE m.standing = 'member' AND EXISTS (
       SELECT 1 FROM cases c WHERE c.conversation_id = m.conversation_id AND c.partnership = $1)
     ORDER BY m.member_name, m.member_id`,
    [partnership],
  );
  return rows.map((row) => ({ aadObjectId: row.member_id, name: row.member_name }));
}
