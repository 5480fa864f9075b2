-- A case a coordinator started in error is withdrawn, not deleted: it stays in the history, marked withdrawn, and
-- is no longer run, listed among the emails to draft, or taken for a duplicate.
ALTER TABLE cases ADD COLUMN withdrawn_at timestamptz;
