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
