/**
 * A case's fact for the reports, as SQL: the same columns as purged_case_facts, so the purge keeps exactly what
 * the reports read. Nothing in it identifies a child. `where` filters the cases (`c`), with the caller's
 * parameters. (Grouped joins over whole tables instead of these per-case subqueries ran out of memory on PGlite
 * at County scale; see the README's figures.)
 */
export const factsSelect = (where: string) => `
  SELECT c.partnership, c.school_id, c.fields ->> 'meetingType' AS meeting_type, c.flow_id, c.section, c.outcome,
    c.referral_number, c.created_at AS referred_at, c.decided_at,
    (SELECT count(*)::int FROM votes v WHERE v.case_id = c.id AND v.status = 'closed') AS votes_held,
    (SELECT count(*)::int FROM votes v WHERE v.case_id = c.id AND v.status = 'closed'
       AND (SELECT count(*) FROM jsonb_each_text(v.tally) t WHERE t.value::int > 0) > 1) AS split_votes,
    (SELECT count(*)::int FROM votes v WHERE v.case_id = c.id AND v.casting_decision) AS casting_decisions,
    (SELECT v.result FROM votes v WHERE v.case_id = c.id AND v.question = 'coreGroupDecision'
       AND v.status = 'closed' ORDER BY v.closed_at DESC LIMIT 1) AS core_group_outcome,
    (SELECT coalesce(jsonb_object_agg(d.template, d.n), '{}'::jsonb) FROM (
       SELECT e.detail ->> 'template' AS template, count(*)::int AS n FROM case_events e
       WHERE e.case_id = c.id AND e.kind = 'emailDrafted' GROUP BY 1) d) AS emails_drafted,
    (SELECT count(*)::int FROM action_plans p WHERE p.case_id = c.id) AS plans_written,
    (SELECT count(*)::int FROM action_plans p WHERE p.case_id = c.id AND p.review IS NOT NULL) AS plans_reviewed
  FROM cases c
  WHERE ${where}`;
