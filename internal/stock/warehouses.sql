-- Warehouses and donors.

-- name: ScopeOrg
-- Organisation $1 with its name, path, region and language: the scope a
-- warehouse or donor of it copies.
SELECT o.id, o.name, o.path, o.region_id, COALESCE(r.code, ''), COALESCE(r.path, ''), o.locale
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id = $1;

-- name: RegionByCode
SELECT id, code, path FROM regions WHERE code = $1;

-- name: InsertWarehouse
INSERT INTO warehouses (code, name, kind, org_id, org_path, region_id, region_path, address, active, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
RETURNING id;

-- name: UpdateWarehouse
UPDATE warehouses SET code = $2, name = $3, kind = $4, org_id = $5, org_path = $6, region_id = $7, region_path = $8,
    address = $9, active = $10, updated_at = $11
WHERE id = $1;

-- name: WarehouseByID
SELECT w.id, w.code, w.name, w.kind, w.org_id, o.name, w.org_path, w.region_id, r.code, w.region_path, w.address, w.active
FROM warehouses w JOIN organisations o ON o.id = w.org_id JOIN regions r ON r.id = w.region_id
WHERE w.id = $1;

-- name: WarehouseForUpdate
SELECT w.id, w.code, w.name, w.kind, w.org_id, o.name, w.org_path, w.region_id, r.code, w.region_path, w.address, w.active
FROM warehouses w JOIN organisations o ON o.id = w.org_id JOIN regions r ON r.id = w.region_id
WHERE w.id = $1;

-- name: Warehouses
-- The warehouses within a scope with their totals, open ones first.
SELECT w.id, w.code, w.name, w.kind, w.org_id, o.name, w.org_path, w.region_id, r.code, w.region_path, w.address, w.active,
    CAST(COALESCE((SELECT SUM(b.on_hand) FROM stock_balances b WHERE b.warehouse_id = w.id), 0) AS BIGINT),
    CAST(COALESCE((SELECT SUM(b.reserved) FROM stock_balances b WHERE b.warehouse_id = w.id), 0) AS BIGINT)
FROM warehouses w JOIN organisations o ON o.id = w.org_id JOIN regions r ON r.id = w.region_id
WHERE w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
ORDER BY w.active DESC, w.name, w.id;

-- name: InsertDonor
INSERT INTO donors (name, kind, donor_org_id, contact, org_id, org_path, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: UpdateDonor
UPDATE donors SET name = $1, kind = $2, contact = $3 WHERE id = $4;

-- name: EditDonor
-- A donor edited on its own (EditDonor): the organisation of the
-- registry it is may change too; the recording organisation stays.
UPDATE donors SET name = $1, kind = $2, contact = $3, donor_org_id = $4 WHERE id = $5;

-- name: Donors
-- The donors recorded within the organisation subtree [$1, $2) by an
-- organisation of the region subtree [$4, $5), or above organisation
-- path $3, by name.
SELECT d.id, d.name, d.kind, d.donor_org_id, d.contact, d.org_id, d.org_path, d.created_at, COALESCE(r.path, '')
FROM donors d JOIN organisations o ON o.id = d.org_id LEFT JOIN regions r ON r.id = o.region_id
WHERE (d.org_path >= $1 AND d.org_path < $2 AND COALESCE(r.path, '') >= $4 AND COALESCE(r.path, '') < $5)
   OR substr(CAST($3 AS TEXT), 1, length(d.org_path)) = d.org_path
ORDER BY d.name, d.id;

-- name: DonorByID
-- Donor $1 with the region of the organisation that recorded it.
SELECT d.id, d.name, d.kind, d.donor_org_id, d.contact, d.org_id, d.org_path, d.created_at, COALESCE(r.path, '')
FROM donors d JOIN organisations o ON o.id = d.org_id LEFT JOIN regions r ON r.id = o.region_id
WHERE d.id = $1;

-- name: RepathWarehouseOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE warehouses SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathWarehouseRegions
UPDATE warehouses SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathDonorOrgs
UPDATE donors SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathDocOrgs
UPDATE stock_docs SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathDocRegions
UPDATE stock_docs SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
