-- Recomputing the counters from the ledger (Verify).

-- name: VerifyBalances
SELECT warehouse_id, item_id, size, CAST(SUM(on_hand) AS BIGINT), CAST(SUM(moved) AS BIGINT),
    CAST(SUM(reserved) AS BIGINT), CAST(SUM(held) AS BIGINT)
FROM (
    SELECT warehouse_id, item_id, size, on_hand, reserved, 0 AS moved, 0 AS held FROM stock_balances
    UNION ALL
    SELECT warehouse_id, item_id, size, 0, 0, quantity, 0 FROM stock_moves
    UNION ALL
    SELECT warehouse_id, item_id, size, 0, 0, 0, quantity FROM stock_holds WHERE status = 'held'
) x
GROUP BY warehouse_id, item_id, size
HAVING SUM(on_hand) <> SUM(moved) OR SUM(reserved) <> SUM(held)
ORDER BY warehouse_id, item_id, size;

-- name: VerifyLots
SELECT warehouse_id, lot_id, CAST(SUM(on_hand) AS BIGINT), CAST(SUM(moved) AS BIGINT)
FROM (
    SELECT warehouse_id, lot_id, on_hand, 0 AS moved FROM stock_lot_balances
    UNION ALL
    SELECT warehouse_id, lot_id, 0, quantity FROM stock_moves
) x
GROUP BY warehouse_id, lot_id
HAVING SUM(on_hand) <> SUM(moved)
ORDER BY warehouse_id, lot_id;

-- name: VerifyUnits
-- Devices in stock against the on hand of their item (devices have no
-- sizes).
SELECT b.warehouse_id, b.item_id, CAST(b.on_hand AS BIGINT), CAST(COUNT(u.id) AS BIGINT)
FROM stock_balances b
JOIN aid_items i ON i.id = b.item_id AND i.serial_tracked
LEFT JOIN stock_units u ON u.warehouse_id = b.warehouse_id AND u.item_id = b.item_id AND u.state = 'in_stock'
GROUP BY b.warehouse_id, b.item_id, b.on_hand
HAVING b.on_hand <> COUNT(u.id)
ORDER BY b.warehouse_id, b.item_id;
