/**
 * A case's fact for the reports, as SQL: the same columns as purged_case_facts, so the purge keeps exactly what
 * the reports read. Nothing in it identifies a child. The votes, drafted emails and plans are counted per case in
 * grouped joins (not a subquery per case), so a County's three terms of some 15,000 cases is one pass over each.
 * `where` filters the cases (`c`), with the caller's parameters.
 */
export const factsSelect = (where: string) => `
  SELECT c.partnership, c.school_id, c.fields ->> 'meetingType' AS meeting_type, c.flow_id, c.section, c.outcome,
    c.referral_number, c.created_at AS referred_at, c.decided_at,
    coalesce(v.held, 0)::int AS votes_held, coalesce(v.split, 0)::int AS split_votes,
    coalesce(v.casting, 0)::int AS casting_decisions, v.core_group_outcome,
    coalesce(e.emails, '{}'::jsonb) AS emails_drafted,
    coalesce(p.written, 0)::int AS plans_written, coalesce(p.reviewed, 0)::int AS plans_reviewed
  FROM cases c
  LEFT JOIN (
    SELECT case_id,
      count(*) FILTER (WHERE status = 'closed') AS held,
      count(*) FILTER (WHERE status = 'closed'
        AND (SELECT count(*) FROM jsonb_each_text(tally) t WHERE t.value::int > 0) > 1) AS split,
      count(*) FILTER (WHERE casting_decision) AS casting,
      (array_agg(result ORDER BY closed_at DESC)
        FILTER (WHERE question = 'coreGroupDecision' AND status = 'closed'))[1] AS core_group_outcome
    FROM votes GROUP BY case_id
  ) v ON v.case_id = c.id
  LEFT JOIN (
    SELECT case_id, jsonb_object_agg(template, n) AS emails FROM (
      SELECT case_id, detail ->> 'template' AS template, count(*)::int AS n
      FROM case_events WHERE kind = 'emailDrafted' GROUP BY 1, 2
    ) d GROUP BY case_id
  ) e ON e.case_id = c.id
  LEFT JOIN (
    SELECT case_id, count(*) AS written, count(*) FILTER (WHERE review IS NOT NULL) AS reviewed
    FROM action_plans GROUP BY case_id
  ) p ON p.case_id = c.id
  WHERE ${where}`;
