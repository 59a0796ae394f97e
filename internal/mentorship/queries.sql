-- Mentorships: reading them, ending them, their sessions, goals and
-- feedback, and the mentors' activity.

-- name: Columns
SELECT ms.id, ms.youth_id, y.last_name, y.first_name, r.code, ms.mentor_id, m.name, COALESCE(m.user_id, 0),
    ms.org_path, ms.region_path, ms.minor, ms.status, ms.started_on, ms.ended_on, ms.end_reason, ms.version,
    ms.updated_at
FROM mentorships ms JOIN youth y ON y.id = ms.youth_id JOIN regions r ON r.id = y.region_id
    JOIN mentors m ON m.id = ms.mentor_id

-- name: ByID
WHERE ms.id = $1;

-- name: List
-- The mentorships within the scope bounds $1..$4 and the region bounds
-- $6..$7, of status $5 and mentor $8 when they are set, of the mentor
-- whose login is $9 when it is not 0, newest first below id $10.
WHERE ms.org_path >= $1 AND ms.org_path < $2 AND ms.region_path >= $3 AND ms.region_path < $4
    AND (CAST($5 AS TEXT) = '' OR ms.status = $5)
    AND ms.region_path >= $6 AND ms.region_path < $7
    AND (CAST($8 AS BIGINT) = 0 OR ms.mentor_id = $8)
    AND (CAST($9 AS BIGINT) = 0 OR m.user_id = $9)
    AND ms.id < $10
ORDER BY ms.id DESC
LIMIT $11;

-- name: RegionPath
SELECT path FROM regions WHERE code = $1;

-- name: End
-- Ends mentorship $6 once: only an active one changes.
UPDATE mentorships SET status = $1, ended_on = $2, end_reason = $3, ended_by = $4, updated_at = $5,
    version = version + 1
WHERE id = $6 AND status = 'active';

-- name: InsertSession
INSERT INTO mentorship_sessions (mentorship_id, held_on, minutes, format, topic, logged_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: Sessions
SELECT id, mentorship_id, held_on, minutes, format, topic, created_at
FROM mentorship_sessions WHERE mentorship_id = $1
ORDER BY held_on DESC, id DESC;

-- name: Session
SELECT id, mentorship_id, held_on, minutes, format, topic, created_at
FROM mentorship_sessions WHERE id = $1;

-- name: InsertGoal
INSERT INTO mentorship_goals (mentorship_id, title, target_on, progress, steps, steps_done, status, created_at,
    updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
RETURNING id;

-- name: UpdateGoal
-- Updates goal $7 of mentorship $8 if it still stands at version $9.
UPDATE mentorship_goals SET title = $1, target_on = $2, progress = $3, steps = $4, steps_done = $5,
    status = $6, updated_at = $10, version = version + 1
WHERE id = $7 AND mentorship_id = $8 AND version = $9;

-- name: Goals
SELECT id, mentorship_id, title, target_on, progress, steps, steps_done, status, version
FROM mentorship_goals WHERE mentorship_id = $1
ORDER BY id;

-- name: Goal
SELECT id, mentorship_id, title, target_on, progress, steps, steps_done, status, version
FROM mentorship_goals WHERE id = $1;

-- name: InsertFeedback
INSERT INTO mentorship_feedback (session_id, author, rating, comment, created_at)
VALUES ($1, $2, $3, $4, $5)
RETURNING id;

-- name: Feedback
SELECT f.id, f.session_id, f.author, f.rating, f.comment, f.created_at
FROM mentorship_feedback f JOIN mentorship_sessions s ON s.id = f.session_id
WHERE s.mentorship_id = $1
ORDER BY f.id;

-- name: Activity
-- Sessions and minutes per mentor over the days $5..$6, of the
-- mentorships within the scope bounds $1..$4, by the mentor's region.
SELECT m.id, m.name, r.code, COUNT(s.id), COALESCE(SUM(s.minutes), 0)
FROM mentorship_sessions s JOIN mentorships ms ON ms.id = s.mentorship_id
    JOIN mentors m ON m.id = ms.mentor_id JOIN regions r ON r.id = m.region_id
WHERE ms.org_path >= $1 AND ms.org_path < $2 AND ms.region_path >= $3 AND ms.region_path < $4
    AND s.held_on >= $5 AND s.held_on <= $6
GROUP BY m.id, m.name, r.code
ORDER BY r.code, m.name, m.id;

-- name: RepathOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one. Mentorships and their concerns copy
-- the young person's paths.
UPDATE mentorships SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathConcernOrgs
UPDATE safeguarding_concerns SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER))
WHERE org_path LIKE $3;

-- name: RepathRegions
UPDATE mentorships SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER))
WHERE region_path LIKE $3;

-- name: RepathConcernRegions
UPDATE safeguarding_concerns SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER))
WHERE region_path LIKE $3;

-- name: ByYouth
-- Young person $1's mentorships, the newest first.
WHERE ms.youth_id = $1
ORDER BY ms.id DESC;
