-- impact.sql on PostgreSQL: the JSON arrays read with jsonb.

-- name: ReachRequests
SELECT r.id, r.campaign_id, r.person_id, r.region_path, p.grade
FROM requests r JOIN persons p ON p.id = r.person_id
WHERE r.id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);

-- name: ReachDeliveries
SELECT d.doc_id, d.campaign_id, l.item_id, l.rule, l.grade_min, l.grade_max, l.per_pupil, l.roster
FROM deliveries d JOIN delivery_lines l ON l.delivery_id = d.id
WHERE d.doc_id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);

-- name: ReachOrgs
SELECT o.id, o.name, COALESCE(g.code, '')
FROM organisations o LEFT JOIN regions g ON g.id = o.region_id
WHERE o.id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);

-- name: RegionNames
SELECT code, name_en, name_kk, name_ru, name_fr, name_fa FROM regions
WHERE code IN (SELECT x FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);
