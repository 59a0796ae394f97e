-- Safeguarding: the designated leads of organisations and the concerns
-- that reach them.

-- name: LeadFor
-- The lead of the deepest organisation on path $1 (the branch and those
-- above it) that has one.
SELECT l.user_id FROM safeguarding_leads l JOIN organisations o ON o.id = l.org_id
WHERE CAST($1 AS TEXT) LIKE o.path || '%'
ORDER BY LENGTH(o.path) DESC
LIMIT 1;

-- name: SetLead
INSERT INTO safeguarding_leads (org_id, user_id, set_by, set_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (org_id) DO UPDATE SET user_id = excluded.user_id, set_by = excluded.set_by, set_at = excluded.set_at;

-- name: Leads
-- The leads of the organisations within the bounds $1..$2.
SELECT o.id, o.name, o.path, u.id, u.name
FROM safeguarding_leads l JOIN organisations o ON o.id = l.org_id JOIN users u ON u.id = l.user_id
WHERE o.path >= $1 AND o.path < $2
ORDER BY o.path;

-- name: OrgPath
SELECT o.path, COALESCE(r.path, '') FROM organisations o LEFT JOIN regions r ON r.id = o.region_id WHERE o.id = $1;

-- name: UserScope
SELECT u.role, COALESCE(o.path, ''), u.active FROM users u LEFT JOIN organisations o ON o.id = u.org_id
WHERE u.id = $1;

-- name: InsertConcern
INSERT INTO safeguarding_concerns (mentorship_id, org_path, region_path, lead_id, reporter, reported_by, body,
    status, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8)
RETURNING id;

-- name: ConcernColumns
SELECT c.id, c.mentorship_id, c.org_path, c.region_path, COALESCE(c.lead_id, 0), COALESCE(u.name, ''), c.reporter,
    c.body, c.status, c.note, c.closed_at, c.version, c.created_at, c.updated_at, y.last_name, y.first_name, ms.minor
FROM safeguarding_concerns c JOIN mentorships ms ON ms.id = c.mentorship_id JOIN youth y ON y.id = ms.youth_id
    LEFT JOIN users u ON u.id = c.lead_id

-- name: Concern
WHERE c.id = $1;

-- name: Concerns
-- The concerns reader $1 works: theirs as lead, and within the scope
-- bounds $2..$5 those with no lead, or every one when $6 (an
-- administrator). Of status $7 when set, newest first below id $8.
WHERE (c.lead_id = $1 OR ((CAST($6 AS BOOLEAN) OR c.lead_id IS NULL) AND c.org_path >= $2 AND c.org_path < $3
        AND c.region_path >= $4 AND c.region_path < $5))
    AND (CAST($7 AS TEXT) = '' OR c.status = $7)
    AND c.id < $8
ORDER BY c.id DESC
LIMIT $9;

-- name: WorkConcern
UPDATE safeguarding_concerns SET status = $1, note = $2, closed_by = $3, closed_at = $4, updated_at = $5,
    version = version + 1
WHERE id = $6 AND version = $7;
