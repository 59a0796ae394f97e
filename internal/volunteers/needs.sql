-- Needs for people and the sign-ups to them (needs.go, signup.go).

-- name: InsertNeed
INSERT INTO volunteer_needs (campaign_id, role, title, place, on_date, wanted, status, note, region_id, region_path,
    org_id, org_path, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11, $12, $13, $13)
RETURNING id;

-- name: UpdateNeed
-- Changes need $1 read at version $2; wanted never drops below the
-- sign-ups taken.
UPDATE volunteer_needs SET campaign_id = $3, role = $4, title = $5, place = $6, on_date = $7, wanted = $8, note = $9,
    region_id = $10, region_path = $11, org_id = $12, org_path = $13, version = version + 1, updated_at = $14
WHERE id = $1 AND version = $2 AND taken <= $8;

-- name: CancelNeed
UPDATE volunteer_needs SET status = 'cancelled', version = version + 1, updated_at = $3
WHERE id = $1 AND version = $2 AND status = 'open';

-- name: NeedFrom
-- The start of every read of needs; $1 is the reading volunteer (0 for
-- none), for whether they signed up.
SELECT n.id, COALESCE(n.campaign_id, 0), n.role, n.title, n.place, n.on_date, n.wanted, n.taken, n.status, n.note,
    n.region_id, r.code, n.region_path, n.org_id, o.name, n.org_path, n.version, n.created_at, n.updated_at,
    EXISTS (SELECT 1 FROM need_signups s WHERE s.need_id = n.id AND s.volunteer_id = $1)
FROM volunteer_needs n JOIN regions r ON r.id = n.region_id JOIN organisations o ON o.id = n.org_id

-- name: NeedByID
WHERE n.id = $2;

-- name: Needs
-- The needs within the scope [$2, $3) x [$4, $5) on or after day $6, of
-- role $7 (any when ''), of campaign $8 (any when 0), open only when $9
-- is 1, the soonest first, then by id after ($10, $11).
WHERE n.org_path >= $2 AND n.org_path < $3 AND n.region_path >= $4 AND n.region_path < $5
  AND n.on_date >= $6
  AND (CAST($7 AS TEXT) = '' OR n.role = $7)
  AND (CAST($8 AS BIGINT) = 0 OR n.campaign_id = $8)
  AND (CAST($9 AS INTEGER) = 0 OR n.status = 'open')
  AND (n.on_date > $10 OR n.on_date = $10 AND n.id > $11)
ORDER BY n.on_date, n.id
LIMIT $12 OFFSET $13;

-- name: CountNeeds
SELECT 1 FROM volunteer_needs n
WHERE n.org_path >= $1 AND n.org_path < $2 AND n.region_path >= $3 AND n.region_path < $4
  AND n.on_date >= $5
  AND (CAST($6 AS TEXT) = '' OR n.role = $6)
  AND (CAST($7 AS BIGINT) = 0 OR n.campaign_id = $7)
  AND (CAST($8 AS INTEGER) = 0 OR n.status = 'open')
LIMIT $9;

-- name: NeedsNear
-- The open needs from day $2 on whose region holds region path $3 or lies
-- within it: what volunteer $1 may sign up to, the soonest first.
WHERE n.status = 'open' AND n.on_date >= $2
  AND (substr(CAST($3 AS TEXT), 1, length(n.region_path)) = n.region_path
       OR substr(n.region_path, 1, length(CAST($3 AS TEXT))) = $3)
ORDER BY n.on_date, n.id
LIMIT 200;

-- name: NeedsSigned
-- The needs volunteer $1 signed up to, the latest first.
WHERE EXISTS (SELECT 1 FROM need_signups s WHERE s.need_id = n.id AND s.volunteer_id = $1)
ORDER BY n.on_date DESC, n.id DESC
LIMIT 200;

-- name: SignupsOf
SELECT s.volunteer_id, v.name, v.phone, s.signed_at
FROM need_signups s JOIN volunteers v ON v.id = s.volunteer_id
WHERE s.need_id = $1
ORDER BY s.signed_at, s.volunteer_id;

-- name: TakePlace
-- Takes one place of need $1 when one is free and it is open on or after
-- day $2: no row changes otherwise.
UPDATE volunteer_needs SET taken = taken + 1
WHERE id = $1 AND status = 'open' AND taken < wanted AND on_date >= $2;

-- name: FreePlace
UPDATE volunteer_needs SET taken = taken - 1 WHERE id = $1 AND taken > 0;

-- name: InsertSignup
INSERT INTO need_signups (need_id, volunteer_id, signed_at) VALUES ($1, $2, $3);

-- name: DeleteSignup
DELETE FROM need_signups WHERE need_id = $1 AND volunteer_id = $2;

-- name: SignedUp
SELECT 1 FROM need_signups WHERE need_id = $1 AND volunteer_id = $2;

-- name: RepathNeedOrgs
UPDATE volunteer_needs SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathNeedRegions
UPDATE volunteer_needs SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER))
WHERE region_path LIKE $3;

-- name: RepathHoursOrgs
UPDATE volunteer_hours SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathHoursRegions
UPDATE volunteer_hours SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER))
WHERE region_path LIKE $3;
