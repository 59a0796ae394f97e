-- Reading balances, lots, devices and the history of a warehouse.

-- name: Balances
SELECT b.item_id, i.code, b.size, i.serial_tracked, b.on_hand, b.reserved,
    i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa
FROM stock_balances b JOIN aid_items i ON i.id = b.item_id
WHERE b.warehouse_id = $1 AND (b.on_hand > 0 OR b.reserved > 0)
ORDER BY i.sort, i.id, b.size;

-- name: LotBalances
SELECT l.id, l.kind, l.item_id, l.size, b.on_hand, l.donor_id, d.name, l.unit_cost, l.currency, l.received_at
FROM stock_lot_balances b
JOIN stock_lots l ON l.id = b.lot_id
LEFT JOIN donors d ON d.id = l.donor_id
WHERE b.warehouse_id = $1 AND b.on_hand > 0
ORDER BY l.item_id, l.size, l.id;

-- name: History
-- The documents of warehouse $1 (made there or sent to it) before id $2,
-- newest first, with what they moved there.
SELECT d.id, d.kind, d.status, d.warehouse_id, d.to_warehouse_id, d.reason, d.note, d.created_name, d.created_at,
    d.received_name, d.received_at, COALESCE(dn.name, ''), fw.name, COALESCE(tw.name, ''), COALESCE(o.name, ''),
    COALESCE(r.reference, ''), d.request_id,
    CAST(COALESCE((SELECT SUM(m.quantity) FROM stock_moves m WHERE m.doc_id = d.id AND m.warehouse_id = $1), 0) AS BIGINT)
FROM stock_docs d
JOIN warehouses fw ON fw.id = d.warehouse_id
LEFT JOIN warehouses tw ON tw.id = d.to_warehouse_id
LEFT JOIN donors dn ON dn.id = d.donor_id
LEFT JOIN organisations o ON o.id = d.org_id
LEFT JOIN requests r ON r.id = d.request_id
WHERE (d.warehouse_id = $1 OR d.to_warehouse_id = $1) AND d.id < $2
ORDER BY d.id DESC
LIMIT $3 OFFSET $4;

-- name: CountHistory
SELECT 1 FROM stock_docs WHERE warehouse_id = $1 OR to_warehouse_id = $1 LIMIT $2;

-- name: InTransit
SELECT d.id, d.kind, d.status, d.warehouse_id, d.to_warehouse_id, d.reason, d.note, d.created_name, d.created_at,
    d.received_name, d.received_at, '', fw.name, tw.name, '', '', d.request_id,
    CAST(COALESCE((SELECT SUM(m.quantity) FROM stock_moves m WHERE m.doc_id = d.id), 0) AS BIGINT)
FROM stock_docs d
JOIN warehouses fw ON fw.id = d.warehouse_id
JOIN warehouses tw ON tw.id = d.to_warehouse_id
WHERE d.to_warehouse_id = $1 AND d.status = 'in_transit'
ORDER BY d.id;

-- name: Units
SELECT u.id, u.item_id, u.serial, u.state, u.lot_id, dn.name, u.doc_id
FROM stock_units u JOIN stock_lots l ON l.id = u.lot_id LEFT JOIN donors dn ON dn.id = l.donor_id
WHERE u.warehouse_id = $1 AND (u.state = $2 OR CAST($2 AS TEXT) = '')
ORDER BY u.item_id, u.serial
LIMIT $3;
