-- Cases: one student referred by one county school to one partnership, named only by an identifier.
CREATE TABLE cases (
  id uuid PRIMARY KEY,
  partnership text NOT NULL CHECK (partnership IN ('HBEP', 'LIP', 'MSCIP', 'NWLLIP', 'SLIP')),
  conversation_id text NOT NULL,
  meeting_id text,
  student_ref text NOT NULL CHECK (length(student_ref) BETWEEN 1 AND 60),
  school_id text NOT NULL,
  section text NOT NULL,
  flow_id text NOT NULL,
  flow_version text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  outcome text,
  extra_emails jsonb NOT NULL DEFAULT '[]'::jsonb,
  card_activity_id text,
  revision integer NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_by_conversation ON cases (conversation_id, created_at);
CREATE INDEX cases_by_partnership ON cases (partnership, updated_at);

-- The history of a case: every answer, vote, decision and drafted email, with who, when and the flow version.
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_name text,
  kind text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  flow_version text NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, id);

-- History is append-only. Only the retention purge may remove it, and it says so for its own transaction.
CREATE FUNCTION case_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('app.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

-- Panel votes. At most one open vote per case and question.
CREATE TABLE votes (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  question text NOT NULL,
  options jsonb NOT NULL,
  anonymous boolean NOT NULL DEFAULT false,
  quorum integer CHECK (quorum IS NULL OR quorum > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  result text,
  tally jsonb,
  casting_decision boolean NOT NULL DEFAULT false,
  card_activity_id text,
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_by text,
  closed_at timestamptz
);
CREATE UNIQUE INDEX one_open_vote_per_question ON votes (case_id, question) WHERE status = 'open';

-- Who may vote, fixed when the vote opens (the chat roster or the configured panel).
CREATE TABLE vote_eligible (
  vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
  member_id text NOT NULL,
  member_name text NOT NULL,
  -- The member's Teams id (MRI), which the card's refresh.userIds needs for their personal view.
  member_mri text,
  PRIMARY KEY (vote_id, member_id)
);

-- One ballot per member: the primary key is what makes a retried or concurrent vote count once.
-- For an anonymous vote the choice is not stored here at all, only in anonymous_counts.
CREATE TABLE ballots (
  vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
  member_id text NOT NULL,
  choice text,
  cast_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vote_id, member_id)
);

CREATE TABLE anonymous_counts (
  vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
  choice text NOT NULL,
  count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
  PRIMARY KEY (vote_id, choice)
);
