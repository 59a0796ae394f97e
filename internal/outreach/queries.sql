-- Out-of-school cases: the record, the run's flags, the timeline, needs,
-- referrals, attendance checks, the queue (read in deadline order, keyset
-- on due_on and id, over the open cases), the charities' inbox, the
-- funnel and the deadlines of the steps. Every list is bounded by the
-- principal's scope ($1-$4).

-- name: Insert
INSERT INTO outreach_cases (person_id, category, visibility, confidence, why, region_id, region_path, org_id, org_path,
                            school_id, step, step_at, due_on, flagged_at, created_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'identified', $11, $12, $11, $13, $11)
RETURNING id;

-- name: ByID
SELECT c.id, c.person_id, c.category, c.visibility, c.confidence, c.why, c.region_id, COALESCE(r.code, ''),
       c.region_path, c.org_id, COALESCE(o.name, ''), c.org_path, COALESCE(c.school_id, 0), COALESCE(sc.name, ''),
       COALESCE(c.assignee_id, 0), COALESCE(u.name, ''), c.step, c.step_at, c.due_on, c.contact_mode, c.reason,
       c.contact_note, c.contacted_at, c.support_at, COALESCE(c.enrolled_school_id, 0), COALESCE(es.name, ''),
       c.enrolled_on, c.checks_done, c.outcome, c.closed_at, c.shared, c.runs, c.flagged_at, c.version, c.updated_at,
       p.last_name || ' ' || p.first_name
FROM outreach_cases c JOIN persons p ON p.id = c.person_id LEFT JOIN regions r ON r.id = c.region_id
     LEFT JOIN organisations o ON o.id = c.org_id LEFT JOIN organisations sc ON sc.id = c.school_id
     LEFT JOIN users u ON u.id = c.assignee_id LEFT JOIN organisations es ON es.id = c.enrolled_school_id
WHERE c.id = $1;

-- name: OpenByPerson
SELECT c.id, c.person_id, c.category, c.visibility, c.confidence, c.why, c.region_id, COALESCE(r.code, ''),
       c.region_path, c.org_id, COALESCE(o.name, ''), c.org_path, COALESCE(c.school_id, 0), COALESCE(sc.name, ''),
       COALESCE(c.assignee_id, 0), COALESCE(u.name, ''), c.step, c.step_at, c.due_on, c.contact_mode, c.reason,
       c.contact_note, c.contacted_at, c.support_at, COALESCE(c.enrolled_school_id, 0), COALESCE(es.name, ''),
       c.enrolled_on, c.checks_done, c.outcome, c.closed_at, c.shared, c.runs, c.flagged_at, c.version, c.updated_at,
       p.last_name || ' ' || p.first_name
FROM outreach_cases c JOIN persons p ON p.id = c.person_id LEFT JOIN regions r ON r.id = c.region_id
     LEFT JOIN organisations o ON o.id = c.org_id LEFT JOIN organisations sc ON sc.id = c.school_id
     LEFT JOIN users u ON u.id = c.assignee_id LEFT JOIN organisations es ON es.id = c.enrolled_school_id
WHERE c.person_id = $1 AND c.step <> 'closed';

-- name: LastClosed
-- When the latest closed case of person $1 closed.
SELECT max(closed_at) FROM outreach_cases WHERE person_id = $1 AND step = 'closed';

-- name: Reflag
-- A new run's view of open case $1: the version stays (see the package).
UPDATE outreach_cases SET category = $2, visibility = $3, confidence = $4, why = $5, runs = runs + 1, flagged_at = $6
WHERE id = $1 AND step <> 'closed';

-- name: Save
-- Writes what a worker changed of case $1 if it still stands at version $2.
UPDATE outreach_cases SET assignee_id = $3, step = $4, step_at = $5, due_on = $6, contact_mode = $7, reason = $8,
       contact_note = $9, contacted_at = $10, support_at = $11, enrolled_school_id = $12, enrolled_on = $13,
       checks_done = $14, outcome = $15, closed_at = $16, shared = $17, updated_at = $18, version = version + 1
WHERE id = $1 AND version = $2;

-- name: OrgPath
SELECT path FROM organisations WHERE id = $1;

-- name: OrgName
SELECT name FROM organisations WHERE id = $1;

-- name: InsertEvent
INSERT INTO outreach_events (case_id, at, user_id, kind, detail) VALUES ($1, $2, $3, $4, $5);

-- name: Events
SELECT e.at, COALESCE(e.user_id, 0), COALESCE(u.name, ''), e.kind, e.detail
FROM outreach_events e LEFT JOIN users u ON u.id = e.user_id
WHERE e.case_id = $1
ORDER BY e.id;

-- name: Needs
SELECT need, note FROM outreach_needs WHERE case_id = $1 ORDER BY need;

-- name: PutNeed
INSERT INTO outreach_needs (case_id, need, note) VALUES ($1, $2, $3)
ON CONFLICT (case_id, need) DO UPDATE SET note = excluded.note;

-- name: Referrals
SELECT f.id, f.case_id, f.need, f.charity_id, ch.name, f.status, f.note, f.reason, f.answer, f.sent_at,
       f.answered_at, f.version
FROM outreach_referrals f JOIN charities ch ON ch.id = f.charity_id
WHERE f.case_id = $1
ORDER BY f.id;

-- name: InsertReferral
INSERT INTO outreach_referrals (case_id, need, charity_id, note, sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;

-- name: ReferralByID
SELECT f.id, f.case_id, f.need, f.charity_id, ch.name, f.status, f.note, f.reason, f.answer, f.sent_at,
       f.answered_at, f.version
FROM outreach_referrals f JOIN charities ch ON ch.id = f.charity_id
WHERE f.id = $1;

-- name: AnswerReferral
-- Answers referral $1 if it is still waiting at version $2.
UPDATE outreach_referrals SET status = $3, reason = $4, answer = $5, answered_by = $6, answered_at = $7,
       version = version + 1
WHERE id = $1 AND version = $2 AND status = 'sent';

-- name: FinishReferral
-- Ends referral $1 as status $2 when its case closes.
UPDATE outreach_referrals SET status = $2, version = version + 1 WHERE id = $1;

-- name: Checks
SELECT month, attending, checked_on, note FROM outreach_checks WHERE case_id = $1 ORDER BY id;

-- name: InsertCheck
INSERT INTO outreach_checks (case_id, month, attending, checked_on, note, checked_by) VALUES ($1, $2, $3, $4, $5, $6);

-- name: Queue
-- The open cases after the cursor ($5, $6), deadline first.
SELECT c.id, c.person_id, c.category, c.visibility, c.confidence, c.why, c.region_id, COALESCE(r.code, ''),
       c.region_path, c.org_id, COALESCE(o.name, ''), c.org_path, COALESCE(c.school_id, 0), COALESCE(sc.name, ''),
       COALESCE(c.assignee_id, 0), COALESCE(u.name, ''), c.step, c.step_at, c.due_on, c.contact_mode, c.reason,
       c.contact_note, c.contacted_at, c.support_at, COALESCE(c.enrolled_school_id, 0), COALESCE(es.name, ''),
       c.enrolled_on, c.checks_done, c.outcome, c.closed_at, c.shared, c.runs, c.flagged_at, c.version, c.updated_at,
       p.last_name || ' ' || p.first_name
FROM outreach_cases c JOIN persons p ON p.id = c.person_id LEFT JOIN regions r ON r.id = c.region_id
     LEFT JOIN organisations o ON o.id = c.org_id LEFT JOIN organisations sc ON sc.id = c.school_id
     LEFT JOIN users u ON u.id = c.assignee_id LEFT JOIN organisations es ON es.id = c.enrolled_school_id
WHERE c.step <> 'closed' AND c.org_path >= $1 AND c.org_path < $2 AND c.region_path >= $3 AND c.region_path < $4
  AND c.due_on >= $5 AND (c.due_on > $5 OR c.id > $6)
ORDER BY c.due_on, c.id
LIMIT $7 OFFSET $8;

-- name: QueueMine
-- Queue for the cases assigned to user $9.
SELECT c.id, c.person_id, c.category, c.visibility, c.confidence, c.why, c.region_id, COALESCE(r.code, ''),
       c.region_path, c.org_id, COALESCE(o.name, ''), c.org_path, COALESCE(c.school_id, 0), COALESCE(sc.name, ''),
       COALESCE(c.assignee_id, 0), COALESCE(u.name, ''), c.step, c.step_at, c.due_on, c.contact_mode, c.reason,
       c.contact_note, c.contacted_at, c.support_at, COALESCE(c.enrolled_school_id, 0), COALESCE(es.name, ''),
       c.enrolled_on, c.checks_done, c.outcome, c.closed_at, c.shared, c.runs, c.flagged_at, c.version, c.updated_at,
       p.last_name || ' ' || p.first_name
FROM outreach_cases c JOIN persons p ON p.id = c.person_id LEFT JOIN regions r ON r.id = c.region_id
     LEFT JOIN organisations o ON o.id = c.org_id LEFT JOIN organisations sc ON sc.id = c.school_id
     LEFT JOIN users u ON u.id = c.assignee_id LEFT JOIN organisations es ON es.id = c.enrolled_school_id
WHERE c.step <> 'closed' AND c.assignee_id = $9 AND c.org_path >= $1 AND c.org_path < $2
  AND c.region_path >= $3 AND c.region_path < $4 AND c.due_on >= $5 AND (c.due_on > $5 OR c.id > $6)
ORDER BY c.due_on, c.id
LIMIT $7 OFFSET $8;

-- name: CountQueue
SELECT count(*) FROM (
    SELECT 1 FROM outreach_cases c
    WHERE c.step <> 'closed' AND c.org_path >= $1 AND c.org_path < $2 AND c.region_path >= $3 AND c.region_path < $4
      AND c.due_on >= $5 AND (c.due_on > $5 OR c.id > $6)
    LIMIT $7 OFFSET $8
) x;

-- name: CountQueueMine
SELECT count(*) FROM (
    SELECT 1 FROM outreach_cases c
    WHERE c.step <> 'closed' AND c.assignee_id = $9 AND c.org_path >= $1 AND c.org_path < $2
      AND c.region_path >= $3 AND c.region_path < $4 AND c.due_on >= $5 AND (c.due_on > $5 OR c.id > $6)
    LIMIT $7 OFFSET $8
) x;

-- name: AssigneeScope
-- Whether user $1 is active, their name, role and scope.
SELECT u.active, u.name, u.role, COALESCE(o.path, ''), COALESCE(r.path, '')
FROM users u LEFT JOIN organisations o ON o.id = u.org_id LEFT JOIN regions r ON r.id = u.region_id
WHERE u.id = $1;

-- name: Inbox
-- The referrals sent to charity $1, waiting ones first, newest first;
-- with $2 <> '' those of status $2 only.
SELECT f.id, f.case_id, f.need, f.charity_id, ch.name, f.status, f.note, f.reason, f.answer, f.sent_at,
       f.answered_at, f.version
FROM outreach_referrals f JOIN charities ch ON ch.id = f.charity_id
WHERE f.charity_id = $1 AND (CAST($2 AS TEXT) = '' OR f.status = $2)
ORDER BY CASE WHEN f.status = 'sent' THEN 0 ELSE 1 END, f.id DESC
LIMIT 500;

-- name: Funnel
-- How far the cases of the scope got: flagged, contacted, given support,
-- enrolled, retained, closed otherwise; by district, or by the reason
-- given for not attending ('' before contact) when $5 is 1.
SELECT CASE WHEN $5 = 1 THEN c.reason ELSE c.region_path END AS k, count(*),
       sum(CASE WHEN c.contacted_at IS NOT NULL THEN 1 ELSE 0 END),
       sum(CASE WHEN c.support_at IS NOT NULL THEN 1 ELSE 0 END),
       sum(CASE WHEN c.enrolled_on IS NOT NULL THEN 1 ELSE 0 END),
       sum(CASE WHEN c.outcome = 'retained' THEN 1 ELSE 0 END),
       sum(CASE WHEN c.step = 'closed' AND c.outcome <> 'retained' THEN 1 ELSE 0 END)
FROM outreach_cases c
WHERE c.org_path >= $1 AND c.org_path < $2 AND c.region_path >= $3 AND c.region_path < $4 AND c.outcome <> 'merged'
GROUP BY k
ORDER BY k;

-- name: Deadlines
SELECT step, days FROM outreach_deadlines;

-- name: PutDeadline
INSERT INTO outreach_deadlines (step, days) VALUES ($1, $2)
ON CONFLICT (step) DO UPDATE SET days = excluded.days;

-- name: MergeCases
SELECT id FROM outreach_cases WHERE person_id = $1 ORDER BY id;

-- name: MoveCase
UPDATE outreach_cases SET person_id = $1 WHERE id = $2;

-- name: OpenRow
-- The open case of person $1, as the merge hook keeps it.
SELECT id, step, checks_done, step_at, due_on, version, updated_at
FROM outreach_cases WHERE person_id = $1 AND step <> 'closed';

-- name: CloseMerged
-- Closes case $1 at $2 (day $3) as merged into another case of the child.
UPDATE outreach_cases SET step = 'closed', outcome = 'merged', step_at = $2, closed_at = $2, due_on = $3,
       updated_at = $2, version = version + 1
WHERE id = $1;

-- name: Reopen
-- Undoes CloseMerged on case $1 if it still stands as the merge left it
-- (version $2): back at step $3 entered at $4, due on $5.
UPDATE outreach_cases SET step = $3, step_at = $4, due_on = $5, outcome = '', closed_at = NULL, updated_at = $6,
       version = version + 1
WHERE id = $1 AND version = $2 AND step = 'closed' AND outcome = 'merged';

-- name: PersonOf
SELECT person_id FROM outreach_cases WHERE id = $1;

-- name: CardOf
-- What a charity may be shown of the case of a referral, before the
-- family's consent is applied: the district, the shared fields' sources.
SELECT c.region_path, COALESCE(r.code, ''), c.shared, c.reason, p.last_name, p.first_name, p.birth_date, p.address,
       p.phone, COALESCE(n.note, '')
FROM outreach_cases c JOIN persons p ON p.id = c.person_id LEFT JOIN regions r ON r.id = c.region_id
     LEFT JOIN outreach_needs n ON n.case_id = c.id AND n.need = $2
WHERE c.id = $1;

-- name: Workers
-- The active outreach workers, with their scope, by name: those who may
-- be given a case are picked from them by the policy.
SELECT u.id, u.name, u.role, COALESCE(o.path, ''), COALESCE(r.path, '')
FROM users u LEFT JOIN organisations o ON o.id = u.org_id LEFT JOIN regions r ON r.id = u.region_id
WHERE u.active AND u.role = 'outreach'
ORDER BY u.name, u.id
LIMIT 2000;
