/**
 * The columns of a case's fact for the reports: `case_facts` (kept by the database as each case changes, see
 * migration 0013) and `purged_case_facts` (what a purged case counted for) share them, so the purge keeps
 * exactly what the reports read. Nothing in them identifies a child.
 */
export const FACT_COLUMNS = `partnership, school_id, meeting_type, flow_id, section, outcome, referral_number,
  referred_at, decided_at, votes_held, split_votes, casting_decisions, core_group_outcome, emails_drafted,
  plans_written, plans_reviewed`;
