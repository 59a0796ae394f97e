-- The mentors' school: modules, cohorts and their members, sessions,
-- attendance and the final check.

-- name: Modules
SELECT id, code, name, required, position FROM mentor_modules ORDER BY position, id;

-- name: InsertModule
INSERT INTO mentor_modules (code, name, required, position) VALUES ($1, $2, $3, $4) RETURNING id;

-- name: InsertCohort
INSERT INTO mentor_cohorts (name, org_id, org_path, region_path, starts_on, ends_on, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: Cohort
SELECT id, name, org_id, org_path, region_path, starts_on, ends_on FROM mentor_cohorts WHERE id = $1;

-- name: Cohorts
-- The cohorts within the scope bounds $1..$4, the latest first.
SELECT id, name, org_id, org_path, region_path, starts_on, ends_on FROM mentor_cohorts
WHERE org_path >= $1 AND org_path < $2 AND region_path >= $3 AND region_path < $4
ORDER BY starts_on DESC, id DESC
LIMIT 500;

-- name: InsertMember
INSERT INTO mentor_cohort_members (cohort_id, mentor_id) VALUES ($1, $2);

-- name: Members
-- The members of cohort $1 with their final check, by name.
SELECT m.id, m.name, c.final, c.score, c.checked_on
FROM mentor_cohort_members c JOIN mentors m ON m.id = c.mentor_id
WHERE c.cohort_id = $1
ORDER BY m.name, m.id;

-- name: InsertSession
INSERT INTO mentor_sessions (cohort_id, module_id, held_on, trainer) VALUES ($1, $2, $3, $4) RETURNING id;

-- name: Session
SELECT id, cohort_id, module_id, held_on, trainer FROM mentor_sessions WHERE id = $1;

-- name: Sessions
SELECT id, cohort_id, module_id, held_on, trainer FROM mentor_sessions WHERE cohort_id = $1 ORDER BY held_on, id;

-- name: Attend
INSERT INTO mentor_attendance (session_id, mentor_id, present) VALUES ($1, $2, $3)
ON CONFLICT (session_id, mentor_id) DO UPDATE SET present = excluded.present;

-- name: Attendance
-- Who of cohort $1 was present at which session.
SELECT a.session_id, a.mentor_id FROM mentor_attendance a JOIN mentor_sessions s ON s.id = a.session_id
WHERE s.cohort_id = $1 AND a.present;

-- name: Final
-- Records the final check of member $5 of cohort $4.
UPDATE mentor_cohort_members SET final = $1, score = $2, checked_on = $3, checked_by = $6
WHERE cohort_id = $4 AND mentor_id = $5;

-- name: Attended
-- The modules mentor $1 was present at a session of, in any cohort.
SELECT DISTINCT s.module_id FROM mentor_attendance a JOIN mentor_sessions s ON s.id = a.session_id
WHERE a.mentor_id = $1 AND a.present;

-- name: Finals
-- Mentor $1's final checks, in any cohort.
SELECT final FROM mentor_cohort_members WHERE mentor_id = $1;
