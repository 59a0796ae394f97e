-- Handovers (handover.go, returns.go, records.go) and the photos of
-- signed lists (photos.go).

-- name: RequestForHandover
-- Request $1 as a handover needs it. PostgreSQL locks its row
-- (handover_postgres.sql): the request's row is the first lock of a
-- handover, as of stock's issue, so two handovers of one request take
-- turns.
SELECT id, reference, status, campaign_id, locale, applicant_phone, org_path, region_path
FROM requests WHERE id = $1;

-- name: InsertHandover
INSERT INTO handovers (event_id, request_id, proof, signature, code_id, photo_id, note, given_by, given_name, given_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id;

-- name: InsertHandoverLine
INSERT INTO handover_lines (handover_id, request_id, line, doc_id, quantity, serials) VALUES ($1, $2, $3, $4, $5, $6);

-- name: LiveHandoverLine
-- When line ($1, $2) was handed over, if it is (and not returned).
SELECT hv.given_at FROM handover_lines hl JOIN handovers hv ON hv.id = hl.handover_id
WHERE hl.request_id = $1 AND hl.line = $2 AND hl.return_doc_id IS NULL;

-- name: HandoverLineForReturn
SELECT hl.request_id, hl.doc_id, hl.quantity, hl.serials, hv.event_id, COALESCE(hl.return_doc_id, 0)
FROM handover_lines hl JOIN handovers hv ON hv.id = hl.handover_id
WHERE hl.handover_id = $1 AND hl.line = $2;

-- name: MarkReturned
UPDATE handover_lines SET return_doc_id = $3, returned_at = $4
WHERE handover_id = $1 AND line = $2 AND return_doc_id IS NULL;

-- name: HandoversOfRequest
-- Every line of request $1 handed over, returned or not, oldest first,
-- and whether a signature was drawn for it (a handover by code or by a
-- photo of the list may keep an empty one).
SELECT hv.id, hv.event_id, e.place, w.name, hv.proof, hv.given_name, hv.given_at, COALESCE(length(hv.signature), 0) > 0,
       hl.line, l.item_id, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa, l.size, hl.quantity, hl.serials,
       hl.returned_at
FROM handover_lines hl
JOIN handovers hv ON hv.id = hl.handover_id
JOIN distribution_events e ON e.id = hv.event_id
JOIN warehouses w ON w.id = e.warehouse_id
JOIN request_lines l ON l.request_id = hl.request_id AND l.line = hl.line
JOIN aid_items i ON i.id = l.item_id
WHERE hl.request_id = $1
ORDER BY hv.given_at, hv.id, hl.line;

-- name: ProofOfDoc
-- The proof of the handover whose line stock document $1 recorded.
SELECT hv.proof FROM handover_lines hl JOIN handovers hv ON hv.id = hl.handover_id WHERE hl.doc_id = $1;

-- name: SignatureOf
SELECT signature, request_id, event_id FROM handovers WHERE id = $1;

-- name: InsertPhoto
INSERT INTO distribution_photos (event_id, name, content_type, size, data, uploaded_by, uploaded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: Photos
SELECT id, event_id, name, content_type, size, COALESCE(uploaded_by, 0), uploaded_at
FROM distribution_photos WHERE event_id = $1 ORDER BY id;

-- name: PhotoData
SELECT id, event_id, name, content_type, size, COALESCE(uploaded_by, 0), uploaded_at, data
FROM distribution_photos WHERE id = $1 AND event_id = $2;

-- name: RequestScope
SELECT org_path, region_path FROM requests WHERE id = $1;
