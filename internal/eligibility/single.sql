-- One request evaluated on its own (single.go): the gather queries of
-- queries.sql for request $1 instead of a campaign, its place among the
-- ranked results of its campaign, and replacing its current result.

-- name: OneRequest
SELECT r.id, r.status, r.submitted_at, r.region_path, p.birth_date, p.grade, COALESCE(p.org_id, 0), p.disability,
       COALESCE(h.income_category, ''), COALESCE(h.incomplete, FALSE), COALESCE(p.household_id, 0), r.distance_m
FROM requests r
JOIN persons p ON p.id = r.person_id
LEFT JOIN households h ON h.id = p.household_id
WHERE r.id = $1;

-- name: OneLines
SELECT request_id, item_id FROM request_lines WHERE request_id = $1;

-- name: OneCategories
SELECT r.id, c.code, pc.expires_on
FROM requests r
JOIN person_categories pc ON pc.person_id = r.person_id
JOIN categories c ON c.id = pc.category_id
WHERE r.id = $1;

-- name: OneChildren
SELECT hm.household_id, COUNT(*)
FROM household_members hm JOIN persons p ON p.id = hm.person_id
WHERE p.birth_date > $2 AND hm.household_id = (
    SELECT p2.household_id FROM requests r JOIN persons p2 ON p2.id = r.person_id WHERE r.id = $1)
GROUP BY hm.household_id;

-- name: OneReceived
SELECT r.id, rl.item_id
FROM requests r
JOIN requests o ON o.person_id = r.person_id AND o.id <> r.id
JOIN request_events e ON e.request_id = o.id AND e.to_status = 'delivered' AND e.at >= $2 AND e.at < $3
JOIN request_lines rl ON rl.request_id = o.id
WHERE r.id = $1
UNION
SELECT r.id, k.component_id
FROM requests r
JOIN requests o ON o.person_id = r.person_id AND o.id <> r.id
JOIN request_events e ON e.request_id = o.id AND e.to_status = 'delivered' AND e.at >= $2 AND e.at < $3
JOIN request_lines rl ON rl.request_id = o.id
JOIN kit_components k ON k.kit_id = rl.item_id
WHERE r.id = $1;

-- name: PlaceAmong
-- How many other requests of campaign $1 are ranked in region $2, and how
-- many of them come before a score $3 requested at $4 by request $5.
SELECT COUNT(*),
       COALESCE(SUM(CASE WHEN score > $3 OR (score = $3 AND (requested_at < $4 OR (requested_at = $4 AND request_id < $5)))
                    THEN 1 ELSE 0 END), 0)
FROM request_scores
WHERE campaign_id = $1 AND rank_region = $2 AND rank > 0 AND request_id <> $5;

-- name: DropOne
DELETE FROM request_scores WHERE request_id = $1;

-- name: InsertScore
INSERT INTO request_scores (request_id, campaign_id, run, status, score, rank_region, rank, rank_of, requested_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: InsertResult
INSERT INTO request_results (request_id, run, campaign_id, version, status, score, rank_region, rank, rank_of,
    requested_at, detail, decided_on, computed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13);
