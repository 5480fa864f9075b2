-- Which referral of a student by a school a new case is (cases.referral_number) is counted when it starts: look
-- that up by school and identifier, not through every case of the school (a County's seven years hold thousands).
CREATE INDEX cases_by_student ON cases (school_id, student_ref) WHERE withdrawn_at IS NULL;

-- The add-in's list now reads cases by when they started (cases_open_by_start, migration 0014); nothing reads
-- them by their last change any more.
DROP INDEX cases_open_by_partnership;
