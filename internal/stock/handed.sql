-- The devices handed over (handed.go): the latest handover first, with
-- their bounded count.

-- name: HandedPage
-- The devices issued from the warehouses within the scope [$1, $2) x
-- [$3, $4), after the device $6 of handover $5 in the order of the list.
SELECT u.id, u.item_id, u.serial, u.state, u.lot_id, COALESCE(dn.name, ''), u.doc_id, u.warehouse_id, w.name,
    w.org_path, w.region_path, l.kind, COALESCE(l.donor_id, 0), l.unit_cost, l.currency, l.doc_id, l.received_at,
    d.created_at
FROM stock_units u
JOIN stock_docs d ON d.id = u.doc_id
JOIN stock_lots l ON l.id = u.lot_id
JOIN warehouses w ON w.id = u.warehouse_id
LEFT JOIN donors dn ON dn.id = l.donor_id
WHERE u.state = 'issued' AND w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
  AND (u.doc_id < $5 OR (u.doc_id = $5 AND u.id < $6))
ORDER BY u.doc_id DESC, u.id DESC
LIMIT $7 OFFSET $8;

-- name: CountHanded
SELECT 1 FROM stock_units u JOIN warehouses w ON w.id = u.warehouse_id
WHERE u.state = 'issued' AND w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
LIMIT $5;
