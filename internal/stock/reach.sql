-- What a sponsor's impact is read from (reach.go): the issues of a
-- donor's units, net of their returns, and the donor's donations.

-- name: DonorReach
-- Per issue document (to a person or an institution) and item, the units
-- of donor $1's lots (and of kits made from them) it handed over, less
-- those returns have taken back.
WITH RECURSIVE gift(id) AS (
    SELECT id FROM stock_lots WHERE donor_id = $1
    UNION
    SELECT p.kit_lot_id FROM stock_lot_parts p JOIN gift g ON p.part_lot_id = g.id
),
given AS (
    SELECT d.id AS doc_id, d.kind, COALESCE(d.request_id, 0) AS request_id, d.request_line,
        COALESCE(d.org_id, 0) AS org_id, m.item_id, -SUM(m.quantity) AS quantity
    FROM gift g JOIN stock_moves m ON m.lot_id = g.id JOIN stock_docs d ON d.id = m.doc_id
    WHERE d.kind IN ('issue_person', 'issue_institution')
    GROUP BY d.id, d.kind, d.request_id, d.request_line, d.org_id, m.item_id
),
back AS (
    SELECT d.ref_doc_id AS doc_id, m.item_id, SUM(m.quantity) AS quantity
    FROM gift g JOIN stock_moves m ON m.lot_id = g.id JOIN stock_docs d ON d.id = m.doc_id
    WHERE d.kind = 'return' AND d.ref_doc_id IS NOT NULL
    GROUP BY d.ref_doc_id, m.item_id
)
SELECT o.doc_id, o.kind, o.request_id, o.request_line, o.org_id, o.item_id,
    CAST(o.quantity - COALESCE(b.quantity, 0) AS BIGINT)
FROM given o LEFT JOIN back b ON b.doc_id = o.doc_id AND b.item_id = o.item_id
WHERE o.quantity - COALESCE(b.quantity, 0) > 0
ORDER BY o.doc_id, o.item_id;

-- name: DonorDonations
-- Donor $1's donations received, with their lines: one row per document,
-- item and size.
SELECT d.id, d.warehouse_id, w.name, d.created_at, m.item_id, m.size, CAST(SUM(m.quantity) AS BIGINT)
FROM stock_docs d JOIN warehouses w ON w.id = d.warehouse_id JOIN stock_moves m ON m.doc_id = d.id
WHERE d.donor_id = $1 AND d.kind = 'donation'
GROUP BY d.id, d.warehouse_id, w.name, d.created_at, m.item_id, m.size
ORDER BY d.id DESC, m.item_id, m.size;
