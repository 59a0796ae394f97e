-- Appeals: the record, its links, the queue (read in deadline order,
-- keyset on due_on and id), deadlines per kind, the installation's
-- calendar days and the statistics. Each queue has its count, which reads
-- the queue's index alone (the index holds the scope's paths). Every list
-- is bounded by the principal's scope ($1-$4).

-- name: Insert
INSERT INTO appeals (kind, channel, status, person_id, caller_name, caller_phone, subject, region_id, region_path,
                     org_id, org_path, campaign_id, assignee_id, received_at, working_days, due_on, created_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
RETURNING id;

-- name: ByID
SELECT a.id, a.kind, a.channel, a.status, COALESCE(a.person_id, 0), a.caller_name, a.caller_phone, a.subject,
       a.region_id, COALESCE(r.code, ''), a.region_path, COALESCE(a.org_id, 0), a.org_path, COALESCE(o.name, ''),
       COALESCE(a.campaign_id, 0), COALESCE(a.assignee_id, 0), COALESCE(u.name, ''), a.received_at, a.working_days,
       a.due_on, a.outcome, a.answer, a.answered_on, a.answered_at, COALESCE(a.answered_by, 0), a.version,
       COALESCE(a.created_by, 0), a.updated_at
FROM appeals a LEFT JOIN regions r ON r.id = a.region_id LEFT JOIN organisations o ON o.id = a.org_id
     LEFT JOIN users u ON u.id = a.assignee_id
WHERE a.id = $1;

-- name: LinkPerson
INSERT INTO appeal_people (appeal_id, person_id) VALUES ($1, $2);

-- name: LinkRequest
INSERT INTO appeal_requests (appeal_id, request_id) VALUES ($1, $2);

-- name: LinkedPeople
SELECT person_id FROM appeal_people WHERE appeal_id = $1 ORDER BY person_id;

-- name: LinkedRequests
-- The requests appeal $1 links, with their reference and scope.
SELECT q.id, q.reference, q.org_path, q.region_path
FROM appeal_requests l JOIN requests q ON q.id = l.request_id
WHERE l.appeal_id = $1
ORDER BY q.id;

-- name: RequestScope
SELECT reference, org_path, region_path FROM requests WHERE id = $1;

-- name: RequestByReference
SELECT id FROM requests WHERE reference = $1;

-- name: CampaignExists
SELECT id FROM campaigns WHERE id = $1;

-- name: AssigneeScope
-- Whether user $1 is active, their name, role and scope.
SELECT u.active, u.name, u.role, COALESCE(o.path, ''), COALESCE(r.path, '')
FROM users u LEFT JOIN organisations o ON o.id = u.org_id LEFT JOIN regions r ON r.id = u.region_id
WHERE u.id = $1;

-- name: Answer
-- Answers appeal $8 if it still stands at version $9.
UPDATE appeals SET status = $1, outcome = $2, answer = $3, answered_on = $4, answered_at = $5, answered_by = $6,
                   updated_at = $7, version = version + 1
WHERE id = $8 AND version = $9 AND status = 'open';

-- name: Close
UPDATE appeals SET status = $1, updated_at = $2, version = version + 1
WHERE id = $3 AND version = $4 AND status = 'answered';

-- name: Assign
UPDATE appeals SET assignee_id = $1, updated_at = $2, version = version + 1
WHERE id = $3 AND version = $4;

-- name: Queue
-- The appeals of status $5 after the cursor ($6, $7), deadline first.
SELECT a.id, a.kind, a.channel, a.status, COALESCE(a.person_id, 0), a.caller_name, a.caller_phone, a.subject,
       a.region_id, COALESCE(r.code, ''), a.region_path, COALESCE(a.org_id, 0), a.org_path, COALESCE(o.name, ''),
       COALESCE(a.campaign_id, 0), COALESCE(a.assignee_id, 0), COALESCE(u.name, ''), a.received_at, a.working_days,
       a.due_on, a.outcome, a.answer, a.answered_on, a.answered_at, COALESCE(a.answered_by, 0), a.version,
       COALESCE(a.created_by, 0), a.updated_at
FROM appeals a LEFT JOIN regions r ON r.id = a.region_id LEFT JOIN organisations o ON o.id = a.org_id
     LEFT JOIN users u ON u.id = a.assignee_id
WHERE a.status = $5 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
ORDER BY a.due_on, a.id
LIMIT $8 OFFSET $9;

-- name: QueueKind
-- Queue for the appeals of kind $10.
SELECT a.id, a.kind, a.channel, a.status, COALESCE(a.person_id, 0), a.caller_name, a.caller_phone, a.subject,
       a.region_id, COALESCE(r.code, ''), a.region_path, COALESCE(a.org_id, 0), a.org_path, COALESCE(o.name, ''),
       COALESCE(a.campaign_id, 0), COALESCE(a.assignee_id, 0), COALESCE(u.name, ''), a.received_at, a.working_days,
       a.due_on, a.outcome, a.answer, a.answered_on, a.answered_at, COALESCE(a.answered_by, 0), a.version,
       COALESCE(a.created_by, 0), a.updated_at
FROM appeals a LEFT JOIN regions r ON r.id = a.region_id LEFT JOIN organisations o ON o.id = a.org_id
     LEFT JOIN users u ON u.id = a.assignee_id
WHERE a.status = $5 AND a.kind = $10 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
ORDER BY a.due_on, a.id
LIMIT $8 OFFSET $9;

-- name: QueueMine
-- Queue for the appeals assigned to user $10.
SELECT a.id, a.kind, a.channel, a.status, COALESCE(a.person_id, 0), a.caller_name, a.caller_phone, a.subject,
       a.region_id, COALESCE(r.code, ''), a.region_path, COALESCE(a.org_id, 0), a.org_path, COALESCE(o.name, ''),
       COALESCE(a.campaign_id, 0), COALESCE(a.assignee_id, 0), COALESCE(u.name, ''), a.received_at, a.working_days,
       a.due_on, a.outcome, a.answer, a.answered_on, a.answered_at, COALESCE(a.answered_by, 0), a.version,
       COALESCE(a.created_by, 0), a.updated_at
FROM appeals a LEFT JOIN regions r ON r.id = a.region_id LEFT JOIN organisations o ON o.id = a.org_id
     LEFT JOIN users u ON u.id = a.assignee_id
WHERE a.status = $5 AND a.assignee_id = $10 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
ORDER BY a.due_on, a.id
LIMIT $8 OFFSET $9;

-- name: QueueKindMine
-- Queue for the appeals of kind $10 assigned to user $11.
SELECT a.id, a.kind, a.channel, a.status, COALESCE(a.person_id, 0), a.caller_name, a.caller_phone, a.subject,
       a.region_id, COALESCE(r.code, ''), a.region_path, COALESCE(a.org_id, 0), a.org_path, COALESCE(o.name, ''),
       COALESCE(a.campaign_id, 0), COALESCE(a.assignee_id, 0), COALESCE(u.name, ''), a.received_at, a.working_days,
       a.due_on, a.outcome, a.answer, a.answered_on, a.answered_at, COALESCE(a.answered_by, 0), a.version,
       COALESCE(a.created_by, 0), a.updated_at
FROM appeals a LEFT JOIN regions r ON r.id = a.region_id LEFT JOIN organisations o ON o.id = a.org_id
     LEFT JOIN users u ON u.id = a.assignee_id
WHERE a.status = $5 AND a.kind = $10 AND a.assignee_id = $11 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
ORDER BY a.due_on, a.id
LIMIT $8 OFFSET $9;

-- name: CountQueue
-- How many appeals Queue pages through, up to $8, read from the index alone.
SELECT count(*) FROM (
    SELECT 1 FROM appeals a
    WHERE a.status = $5 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
      AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
    LIMIT $8 OFFSET $9
) x;

-- name: CountQueueKind
-- CountQueue for QueueKind.
SELECT count(*) FROM (
    SELECT 1 FROM appeals a
    WHERE a.status = $5 AND a.kind = $10 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
      AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
    LIMIT $8 OFFSET $9
) x;

-- name: CountQueueMine
-- CountQueue for QueueMine.
SELECT count(*) FROM (
    SELECT 1 FROM appeals a
    WHERE a.status = $5 AND a.assignee_id = $10 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
      AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
    LIMIT $8 OFFSET $9
) x;

-- name: CountQueueKindMine
-- CountQueue for QueueKindMine.
SELECT count(*) FROM (
    SELECT 1 FROM appeals a
    WHERE a.status = $5 AND a.kind = $10 AND a.assignee_id = $11 AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
      AND a.due_on >= $6 AND (a.due_on > $6 OR a.id > $7)
    LIMIT $8 OFFSET $9
) x;

-- name: Deadlines
SELECT kind, working_days FROM appeal_deadlines;

-- name: PutDeadline
INSERT INTO appeal_deadlines (kind, working_days) VALUES ($1, $2)
ON CONFLICT (kind) DO UPDATE SET working_days = excluded.working_days;

-- name: CalendarDays
SELECT day, working, name FROM calendar_days WHERE country = $1 ORDER BY day;

-- name: PutCalendarDay
INSERT INTO calendar_days (country, day, working, name) VALUES ($1, $2, $3, $4)
ON CONFLICT (country, day) DO UPDATE SET working = excluded.working, name = excluded.name;

-- name: DeleteCalendarDay
DELETE FROM calendar_days WHERE country = $1 AND day = $2;

-- name: Stats
-- The appeals received from $5 to before $6, by kind, channel and place:
-- received, answered, answered by the deadline, open, and open past the
-- deadline on day $7.
SELECT a.kind, a.channel, a.region_path, count(*),
       sum(CASE WHEN a.answered_on IS NOT NULL THEN 1 ELSE 0 END),
       sum(CASE WHEN a.answered_on IS NOT NULL AND a.answered_on <= a.due_on THEN 1 ELSE 0 END),
       sum(CASE WHEN a.status = 'open' THEN 1 ELSE 0 END),
       sum(CASE WHEN a.status = 'open' AND a.due_on < $7 THEN 1 ELSE 0 END)
FROM appeals a
WHERE a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4 AND a.received_at >= $5 AND a.received_at < $6
GROUP BY a.kind, a.channel, a.region_path;

-- name: MergeCallers
SELECT id FROM appeals WHERE person_id = $1 ORDER BY id;

-- name: MoveCaller
UPDATE appeals SET person_id = $1 WHERE id = $2;

-- name: OpenCampaigns
-- The open campaigns, latest first, named in locale $1 where they have a
-- name in it; at most $2.
SELECT c.id, COALESCE((SELECT t.name FROM campaign_texts t WHERE t.campaign_id = c.id AND t.locale = $1),
                      (SELECT min(t.name) FROM campaign_texts t WHERE t.campaign_id = c.id), c.slug)
FROM campaigns c
WHERE c.status = 'open'
ORDER BY c.starts_on DESC, c.id DESC
LIMIT $2;
