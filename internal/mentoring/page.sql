-- The coordinator's list of mentors, a page at a time with its filters,
-- and the branches and places the public application form offers.

-- name: Page
-- The mentors within the scope bounds $1..$4 whose id is below $5, the
-- newest first, of status $6, field $7, region subtree [$8, $9) and
-- background $10 when they are not ''; school $11: 'finished' for those
-- who attended every required module and passed a final check,
-- 'not_finished' for the others; vetted $12: 'valid' for a vetting valid
-- on day $13, 'none' for the others. At most $14 rows after skipping $15.
SELECT m.id, m.name, m.phone, m.email, m.background, m.org_id, m.org_path, r.code, m.region_id, m.region_path,
    m.in_person, m.online, m.capacity, m.mentees, m.minors, m.vetting_document, m.vetted_on, m.vetting_expires,
    m.vetted_by, m.status, m.reason, m.decided_at, m.user_id, m.source, m.version, m.updated_at
FROM mentors m JOIN regions r ON r.id = m.region_id
WHERE m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4 AND m.id < $5
    AND (CAST($6 AS TEXT) = '' OR m.status = $6)
    AND (CAST($7 AS TEXT) = '' OR EXISTS (SELECT 1 FROM mentor_expertise e WHERE e.mentor_id = m.id AND e.field = $7))
    AND m.region_path >= $8 AND m.region_path < $9
    AND (CAST($10 AS TEXT) = '' OR m.background = $10)
    AND (CAST($11 AS TEXT) = ''
        OR (CAST($11 AS TEXT) = 'finished') = (
            NOT EXISTS (SELECT 1 FROM mentor_modules d WHERE d.required AND NOT EXISTS (
                SELECT 1 FROM mentor_attendance a JOIN mentor_sessions s ON s.id = a.session_id
                WHERE a.mentor_id = m.id AND a.present AND s.module_id = d.id))
            AND EXISTS (SELECT 1 FROM mentor_cohort_members c WHERE c.mentor_id = m.id AND c.final = 'passed')))
    AND (CAST($12 AS TEXT) = ''
        OR (CAST($12 AS TEXT) = 'valid') = (m.vetting_document <> '' AND m.vetting_expires IS NOT NULL
            AND m.vetting_expires >= $13))
ORDER BY m.id DESC
LIMIT $14 OFFSET $15;

-- name: CountPage
-- How many mentors Page pages through, the same bounds and filters,
-- counted up to $14.
SELECT 1 FROM mentors m
WHERE m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4 AND m.id < $5
    AND (CAST($6 AS TEXT) = '' OR m.status = $6)
    AND (CAST($7 AS TEXT) = '' OR EXISTS (SELECT 1 FROM mentor_expertise e WHERE e.mentor_id = m.id AND e.field = $7))
    AND m.region_path >= $8 AND m.region_path < $9
    AND (CAST($10 AS TEXT) = '' OR m.background = $10)
    AND (CAST($11 AS TEXT) = ''
        OR (CAST($11 AS TEXT) = 'finished') = (
            NOT EXISTS (SELECT 1 FROM mentor_modules d WHERE d.required AND NOT EXISTS (
                SELECT 1 FROM mentor_attendance a JOIN mentor_sessions s ON s.id = a.session_id
                WHERE a.mentor_id = m.id AND a.present AND s.module_id = d.id))
            AND EXISTS (SELECT 1 FROM mentor_cohort_members c WHERE c.mentor_id = m.id AND c.final = 'passed')))
    AND (CAST($12 AS TEXT) = ''
        OR (CAST($12 AS TEXT) = 'valid') = (m.vetting_document <> '' AND m.vetting_expires IS NOT NULL
            AND m.vetting_expires >= $13))
LIMIT $14;

-- name: Branches
-- The active organisations with a region, which a mentor may apply to,
-- by name.
SELECT o.id, o.name, r.code, r.path FROM organisations o JOIN regions r ON r.id = o.region_id
WHERE o.active
ORDER BY o.name, o.id
LIMIT 200;

-- name: Places
-- The regions within region path $1 (itself included), by path: where a
-- mentor of a branch of that region may live.
SELECT code, name_en, name_kk, name_ru, name_fr, name_fa FROM regions
WHERE path >= $1 AND path < $2
ORDER BY path
LIMIT 300;

-- name: SessionMarks
-- Who of session $1's cohort was marked present or absent.
SELECT mentor_id, present FROM mentor_attendance WHERE session_id = $1;
