-- Hours volunteers log and coordinators decide (hours.go), and their
-- totals (totals.go).

-- name: LockVolunteer
-- Takes the lock of volunteer $1 (a row lock on PostgreSQL; SQLite writes
-- one at a time), so two logs of one day cannot both pass the day's limit.
UPDATE volunteers SET version = version WHERE id = $1;

-- name: DayMinutes
-- The minutes volunteer $1 logged for day $2 and were not rejected.
SELECT COALESCE(sum(minutes), 0) FROM volunteer_hours WHERE volunteer_id = $1 AND worked_on = $2 AND status <> 'rejected';

-- name: TaskCampaign
-- The campaign of device task $1 given to volunteer $2 (through its
-- request); no row when the task is not theirs.
SELECT r.campaign_id FROM device_tasks t JOIN requests r ON r.id = t.request_id WHERE t.id = $1 AND t.volunteer_id = $2;

-- name: InsertHours
INSERT INTO volunteer_hours (volunteer_id, worked_on, minutes, need_id, task_id, course_id, campaign_id, note, status,
    org_path, region_path, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $11)
RETURNING id;

-- name: HoursFrom
-- The start of every read of hours.
SELECT h.id, h.volunteer_id, v.name, h.worked_on, h.minutes, COALESCE(h.need_id, 0), COALESCE(n.title, ''),
    COALESCE(h.task_id, 0), COALESCE(h.course_id, 0), COALESCE(c.title, ''), COALESCE(h.campaign_id, 0), h.note, h.status,
    h.reason, h.decided_name, h.decided_at, h.version, h.created_at, h.org_path, h.region_path
FROM volunteer_hours h JOIN volunteers v ON v.id = h.volunteer_id
LEFT JOIN volunteer_needs n ON n.id = h.need_id LEFT JOIN courses c ON c.id = h.course_id

-- name: HoursByID
WHERE h.id = $1;

-- name: HoursOf
-- The hours volunteer $1 logged, the latest day first.
WHERE h.volunteer_id = $1
ORDER BY h.worked_on DESC, h.id DESC
LIMIT 500;

-- name: HoursList
-- The hours within the scope [$1, $2) x [$3, $4) in status $5 (any when
-- ''), of volunteer $6 and campaign $7 (any when 0), the oldest day first,
-- after ($8, $9).
WHERE h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR h.status = $5)
  AND (CAST($6 AS BIGINT) = 0 OR h.volunteer_id = $6)
  AND (CAST($7 AS BIGINT) = 0 OR h.campaign_id = $7)
  AND (h.worked_on > $8 OR h.worked_on = $8 AND h.id > $9)
ORDER BY h.worked_on, h.id
LIMIT $10 OFFSET $11;

-- name: CountHours
SELECT 1 FROM volunteer_hours h
WHERE h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR h.status = $5)
  AND (CAST($6 AS BIGINT) = 0 OR h.volunteer_id = $6)
  AND (CAST($7 AS BIGINT) = 0 OR h.campaign_id = $7)
LIMIT $8;

-- name: DecideHours
UPDATE volunteer_hours SET status = $3, reason = $4, decided_by = $5, decided_name = $6, decided_at = $7,
    version = version + 1, updated_at = $7
WHERE id = $1 AND version = $2 AND status = 'pending';

-- name: HoursByVolunteer
-- Per volunteer within the scope [$1, $2) x [$3, $4) with hours approved
-- for campaign $5 (every campaign, and none, when 0): the minutes and
-- entries approved, the needs of that campaign they signed up to and the
-- device tasks of its requests they did; the most hours first.
SELECT v.id, v.name, sum(h.minutes), count(*),
    (SELECT count(*) FROM need_signups s JOIN volunteer_needs n ON n.id = s.need_id
     WHERE s.volunteer_id = v.id AND (CAST($5 AS BIGINT) = 0 OR n.campaign_id = $5) AND n.status = 'open'),
    (SELECT count(*) FROM device_tasks t JOIN requests r ON r.id = t.request_id
     WHERE t.volunteer_id = v.id AND t.status = 'done' AND (CAST($5 AS BIGINT) = 0 OR r.campaign_id = $5))
FROM volunteer_hours h JOIN volunteers v ON v.id = h.volunteer_id
WHERE h.status = 'approved' AND (CAST($5 AS BIGINT) = 0 OR h.campaign_id = $5)
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
GROUP BY v.id, v.name
ORDER BY sum(h.minutes) DESC, v.name, v.id;

-- name: Totals
-- Within the scope [$1, $2) x [$3, $4) for campaign $5 (all when 0): the
-- volunteers with approved hours, their minutes, and the minutes
-- waiting and rejected.
SELECT count(DISTINCT CASE WHEN h.status = 'approved' THEN h.volunteer_id END),
    COALESCE(sum(CASE WHEN h.status = 'approved' THEN h.minutes END), 0),
    COALESCE(sum(CASE WHEN h.status = 'pending' THEN h.minutes END), 0),
    COALESCE(sum(CASE WHEN h.status = 'rejected' THEN h.minutes END), 0)
FROM volunteer_hours h
WHERE (CAST($5 AS BIGINT) = 0 OR h.campaign_id = $5)
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4;

-- name: DeleteHours
-- Deletes hours $1 at version $2 while they wait for a decision.
DELETE FROM volunteer_hours WHERE id = $1 AND version = $2 AND status = 'pending';

-- name: HoursBySkill
-- Within the scope [$1, $2) x [$3, $4) for campaign $5 (all when 0): the
-- approved minutes per skill given, read from what the hours were for —
-- a need's role, the skill a device task's kind needs (as
-- aftercare.Kind.Skill), teaching for a course, other for none; the most
-- minutes first.
SELECT CASE
        WHEN h.need_id IS NOT NULL THEN n.role
        WHEN h.task_id IS NOT NULL THEN
            CASE t.kind WHEN 'install' THEN 'software' WHEN 'connect' THEN 'networking' ELSE 'training' END
        WHEN h.course_id IS NOT NULL THEN 'teaching'
        ELSE 'other'
    END AS skill,
    sum(h.minutes)
FROM volunteer_hours h
LEFT JOIN volunteer_needs n ON n.id = h.need_id LEFT JOIN device_tasks t ON t.id = h.task_id
WHERE h.status = 'approved' AND (CAST($5 AS BIGINT) = 0 OR h.campaign_id = $5)
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
GROUP BY 1
ORDER BY 2 DESC, 1;
