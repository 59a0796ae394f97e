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
-- The donors recorded within the organisation subtree [$1, $2) by an
-- organisation of the region subtree [$7, $8), or above organisation
-- path $3, before id $4.
SELECT d.id, d.name, d.kind, d.donor_org_id, d.contact, d.org_id, d.org_path, d.created_at, COALESCE(r.path, '')
FROM donors d JOIN organisations o ON o.id = d.org_id LEFT JOIN regions r ON r.id = o.region_id
WHERE ((d.org_path >= $1 AND d.org_path < $2 AND COALESCE(r.path, '') >= $7 AND COALESCE(r.path, '') < $8)
       OR substr(CAST($3 AS TEXT), 1, length(d.org_path)) = d.org_path) AND d.id < $4
ORDER BY d.id DESC
LIMIT $5 OFFSET $6;

-- name: CountDonors
SELECT 1 FROM donors d JOIN organisations o ON o.id = d.org_id LEFT JOIN regions r ON r.id = o.region_id
WHERE (d.org_path >= $1 AND d.org_path < $2 AND COALESCE(r.path, '') >= $5 AND COALESCE(r.path, '') < $6)
   OR substr(CAST($3 AS TEXT), 1, length(d.org_path)) = d.org_path
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
