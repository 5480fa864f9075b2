-- The chats the bot is in, and the people it has seen in each (staff, never students): who may follow a case
-- depends on being in the case's chat, and the add-in's API, which is not in a chat, asks here. The service URL
-- is where Teams answers for the chat, to ask it about someone the bot has not seen yet.
CREATE TABLE chats (
  conversation_id text PRIMARY KEY,
  service_url text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_members (
  conversation_id text NOT NULL REFERENCES chats (conversation_id) ON DELETE CASCADE,
  member_id text NOT NULL CHECK (member_id = lower(member_id)),
  -- Teams' own id for the person (29:…), by which Teams may also say they have left.
  teams_id text,
  member_name text NOT NULL,
  standing text NOT NULL CHECK (standing IN ('member', 'guest')),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, member_id)
);
CREATE INDEX chat_members_by_member ON chat_members (member_id);
