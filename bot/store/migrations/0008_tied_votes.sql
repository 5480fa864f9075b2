-- A vote found tied when the coordinator closes it takes no more ballots until the casting decision: so nobody
-- can see a tie, leave the vote open and wait for it to go their way.
ALTER TABLE votes DROP CONSTRAINT votes_status_check;
ALTER TABLE votes ADD CONSTRAINT votes_status_check CHECK (status IN ('open', 'tied', 'closed'));
