-- A vote's results may be hidden until it closes: the cards then show how many have voted, never the tally.
-- An anonymous vote always hides them (a tally changing beside the count would tell who chose what).
ALTER TABLE votes ADD COLUMN results_hidden boolean NOT NULL DEFAULT false;
UPDATE votes SET results_hidden = true WHERE anonymous;
ALTER TABLE votes ADD CONSTRAINT anonymous_votes_hide_results CHECK (results_hidden OR NOT anonymous);
