-- The ledger: documents, lots, devices, moves and the counters derived
-- from them. Moves are only inserted here; nothing in this package
-- updates or deletes one.

-- name: Item
SELECT id, code, is_kit, sizing, serial_tracked, active, name_en, name_kk, name_ru, name_fr, name_fa
FROM aid_items WHERE id = $1;

-- name: Components
SELECT i.id, i.code, i.is_kit, i.sizing, i.serial_tracked, i.active, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa,
    k.quantity
FROM kit_components k JOIN aid_items i ON i.id = k.component_id
WHERE k.kit_id = $1
ORDER BY i.id;

-- name: InsertDoc
INSERT INTO stock_docs (kind, status, warehouse_id, to_warehouse_id, donor_id, request_id, request_line, org_id,
    ref_doc_id, reason, note, org_path, region_path, created_by, created_name, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
RETURNING id;

-- name: InsertLot
INSERT INTO stock_lots (kind, item_id, size, donor_id, unit_cost, currency, doc_id, received_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: InsertLotPart
INSERT INTO stock_lot_parts (kit_lot_id, part_lot_id, quantity) VALUES ($1, $2, $3);

-- name: InsertUnit
INSERT INTO stock_units (item_id, serial, lot_id, warehouse_id, state, doc_id) VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;

-- name: UnitBySerial
SELECT id, lot_id, warehouse_id, state, doc_id FROM stock_units WHERE item_id = $1 AND serial = $2;

-- name: SetUnit
-- Moves device $1 to state $2 at warehouse $3 by document $4, only if it
-- still stands in state $5 at warehouse $6.
UPDATE stock_units SET state = $2, warehouse_id = $3, doc_id = $4 WHERE id = $1 AND state = $5 AND warehouse_id = $6;

-- name: UnitState
SELECT state, warehouse_id FROM stock_units WHERE id = $1;

-- name: PickUnits
SELECT serial FROM stock_units WHERE warehouse_id = $1 AND item_id = $2 AND state = 'in_stock' ORDER BY serial LIMIT $3;

-- name: InsertMove
INSERT INTO stock_moves (doc_id, warehouse_id, item_id, size, lot_id, unit_id, quantity, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: PutBalance
INSERT INTO stock_balances (warehouse_id, item_id, size, on_hand, reserved) VALUES ($1, $2, $3, $4, 0)
ON CONFLICT (warehouse_id, item_id, size) DO UPDATE SET on_hand = stock_balances.on_hand + excluded.on_hand;

-- name: TakeFree
-- Takes $4 units that are on hand and not reserved; no row when they are
-- not there.
UPDATE stock_balances SET on_hand = on_hand - $4
WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 AND on_hand - reserved >= $4;

-- name: TakeHeld
-- Takes $4 units out of what is reserved (a hold handed over).
UPDATE stock_balances SET on_hand = on_hand - $4, reserved = reserved - $4
WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 AND reserved >= $4;

-- name: BalanceOf
SELECT on_hand, reserved FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2 AND size = $3;

-- name: LotsFIFO
-- The lots of a balance that hold units, oldest first.
SELECT lot_id, on_hand FROM stock_lot_balances
WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 AND on_hand > 0
ORDER BY lot_id;

-- name: TakeLot
UPDATE stock_lot_balances SET on_hand = on_hand - $3 WHERE warehouse_id = $1 AND lot_id = $2 AND on_hand >= $3;

-- name: PutLot
INSERT INTO stock_lot_balances (warehouse_id, lot_id, item_id, size, on_hand) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (warehouse_id, lot_id) DO UPDATE SET on_hand = stock_lot_balances.on_hand + excluded.on_hand;

-- name: DocMoves
SELECT m.id, m.doc_id, m.warehouse_id, m.item_id, m.size, m.lot_id, u.serial, m.quantity, m.at
FROM stock_moves m LEFT JOIN stock_units u ON u.id = m.unit_id
WHERE m.doc_id = $1
ORDER BY m.id;

-- name: DocByID
SELECT id, kind, status, warehouse_id, to_warehouse_id, donor_id, request_id, request_line, org_id, ref_doc_id,
    reason, note, org_path, region_path, created_by, created_name, created_at, received_name, received_note, received_at
FROM stock_docs WHERE id = $1;

-- name: ReceiveDoc
-- A transfer's arrival, once: no row when it was received already.
UPDATE stock_docs SET status = 'received', received_by = $2, received_name = $3, received_note = $4, received_at = $5
WHERE id = $1 AND kind = 'transfer' AND status = 'in_transit';

-- name: LockDoc
SELECT id FROM stock_docs WHERE id = $1;

-- name: ReturnedFrom
-- The moves of the returns of handover $1.
SELECT m.id, m.doc_id, m.warehouse_id, m.item_id, m.size, m.lot_id, u.serial, m.quantity, m.at
FROM stock_docs d JOIN stock_moves m ON m.doc_id = d.id LEFT JOIN stock_units u ON u.id = m.unit_id
WHERE d.ref_doc_id = $1 AND d.kind = 'return'
ORDER BY m.id;
