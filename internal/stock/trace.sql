-- Following a donor's gifts (Trace). gift is every lot of donor $1 and
-- every kit lot assembled from one, at any depth.

-- name: TraceMoves
WITH RECURSIVE gift(id) AS (
    SELECT id FROM stock_lots WHERE donor_id = $1
    UNION
    SELECT p.kit_lot_id FROM stock_lot_parts p JOIN gift g ON p.part_lot_id = g.id
)
SELECT d.kind, m.item_id, CAST(SUM(m.quantity) AS BIGINT)
FROM gift g JOIN stock_moves m ON m.lot_id = g.id JOIN stock_docs d ON d.id = m.doc_id
GROUP BY d.kind, m.item_id
ORDER BY d.kind, m.item_id;

-- name: TraceStock
WITH RECURSIVE gift(id) AS (
    SELECT id FROM stock_lots WHERE donor_id = $1
    UNION
    SELECT p.kit_lot_id FROM stock_lot_parts p JOIN gift g ON p.part_lot_id = g.id
)
SELECT b.item_id, CAST(SUM(b.on_hand) AS BIGINT)
FROM gift g JOIN stock_lot_balances b ON b.lot_id = g.id
GROUP BY b.item_id
HAVING SUM(b.on_hand) > 0
ORDER BY b.item_id;

-- name: TraceCounts
WITH RECURSIVE gift(id) AS (
    SELECT id FROM stock_lots WHERE donor_id = $1
    UNION
    SELECT p.kit_lot_id FROM stock_lot_parts p JOIN gift g ON p.part_lot_id = g.id
),
docs AS (
    SELECT DISTINCT d.id, d.kind, d.request_id, d.request_line, d.org_id
    FROM gift g JOIN stock_moves m ON m.lot_id = g.id JOIN stock_docs d ON d.id = m.doc_id
    WHERE d.kind IN ('issue_person', 'issue_institution')
)
SELECT (SELECT count(*) FROM (SELECT DISTINCT request_id, request_line FROM docs WHERE kind = 'issue_person') x),
    (SELECT count(DISTINCT org_id) FROM docs WHERE kind = 'issue_institution');

-- name: TraceRequests
-- The handovers to children, with the request's scope for the reader's
-- check.
WITH RECURSIVE gift(id) AS (
    SELECT id FROM stock_lots WHERE donor_id = $1
    UNION
    SELECT p.kit_lot_id FROM stock_lot_parts p JOIN gift g ON p.part_lot_id = g.id
)
SELECT DISTINCT r.id, r.person_id, r.org_path, r.region_path
FROM gift g JOIN stock_moves m ON m.lot_id = g.id
JOIN stock_docs d ON d.id = m.doc_id AND d.kind = 'issue_person'
JOIN requests r ON r.id = d.request_id
ORDER BY r.id;
