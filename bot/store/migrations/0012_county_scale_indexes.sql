-- Seven years of five partnerships' cases (about 100,000) must not slow what a coordinator does every day.

-- A coordinator's open cases, newest first (the add-in's list), read in index order, a partnership at a time.
CREATE INDEX cases_open_by_partnership ON cases (partnership, updated_at DESC, id) WHERE withdrawn_at IS NULL;

-- A case's votes: the history card's hidden-results check, and the purge's cascade from cases to votes.
CREATE INDEX votes_by_case ON votes (case_id);

-- Which emails were drafted, for the cases in a list, without reading the rest of their history.
CREATE INDEX case_events_drafted ON case_events (case_id) WHERE kind = 'emailDrafted';
