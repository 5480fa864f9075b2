-- Records and reports (the partnership agreement, clauses 8.2, 8.11, 8.12 and 10.1).

-- Which referral of this student by this school a case is (1 the first, 2 the second …), fixed when it starts,
-- and when it first reached an outcome: reports count repeat referrals and days to an outcome from these.
ALTER TABLE cases ADD COLUMN referral_number integer NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN decided_at timestamptz;
UPDATE cases c SET decided_at = (
  SELECT min(e.at) FROM case_events e
  WHERE e.case_id = c.id AND e.kind = 'decided' AND e.detail ->> 'outcome' IS NOT NULL
) WHERE outcome IS NOT NULL;
CREATE INDEX cases_by_referral_date ON cases (partnership, created_at);

-- A case on legal hold is kept past the retention period until the hold is released.
ALTER TABLE cases ADD COLUMN legal_hold_at timestamptz;
ALTER TABLE cases ADD COLUMN legal_hold_reason text;

-- What a purged case counted for, without anything that identifies it: reports for old terms still work.
CREATE TABLE purged_case_facts (
  partnership text NOT NULL,
  school_id text NOT NULL,
  meeting_type text,
  flow_id text NOT NULL,
  section text NOT NULL,
  outcome text,
  referral_number integer NOT NULL,
  referred_at timestamptz NOT NULL,
  decided_at timestamptz,
  votes_held integer NOT NULL,
  split_votes integer NOT NULL,
  casting_decisions integer NOT NULL,
  core_group_outcome text,
  emails_drafted jsonb NOT NULL,
  plans_written integer NOT NULL,
  plans_reviewed integer NOT NULL
);
CREATE INDEX purged_case_facts_by_date ON purged_case_facts (partnership, referred_at);

-- Who exported which records, and when (clause 10.1: records are provided to the Authority and its auditors).
CREATE TABLE record_exports (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_name text,
  partnership text NOT NULL,
  range_from date NOT NULL,
  range_to date NOT NULL,
  cases integer NOT NULL,
  via text NOT NULL
);
