-- The Inclusion Forum's action plan (seed 002). A case records whether the parents consented: without consent it
-- is an anonymous case, named by a reference only. Its plan is kept as versions: one is written in the meeting
-- (and may be edited until it is reviewed); a review that continues the plan starts the next version, and every
-- earlier version stays as it was.
ALTER TABLE cases ADD COLUMN consent boolean NOT NULL DEFAULT true;

CREATE TABLE action_plans (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  plan jsonb NOT NULL,
  -- How many times this version was saved: an email drafted from an earlier save needs drafting again.
  saves integer NOT NULL DEFAULT 1,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by_name text,
  review jsonb,
  reviewed_at timestamptz,
  reviewed_by_name text,
  PRIMARY KEY (case_id, version)
);

-- The latest version as the case's cards show it (plan, review and who saved it), written with the version in the
-- same transaction.
ALTER TABLE cases ADD COLUMN current_plan jsonb;

-- "To review" on a partnership's next forum: the cases whose latest plan is not reviewed, by review date.
CREATE INDEX cases_plan_review_due ON cases (partnership, ((current_plan -> 'plan' ->> 'reviewDate')))
  WHERE current_plan IS NOT NULL AND withdrawn_at IS NULL AND current_plan -> 'review' = 'null'::jsonb;
