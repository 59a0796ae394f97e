-- Charities: the record, its domains and regions, and the places of its
-- capacity taken by accepted referrals.

-- name: Insert
INSERT INTO charities (name, org_id, capacity, active, note, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
RETURNING id;

-- name: Update
-- Updates charity $6 if it still stands at version $7; the capacity never
-- falls below the places taken.
UPDATE charities SET name = $1, capacity = $2, active = $3, note = $4, updated_at = $5, version = version + 1
WHERE id = $6 AND version = $7 AND taken <= $2;

-- name: ByID
SELECT c.id, c.name, c.org_id, COALESCE(o.name, ''), c.capacity, c.taken, c.active, c.note, c.version, c.updated_at
FROM charities c LEFT JOIN organisations o ON o.id = c.org_id
WHERE c.id = $1;

-- name: ByOrg
SELECT c.id, c.name, c.org_id, COALESCE(o.name, ''), c.capacity, c.taken, c.active, c.note, c.version, c.updated_at
FROM charities c LEFT JOIN organisations o ON o.id = c.org_id
WHERE c.org_id = $1;

-- name: List
-- The charities by name; with $1 <> '' only those covering domain $1.
SELECT c.id, c.name, c.org_id, COALESCE(o.name, ''), c.capacity, c.taken, c.active, c.note, c.version, c.updated_at
FROM charities c LEFT JOIN organisations o ON o.id = c.org_id
WHERE CAST($1 AS TEXT) = '' OR EXISTS (SELECT 1 FROM charity_domains d WHERE d.charity_id = c.id AND d.domain = $1)
ORDER BY c.name, c.id
LIMIT 1000;

-- name: OrgExists
SELECT id FROM organisations WHERE id = $1;

-- name: Domains
SELECT domain FROM charity_domains WHERE charity_id = $1 ORDER BY domain;

-- name: DeleteDomains
DELETE FROM charity_domains WHERE charity_id = $1;

-- name: InsertDomain
INSERT INTO charity_domains (charity_id, domain) VALUES ($1, $2);

-- name: Regions
SELECT r.code, cr.region_path FROM charity_regions cr JOIN regions r ON r.id = cr.region_id
WHERE cr.charity_id = $1 ORDER BY cr.region_path;

-- name: DeleteRegions
DELETE FROM charity_regions WHERE charity_id = $1;

-- name: InsertRegion
INSERT INTO charity_regions (charity_id, region_id, region_path) VALUES ($1, $2, $3);

-- name: Take
-- Takes one place of charity $1 if it has one free.
UPDATE charities SET taken = taken + 1 WHERE id = $1 AND taken < capacity;

-- name: Release
UPDATE charities SET taken = taken - 1 WHERE id = $1 AND taken > 0;
