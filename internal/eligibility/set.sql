-- The gather queries of queries.sql for a set of requests instead of a
-- campaign: $1 is a JSON array of request ids (set_postgres.sql reads it
-- on PostgreSQL). The requests evaluated after a submission are read so,
-- a batch at a time, one query per kind of fact.

-- name: SetRequests
SELECT r.id, r.campaign_id, r.status, r.submitted_at, r.region_path, p.birth_date, p.grade, COALESCE(p.org_id, 0),
       p.disability, COALESCE(h.income_category, ''), COALESCE(h.incomplete, FALSE), COALESCE(p.household_id, 0),
       r.distance_m, COALESCE(s.run, 0), COALESCE(s.score, 0), COALESCE(s.rank_region, ''), COALESCE(s.ranked, FALSE),
       COALESCE(s.digest, 0)
FROM requests r
JOIN persons p ON p.id = r.person_id
LEFT JOIN households h ON h.id = p.household_id
LEFT JOIN request_scores s ON s.request_id = r.id
WHERE r.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: SetLines
SELECT request_id, item_id FROM request_lines
WHERE request_id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: SetCategories
SELECT r.id, pc.category_id, pc.expires_on
FROM requests r
JOIN person_categories pc ON pc.person_id = r.person_id
WHERE r.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: SetChildren
SELECT hm.household_id, COUNT(*)
FROM household_members hm JOIN persons p ON p.id = hm.person_id
WHERE p.birth_date > $2 AND hm.household_id IN (
    SELECT p2.household_id FROM requests r JOIN persons p2 ON p2.id = r.person_id
    WHERE r.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1)) AND p2.household_id IS NOT NULL)
GROUP BY hm.household_id;

-- name: SetReceived
SELECT r.id, rl.item_id
FROM requests r
JOIN requests o ON o.person_id = r.person_id AND o.id <> r.id
JOIN request_events e ON e.request_id = o.id AND e.to_status = 'delivered' AND e.at >= $2 AND e.at < $3
JOIN request_lines rl ON rl.request_id = o.id
WHERE r.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1))
UNION
SELECT r.id, k.component_id
FROM requests r
JOIN requests o ON o.person_id = r.person_id AND o.id <> r.id
JOIN request_events e ON e.request_id = o.id AND e.to_status = 'delivered' AND e.at >= $2 AND e.at < $3
JOIN request_lines rl ON rl.request_id = o.id
JOIN kit_components k ON k.kit_id = rl.item_id
WHERE r.id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));
