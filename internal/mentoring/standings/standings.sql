-- The mentors' school standing of every mentor within a scope at once
-- (standings.go), for shortlists and pools that would otherwise read it
-- mentor by mentor. The scope bounds are $1..$4, as in List.

-- name: AttendedInScope
-- The modules each mentor of the scope was present at a session of, in
-- any cohort.
SELECT DISTINCT a.mentor_id, s.module_id
FROM mentor_attendance a
JOIN mentor_sessions s ON s.id = a.session_id
JOIN mentors m ON m.id = a.mentor_id
WHERE a.present AND m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4;

-- name: PassedInScope
-- The mentors of the scope with a final check of result $5 in any cohort.
SELECT DISTINCT c.mentor_id
FROM mentor_cohort_members c
JOIN mentors m ON m.id = c.mentor_id
WHERE c.final = $5 AND m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4;
