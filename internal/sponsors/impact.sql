-- What a sponsor's impact needs besides the ledger: the requests and the
-- deliveries its units were handed over for. Lists of ids come as a JSON
-- array ($1); impact_postgres.sql reads it with jsonb.

-- name: ReachRequests
-- Per request: its campaign, child (internal, to count each once), region
-- path and the child's grade. Nothing of it leaves the service.
SELECT r.id, r.campaign_id, r.person_id, r.region_path, p.grade
FROM requests r JOIN persons p ON p.id = r.person_id
WHERE r.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: ReachDeliveries
-- Per dispatch document of a delivery: the delivery's campaign and its
-- lines' items, rules, grades, per-pupil numbers and rosters.
SELECT d.doc_id, d.campaign_id, l.item_id, l.rule, l.grade_min, l.grade_max, l.per_pupil, l.roster
FROM deliveries d JOIN delivery_lines l ON l.delivery_id = d.id
WHERE d.doc_id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: ReachOrgs
SELECT o.id, o.name, COALESCE(g.code, '')
FROM organisations o LEFT JOIN regions g ON g.id = o.region_id
WHERE o.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: RegionNames
SELECT code, name_en, name_kk, name_ru, name_fr, name_fa FROM regions
WHERE code IN (SELECT value FROM json_each($1));
