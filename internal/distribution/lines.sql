-- An event's list (lines.go) and the lines of one request at an event
-- (family.go).

-- name: ListLines
-- The lines on event $1's list (of request $2 only, unless 0): those
-- assigned to it, those its rule takes — held at its warehouse for its
-- campaign, for the whole point or for the requests of the schools and
-- centres it names, and assigned to no event — and those handed over at
-- it, by school or centre and child.
WITH ev AS (SELECT id, campaign_id, warehouse_id, whole_point FROM distribution_events WHERE id = $1),
picked AS (
    SELECT d.request_id, d.line FROM distribution_lines d
    WHERE d.event_id = $1 AND (CAST($2 AS BIGINT) = 0 OR d.request_id = $2)
    UNION
    SELECT h.request_id, h.line FROM stock_holds h JOIN requests r ON r.id = h.request_id CROSS JOIN ev
    WHERE h.status = 'held' AND h.warehouse_id = ev.warehouse_id AND r.campaign_id = ev.campaign_id
      AND (CAST($2 AS BIGINT) = 0 OR h.request_id = $2)
      AND (ev.whole_point OR EXISTS (SELECT 1 FROM distribution_event_orgs x JOIN organisations o ON o.id = x.org_id
           WHERE x.event_id = $1 AND substr(r.org_path, 1, length(o.path)) = o.path))
      AND NOT EXISTS (SELECT 1 FROM distribution_lines d WHERE d.request_id = h.request_id AND d.line = h.line)
    UNION
    SELECT hl.request_id, hl.line FROM handover_lines hl JOIN handovers hv ON hv.id = hl.handover_id
    WHERE hv.event_id = $1 AND hl.return_doc_id IS NULL AND (CAST($2 AS BIGINT) = 0 OR hl.request_id = $2)
)
SELECT r.id, r.reference, r.status, l.line, l.item_id, i.code, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa,
       i.serial_tracked, l.size, l.quantity, COALESCE(r.org_id, 0), COALESCE(o.name, ''), p.grade, p.last_name,
       p.first_name, p.patronymic, r.org_path, r.region_path, COALESCE(h.warehouse_id, 0), COALESCE(hv.id, 0),
       hv.given_at, COALESCE(hv.proof, ''), COALESCE(hl.serials, ''), COALESCE(hv.event_id, 0), COALESCE(dl.event_id, 0)
FROM picked k
JOIN requests r ON r.id = k.request_id
JOIN request_lines l ON l.request_id = k.request_id AND l.line = k.line
JOIN aid_items i ON i.id = l.item_id
JOIN persons p ON p.id = r.person_id
LEFT JOIN organisations o ON o.id = r.org_id
LEFT JOIN stock_holds h ON h.request_id = k.request_id AND h.line = k.line AND h.status = 'held'
LEFT JOIN handover_lines hl ON hl.request_id = k.request_id AND hl.line = k.line AND hl.return_doc_id IS NULL
LEFT JOIN handovers hv ON hv.id = hl.handover_id
LEFT JOIN distribution_lines dl ON dl.request_id = k.request_id AND dl.line = k.line
ORDER BY COALESCE(o.name, ''), COALESCE(r.org_id, 0), p.last_name, p.first_name, r.id, l.line
LIMIT $3;

-- name: RequestLines
-- Every line of request $1, with where it is held and its handover.
SELECT r.id, r.reference, r.status, l.line, l.item_id, i.code, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa,
       i.serial_tracked, l.size, l.quantity, COALESCE(r.org_id, 0), COALESCE(o.name, ''), p.grade, p.last_name,
       p.first_name, p.patronymic, r.org_path, r.region_path, COALESCE(h.warehouse_id, 0), COALESCE(hv.id, 0),
       hv.given_at, COALESCE(hv.proof, ''), COALESCE(hl.serials, ''), COALESCE(hv.event_id, 0), COALESCE(dl.event_id, 0)
FROM request_lines l
JOIN requests r ON r.id = l.request_id
JOIN aid_items i ON i.id = l.item_id
JOIN persons p ON p.id = r.person_id
LEFT JOIN organisations o ON o.id = r.org_id
LEFT JOIN stock_holds h ON h.request_id = l.request_id AND h.line = l.line AND h.status = 'held'
LEFT JOIN handover_lines hl ON hl.request_id = l.request_id AND hl.line = l.line AND hl.return_doc_id IS NULL
LEFT JOIN handovers hv ON hv.id = hl.handover_id
LEFT JOIN distribution_lines dl ON dl.request_id = l.request_id AND dl.line = l.line
WHERE l.request_id = $1
ORDER BY l.line;

-- name: RequestByReference
SELECT id, campaign_id FROM requests WHERE reference = $1;

-- name: HeldHere
-- The lines of request $1 held at warehouse $2.
SELECT line FROM stock_holds WHERE request_id = $1 AND warehouse_id = $2 AND status = 'held' ORDER BY line;

-- name: AssignLine
-- Puts line ($1, $2) on event $3's list, moving it from any other.
INSERT INTO distribution_lines (request_id, line, event_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (request_id, line) DO UPDATE SET event_id = excluded.event_id, added_by = excluded.added_by,
    added_at = excluded.added_at;

-- name: UnassignLine
DELETE FROM distribution_lines WHERE request_id = $1 AND line = $2 AND event_id = $3;

-- name: LineCounts
-- How many lines request $1 has, and how many are handed over (not
-- returned).
SELECT (SELECT count(*) FROM request_lines WHERE request_id = $1),
       (SELECT count(*) FROM handover_lines WHERE request_id = $1 AND return_doc_id IS NULL);

-- name: LastHandedAt
-- When request $1's last line still handed over was given.
SELECT hv.given_at FROM handover_lines hl JOIN handovers hv ON hv.id = hl.handover_id
WHERE hl.request_id = $1 AND hl.return_doc_id IS NULL
ORDER BY hv.given_at DESC LIMIT 1;
