-- Activities of the programme's strands (activity.go), enrolments
-- (enrol.go), sessions and attendance (sessions.go), counts (counts.go).

-- name: Region
SELECT id, path FROM regions WHERE code = $1;

-- name: OrgByID
SELECT o.id, o.path, o.active FROM organisations o WHERE o.id = $1;

-- name: InsertActivity
INSERT INTO activities (name, strand, description, org_id, org_path, region_id, region_path, starts_on, ends_on,
    capacity, min_age, max_age, local_only, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
RETURNING id;

-- name: ActivityFrom
-- The start of every read of activities; ActivityByID or
-- ActivitiesInScope completes it.
SELECT a.id, a.name, a.strand, a.description, a.org_id, o.name, r.code, a.starts_on, a.ends_on, a.capacity,
    a.enrolled, a.min_age, a.max_age, a.local_only, a.created_at, a.org_path, a.region_path
FROM activities a JOIN organisations o ON o.id = a.org_id JOIN regions r ON r.id = a.region_id

-- name: ActivityByID
WHERE a.id = $1

-- name: ActivitiesInScope
-- The reader's scope ($1-$4), a strand ($5, '' for all), a region
-- subtree [$6, $7), newest first by id below $8.
WHERE a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR a.strand = $5) AND a.region_path >= $6 AND a.region_path < $7 AND a.id < $8
ORDER BY a.id DESC
LIMIT $9

-- name: CountInScope
SELECT count(*) FROM (SELECT 1 FROM activities a
WHERE a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR a.strand = $5) AND a.region_path >= $6 AND a.region_path < $7
LIMIT $8) c;

-- name: YouthOf
SELECT y.birth_date, y.region_path, y.org_path FROM youth y WHERE y.id = $1;

-- name: TakePlace
-- Takes one place of activity $1 when one is free: no row changes
-- otherwise.
UPDATE activities SET enrolled = enrolled + 1, updated_at = $2 WHERE id = $1 AND enrolled < capacity;

-- name: InsertEnrolment
INSERT INTO activity_enrolments (activity_id, youth_id, enrolled_via, enrolled_by, enrolled_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $5)
ON CONFLICT (activity_id, youth_id) DO NOTHING;

-- name: Participants
-- The young people enrolled on activity $1 by name, with the sessions
-- they came to and their progress.
SELECT e.youth_id, y.last_name, y.first_name, y.age_group, e.enrolled_via, e.enrolled_at,
    (SELECT count(*) FROM activity_attendance t JOIN activity_sessions s ON s.id = t.session_id
     WHERE s.activity_id = e.activity_id AND t.youth_id = e.youth_id AND t.present),
    e.progress, e.progress_note
FROM activity_enrolments e JOIN youth y ON y.id = e.youth_id
WHERE e.activity_id = $1
ORDER BY y.last_name, y.first_name, y.id;

-- name: EnrolmentOf
SELECT count(*) FROM activity_enrolments WHERE activity_id = $1 AND youth_id = $2;

-- name: SetProgress
UPDATE activity_enrolments SET progress = $3, progress_note = $4, updated_at = $5
WHERE activity_id = $1 AND youth_id = $2;

-- name: InsertSession
INSERT INTO activity_sessions (activity_id, held_on, topic, leader, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;

-- name: Sessions
SELECT s.id, s.activity_id, s.held_on, s.topic, s.leader,
    (SELECT count(*) FROM activity_attendance t WHERE t.session_id = s.id AND t.present),
    (SELECT count(*) FROM activity_attendance t WHERE t.session_id = s.id)
FROM activity_sessions s WHERE s.activity_id = $1 ORDER BY s.held_on, s.id;

-- name: SessionByID
SELECT s.id, s.activity_id, s.held_on, s.topic, s.leader,
    (SELECT count(*) FROM activity_attendance t WHERE t.session_id = s.id AND t.present),
    (SELECT count(*) FROM activity_attendance t WHERE t.session_id = s.id)
FROM activity_sessions s WHERE s.id = $1;

-- name: MarksOf
SELECT youth_id, present FROM activity_attendance WHERE session_id = $1;

-- name: PutMark
INSERT INTO activity_attendance (session_id, youth_id, present, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (session_id, youth_id) DO UPDATE SET present = excluded.present, recorded_by = excluded.recorded_by,
    recorded_at = excluded.recorded_at;

-- name: StrandCounts
-- Per strand within the reader's scope ($1-$4): activities, places taken
-- and places offered.
SELECT a.strand, count(*), COALESCE(sum(a.enrolled), 0), COALESCE(sum(a.capacity), 0)
FROM activities a
WHERE a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
GROUP BY a.strand;

-- name: MentoredInScope
-- The young people within the reader's scope ($1-$4) who have had a
-- mentor: the mentoring strand.
SELECT count(DISTINCT m.youth_id) FROM mentorships m
WHERE m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4;

-- name: RepathOrgs
UPDATE activities SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
UPDATE activities SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: OpenFor
-- The activities not yet over on day $2 of the region of young person
-- $1, of a region above it or below it, the soonest first, with whether
-- the young person is enrolled; at most $3.
WHERE a.ends_on >= $2 AND EXISTS (SELECT 1 FROM youth y WHERE y.id = $1
    AND (y.region_path LIKE a.region_path || '%' OR a.region_path LIKE y.region_path || '%'))
ORDER BY a.starts_on, a.id
LIMIT $3

-- name: JoinedOf
SELECT activity_id FROM activity_enrolments WHERE youth_id = $1;
