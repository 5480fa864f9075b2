-- Each case's fact for the reports (issue 16), kept by the database as the case, its votes, its action plans and
-- its drafted emails change, so a term report or the County dashboard reads one indexed table instead of working
-- out every case again (that took seconds at County scale). The columns are purged_case_facts' with the case's
-- id and whether it was withdrawn; nothing in them identifies a child.
CREATE TABLE case_facts (
  case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  withdrawn boolean NOT NULL,
  LIKE purged_case_facts
);
CREATE INDEX case_facts_by_date ON case_facts (partnership, referred_at) WHERE NOT withdrawn;

-- Works out the facts of the cases given and stores them. The one definition of what a case counts for.
CREATE FUNCTION case_facts_refresh(targets uuid[]) RETURNS void AS $$
BEGIN
  INSERT INTO case_facts
  SELECT c.id, c.withdrawn_at IS NOT NULL, c.partnership, c.school_id, c.fields ->> 'meetingType', c.flow_id,
    c.section, c.outcome, c.referral_number, c.created_at, c.decided_at,
    (SELECT count(*)::int FROM votes v WHERE v.case_id = c.id AND v.status = 'closed'),
    (SELECT count(*)::int FROM votes v WHERE v.case_id = c.id AND v.status = 'closed'
       AND (SELECT count(*) FROM jsonb_each_text(v.tally) t WHERE t.value::int > 0) > 1),
    (SELECT count(*)::int FROM votes v WHERE v.case_id = c.id AND v.casting_decision),
    (SELECT v.result FROM votes v WHERE v.case_id = c.id AND v.question = 'coreGroupDecision'
       AND v.status = 'closed' ORDER BY v.closed_at DESC LIMIT 1),
    (SELECT coalesce(jsonb_object_agg(d.template, d.n), '{}'::jsonb) FROM (
       SELECT e.detail ->> 'template' AS template, count(*)::int AS n FROM case_events e
       WHERE e.case_id = c.id AND e.kind = 'emailDrafted' GROUP BY 1) d),
    (SELECT count(*)::int FROM action_plans p WHERE p.case_id = c.id),
    (SELECT count(*)::int FROM action_plans p WHERE p.case_id = c.id AND p.review IS NOT NULL)
  FROM cases c WHERE c.id = ANY(targets)
  ON CONFLICT (case_id) DO UPDATE SET
    withdrawn = EXCLUDED.withdrawn, partnership = EXCLUDED.partnership, school_id = EXCLUDED.school_id,
    meeting_type = EXCLUDED.meeting_type, flow_id = EXCLUDED.flow_id, section = EXCLUDED.section,
    outcome = EXCLUDED.outcome, referral_number = EXCLUDED.referral_number, referred_at = EXCLUDED.referred_at,
    decided_at = EXCLUDED.decided_at, votes_held = EXCLUDED.votes_held, split_votes = EXCLUDED.split_votes,
    casting_decisions = EXCLUDED.casting_decisions, core_group_outcome = EXCLUDED.core_group_outcome,
    emails_drafted = EXCLUDED.emails_drafted, plans_written = EXCLUDED.plans_written,
    plans_reviewed = EXCLUDED.plans_reviewed;
END;
$$ LANGUAGE plpgsql;

-- Every writer of a case holds its row lock (cases.ts lockCase) until it commits, so two refreshes of one case
-- never interleave; a new writer must do the same.
-- Refreshes the fact of the case a changed row belongs to (TG_ARGV[0] names the column holding the case's id).
-- The triggers are deferred to the commit, so the fact sees the transaction's last word whatever order its
-- statements ran in; a case deleted in the same transaction has no row to refresh. A bulk load (a generated
-- County's records, an import) says `app.bulk_load` for its transaction and refreshes its cases' facts itself, in
-- one statement: a refresh per row is about a millisecond.
CREATE FUNCTION case_facts_follow() RETURNS trigger AS $$
BEGIN
  IF current_setting('app.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM case_facts_refresh(ARRAY[(to_jsonb(NEW) ->> TG_ARGV[0])::uuid]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- What a fact is made of: the case's own columns (not its card's message id or a legal hold) …
CREATE CONSTRAINT TRIGGER case_facts_of_cases
  AFTER INSERT OR UPDATE OF partnership, school_id, fields, flow_id, section, outcome, referral_number, created_at,
    decided_at, withdrawn_at, current_plan ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_facts_follow('id');
-- … its closed votes (a ballot changes nothing here until the vote closes) …
CREATE CONSTRAINT TRIGGER case_facts_of_votes
  AFTER INSERT OR UPDATE OF status, result, tally, casting_decision ON votes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'closed')
  EXECUTE FUNCTION case_facts_follow('case_id');
-- … its action plans and reviews …
CREATE CONSTRAINT TRIGGER case_facts_of_plans
  AFTER INSERT OR UPDATE ON action_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_facts_follow('case_id');
-- … and the emails drafted from it.
CREATE CONSTRAINT TRIGGER case_facts_of_emails
  AFTER INSERT ON case_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.kind = 'emailDrafted')
  EXECUTE FUNCTION case_facts_follow('case_id');

SELECT case_facts_refresh(ARRAY(SELECT id FROM cases));
