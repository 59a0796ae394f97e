-- name: BalanceOf
SELECT on_hand, reserved FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 FOR UPDATE;

-- name: LockDoc
SELECT id FROM stock_docs WHERE id = $1 FOR UPDATE;
