-- The pages of the warehouse, donor and device lists (pages.go): newest
-- first, before id $n, with their bounded counts.

-- name: WarehousePage
-- The warehouses within the scope [$1, $2) x [$3, $4) with their totals,
-- before id $5.
SELECT w.id, w.code, w.name, w.kind, w.org_id, o.name, w.org_path, w.region_id, r.code, w.region_path, w.address, w.active,
    CAST(COALESCE((SELECT SUM(b.on_hand) FROM stock_balances b WHERE b.warehouse_id = w.id), 0) AS BIGINT),
    CAST(COALESCE((SELECT SUM(b.reserved) FROM stock_balances b WHERE b.warehouse_id = w.id), 0) AS BIGINT)
FROM warehouses w JOIN organisations o ON o.id = w.org_id JOIN regions r ON r.id = w.region_id
WHERE w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4 AND w.id < $5
ORDER BY w.id DESC
LIMIT $6 OFFSET $7;

-- name: CountWarehouses
SELECT 1 FROM warehouses w
WHERE w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
LIMIT $5;

-- name: DonorPage
-- The donors recorded within the organisation subtree [$1, $2) or above
-- organisation path $3, before id $4.
SELECT id, name, kind, donor_org_id, contact, org_id, org_path, created_at
FROM donors
WHERE ((org_path >= $1 AND org_path < $2) OR substr(CAST($3 AS TEXT), 1, length(org_path)) = org_path) AND id < $4
ORDER BY id DESC
LIMIT $5 OFFSET $6;

-- name: CountDonors
SELECT 1 FROM donors
WHERE (org_path >= $1 AND org_path < $2) OR substr(CAST($3 AS TEXT), 1, length(org_path)) = org_path
LIMIT $4;

-- name: UnitPage
-- The devices at warehouse $1 in state $2 (any when ''), before id $3.
SELECT u.id, u.item_id, u.serial, u.state, u.lot_id, dn.name, u.doc_id
FROM stock_units u JOIN stock_lots l ON l.id = u.lot_id LEFT JOIN donors dn ON dn.id = l.donor_id
WHERE u.warehouse_id = $1 AND (u.state = $2 OR CAST($2 AS TEXT) = '') AND u.id < $3
ORDER BY u.id DESC
LIMIT $4 OFFSET $5;

-- name: CountUnits
SELECT 1 FROM stock_units u WHERE u.warehouse_id = $1 AND (u.state = $2 OR CAST($2 AS TEXT) = '') LIMIT $3;
