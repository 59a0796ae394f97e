-- A device's story (device.go): where it came from, every document that
-- moved it, and the holds of the request line it was handed over for.

-- name: DeviceByID
SELECT u.id, u.item_id, u.serial, u.state, u.lot_id, COALESCE(dn.name, ''), u.doc_id, u.warehouse_id, w.name,
    w.org_path, w.region_path, l.kind, COALESCE(l.donor_id, 0), l.unit_cost, l.currency, l.doc_id, l.received_at
FROM stock_units u
JOIN stock_lots l ON l.id = u.lot_id
JOIN warehouses w ON w.id = u.warehouse_id
LEFT JOIN donors dn ON dn.id = l.donor_id
WHERE u.id = $1;

-- name: DevicesBySerial
-- The devices of every item with serial $1 (a serial is unique per item).
SELECT u.id, u.item_id, u.serial, u.state, u.lot_id, COALESCE(dn.name, ''), u.doc_id, u.warehouse_id, w.name,
    w.org_path, w.region_path, l.kind, COALESCE(l.donor_id, 0), l.unit_cost, l.currency, l.doc_id, l.received_at
FROM stock_units u
JOIN stock_lots l ON l.id = u.lot_id
JOIN warehouses w ON w.id = u.warehouse_id
LEFT JOIN donors dn ON dn.id = l.donor_id
WHERE u.serial = $1
ORDER BY u.item_id, u.id;

-- name: DeviceMoves
-- Every move of device $1 with its document, in the order written.
SELECT d.id, d.kind, d.status, m.warehouse_id, w.name, COALESCE(d.to_warehouse_id, 0), COALESCE(tw.name, ''),
    COALESCE(d.org_id, 0), COALESCE(o.name, ''), COALESCE(d.request_id, 0), d.request_line, COALESCE(r.reference, ''),
    COALESCE(d.ref_doc_id, 0), d.reason, d.note, d.created_name, d.received_name, d.received_at, m.quantity, m.at
FROM stock_moves m
JOIN stock_docs d ON d.id = m.doc_id
JOIN warehouses w ON w.id = m.warehouse_id
LEFT JOIN warehouses tw ON tw.id = d.to_warehouse_id
LEFT JOIN organisations o ON o.id = d.org_id
LEFT JOIN requests r ON r.id = d.request_id
WHERE m.unit_id = $1
ORDER BY m.id;

-- name: LineHolds
-- Every hold request line ($1, $2) has had, the latest first, with the
-- campaign of the allocation run that set it aside.
SELECT h.id, h.request_id, h.line, h.warehouse_id, h.item_id, h.size, h.quantity, h.run_id, w.name, h.status,
    COALESCE(h.doc_id, 0), h.created_at, h.closed_at, w.org_path, w.region_path, COALESCE(ar.campaign_id, 0)
FROM stock_holds h JOIN warehouses w ON w.id = h.warehouse_id
LEFT JOIN allocation_runs ar ON ar.id = h.run_id
WHERE h.request_id = $1 AND h.line = $2
ORDER BY h.id DESC;
