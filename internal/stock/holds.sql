-- Holds of stock for request lines, and handovers.

-- name: Reserve
-- Holds $4 more units when they are available; no row otherwise.
UPDATE stock_balances SET reserved = reserved + $4
WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 AND on_hand - reserved >= $4;

-- name: Unreserve
UPDATE stock_balances SET reserved = reserved - $4
WHERE warehouse_id = $1 AND item_id = $2 AND size = $3 AND reserved >= $4;

-- name: InsertHold
INSERT INTO stock_holds (request_id, line, warehouse_id, item_id, size, quantity, run_id, status, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'held', $8);

-- name: HoldForLine
SELECT id, request_id, line, warehouse_id, item_id, size, quantity, run_id
FROM stock_holds WHERE request_id = $1 AND line = $2 AND status = 'held';

-- name: HoldsOfRun
SELECT id, request_id, line, warehouse_id, item_id, size, quantity, run_id
FROM stock_holds WHERE run_id = $1 AND status = 'held' AND run_id <> 0;

-- name: HoldsOfRequest
SELECT id, request_id, line, warehouse_id, item_id, size, quantity, run_id
FROM stock_holds WHERE request_id = $1 AND status = 'held' ORDER BY line;

-- name: CloseHold
UPDATE stock_holds SET status = $2, doc_id = $3, closed_at = $4 WHERE id = $1 AND status = 'held';

-- name: Available
-- Every open warehouse's stock not reserved, within an organisation and a
-- region subtree, of the items campaign $5 offers (any when 0).
SELECT b.warehouse_id, r.code, w.region_path, b.item_id, b.size, b.on_hand, b.reserved
FROM stock_balances b
JOIN warehouses w ON w.id = b.warehouse_id
JOIN regions r ON r.id = w.region_id
WHERE w.active AND b.on_hand > b.reserved
  AND w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
  AND (CAST($5 AS BIGINT) = 0 OR b.item_id IN (SELECT item_id FROM campaign_items WHERE campaign_id = $5))
ORDER BY b.warehouse_id, b.item_id, b.size;

-- name: LockRequest
SELECT id FROM requests WHERE id = $1;

-- name: RequestLine
SELECT r.status, l.item_id, l.size, l.quantity, r.org_path, r.region_path
FROM requests r JOIN request_lines l ON l.request_id = r.id
WHERE r.id = $1 AND l.line = $2;

-- name: IssuedForLine
-- What request line ($1, $2) has been handed, net of returns.
SELECT COALESCE(-SUM(m.quantity), 0)
FROM stock_docs d JOIN stock_moves m ON m.doc_id = d.id
WHERE d.request_id = $1 AND d.request_line = $2 AND d.kind IN ('issue_person', 'return');

-- name: RequestByReference
SELECT id FROM requests WHERE reference = $1;
