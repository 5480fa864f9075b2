-- The questions a case's answers were taken for from the directory (a school's City BAP membership), so the card
-- can say "from the directory" beside them until the coordinator changes one.
ALTER TABLE cases ADD COLUMN prefilled jsonb NOT NULL DEFAULT '[]'::jsonb;
