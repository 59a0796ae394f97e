-- Young people (youth.go): registration, routing to a branch, reads in
-- the reader's scope, a guardian's consent.

-- name: Region
SELECT id, path FROM regions WHERE code = $1;

-- name: OrgByID
SELECT o.id, o.name, o.path, o.active FROM organisations o WHERE o.id = $1;

-- name: Branches
-- The branch of head office $1 (its subtree's bounds $2, $4) that covers
-- region path $3: an
-- active organisation below the head office whose region is the deepest
-- ancestor of the place (or the place itself); of several at one depth,
-- the one nearest the head office, then the first made.
SELECT o.id, o.name, o.path
FROM organisations o JOIN regions r ON r.id = o.region_id
WHERE o.path >= $2 AND o.path < $4 AND o.id <> $1 AND o.active
  AND substr(CAST($3 AS TEXT), 1, length(r.path)) = r.path
ORDER BY length(r.path) DESC, length(o.path), o.id
LIMIT 1;

-- name: InsertYouth
-- A second registration of the same identity inserts nothing and returns
-- no row; the caller then reads the first (IdentityOf).
INSERT INTO youth (identity, last_name, first_name, patronymic, birth_date, age_group, region_id, region_path,
    settlement, status, field, goals, language, phone, telegram, email, channel, shortlist_consent,
    org_id, org_path, head_office, registered_on, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24)
ON CONFLICT (identity) DO NOTHING
RETURNING id;

-- name: IdentityOf
SELECT id FROM youth WHERE identity = $1;

-- name: YouthFrom
-- The start of every read of young people; YouthByID or YouthInScope
-- completes it.
SELECT y.id, y.last_name, y.first_name, y.patronymic, y.birth_date, y.age_group, r.code, y.region_path,
       y.settlement, y.status, y.field, y.goals, y.language, y.phone, y.telegram, y.email, y.channel,
       y.shortlist_consent, y.org_id, o.name, y.org_path, y.head_office, y.guardian_name, y.guardian_relation,
       y.guardian_contact, y.guardian_consent_on, COALESCE(y.guardian_recorded_by, 0), y.guardian_recorder,
       y.registered_on, COALESCE(y.created_by, 0), y.created_at, y.updated_at
FROM youth y JOIN regions r ON r.id = y.region_id JOIN organisations o ON o.id = y.org_id

-- name: YouthByID
WHERE y.id = $1

-- name: YouthInScope
-- The reader's scope ($1-$4), an age group ($5, '' for all), newest
-- first by id below $6; a region subtree ($8, '' for all), a status
-- ($9), a field ($10), a branch's subtree ($11) and, when $12 is not
-- '', only minors (born after $13) whose guardian's consent is missing.
WHERE y.org_path >= $1 AND y.org_path < $2 AND y.region_path >= $3 AND y.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR y.age_group = $5) AND y.id < $6
  AND (CAST($8 AS TEXT) = '' OR substr(y.region_path, 1, length(CAST($8 AS TEXT))) = $8)
  AND (CAST($9 AS TEXT) = '' OR y.status = $9)
  AND (CAST($10 AS TEXT) = '' OR y.field = $10)
  AND (CAST($11 AS TEXT) = '' OR substr(y.org_path, 1, length(CAST($11 AS TEXT))) = $11)
  AND (CAST($12 AS TEXT) = '' OR (y.birth_date > $13 AND y.guardian_consent_on IS NULL))
ORDER BY y.id DESC
LIMIT $7

-- name: SetGuardian
UPDATE youth SET guardian_name = $1, guardian_relation = $2, guardian_contact = $3, guardian_consent_on = $4,
    guardian_recorded_by = $5, guardian_recorder = $6, updated_at = $7
WHERE id = $8;

-- name: RepathOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE youth SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
-- A region subtree moved, as RepathOrgs.
UPDATE youth SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
