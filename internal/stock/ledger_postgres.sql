-- name: BalanceOf
SELECT on_hand, reserved FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 FOR UPDATE;

-- name: LockDoc
SELECT id FROM stock_docs WHERE id = $1 FOR UPDATE;

-- name: PickUnits
-- The devices a transfer by quantity takes, locked as they are read; those
-- another document has locked are passed over, so transfers sent at once
-- take devices of their own instead of waiting for the same ones and
-- being refused.
SELECT serial FROM stock_units WHERE warehouse_id = $1 AND item_id = $2 AND state = 'in_stock' ORDER BY serial LIMIT $3
FOR UPDATE SKIP LOCKED;
