-- The add-in's case list, a page at a time (bot/store/caseList.ts): a partnership's open cases, newest started
-- first, read in index order after the last case of the page before (keyset pages), however deep the page.
CREATE INDEX cases_open_by_start ON cases (partnership, created_at, id) WHERE withdrawn_at IS NULL;
