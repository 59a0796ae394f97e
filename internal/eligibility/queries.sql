-- Rule sets (ruleset.go), the facts of a campaign's requests read set by
-- set (gather.go), and the current and earlier results of requests
-- (rescore.go, stored.go). Writing results is in write.sql, places in
-- place.sql.

-- name: CampaignScope
-- The campaign's scope: its organiser's organisation and region paths,
-- as the campaign package reads them.
SELECT c.org_path, COALESCE(r.path, '')
FROM campaigns c JOIN organisations o ON o.id = c.organiser_id LEFT JOIN regions r ON r.id = o.region_id
WHERE c.id = $1;

-- name: NextRuleVersion
SELECT COALESCE(MAX(version), 0) + 1 FROM eligibility_rule_sets WHERE campaign_id = $1;

-- name: InsertRuleSet
INSERT INTO eligibility_rule_sets (campaign_id, version, rules, weights, created_by, created_by_name, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: LatestRuleSet
SELECT campaign_id, version, rules, weights, COALESCE(created_by, 0), created_by_name, created_at
FROM eligibility_rule_sets WHERE campaign_id = $1 ORDER BY version DESC LIMIT 1;

-- name: RuleSetVersion
SELECT campaign_id, version, rules, weights, COALESCE(created_by, 0), created_by_name, created_at
FROM eligibility_rule_sets WHERE campaign_id = $1 AND version = $2;

-- name: RuleSetVersions
SELECT campaign_id, version, rules, weights, COALESCE(created_by, 0), created_by_name, created_at
FROM eligibility_rule_sets WHERE campaign_id = $1 ORDER BY version DESC;

-- name: GatherRequests
-- The requests of campaign $1 with their person and household and their
-- current result as a recalculation compares it (run 0: none), in no
-- order: sorting a million wide rows costs SQLite more than sorting them
-- by id costs Go.
SELECT r.id, r.campaign_id, r.status, r.submitted_at, r.region_path, p.birth_date, p.grade, COALESCE(p.org_id, 0),
       p.disability, COALESCE(h.income_category, ''), COALESCE(h.incomplete, FALSE), COALESCE(p.household_id, 0),
       r.distance_m, COALESCE(s.run, 0), COALESCE(s.score, 0), COALESCE(s.rank_region, ''), COALESCE(s.ranked, FALSE),
       COALESCE(s.digest, 0)
FROM requests r
JOIN persons p ON p.id = r.person_id
LEFT JOIN households h ON h.id = p.household_id
LEFT JOIN request_scores s ON s.request_id = r.id
WHERE r.campaign_id = $1;

-- name: GatherLines
-- The items campaign $1's requests ask for.
SELECT rl.request_id, rl.item_id
FROM request_lines rl JOIN requests r ON r.id = rl.request_id
WHERE r.campaign_id = $1;

-- name: GatherCategories
-- The categories the persons of campaign $1's requests are in, by id: the
-- codes are read once (CategoryIDs), not a million times.
SELECT r.id, pc.category_id, pc.expires_on
FROM requests r
JOIN person_categories pc ON pc.person_id = r.person_id
WHERE r.campaign_id = $1;

-- name: GatherChildren
-- For each household of campaign $1's requests, its members born after
-- $2 (under 18 on the decision date).
SELECT hm.household_id, COUNT(*)
FROM household_members hm JOIN persons p ON p.id = hm.person_id
WHERE p.birth_date > $2 AND hm.household_id IN (
    SELECT p2.household_id FROM requests r JOIN persons p2 ON p2.id = r.person_id
    WHERE r.campaign_id = $1 AND p2.household_id IS NOT NULL)
GROUP BY hm.household_id;

-- name: GatherReceived
-- The items (and a kit's components) delivered from $2 up to $3 to the
-- persons of campaign $1's requests, in any other request.
SELECT r.id, rl.item_id
FROM requests r
JOIN requests o ON o.person_id = r.person_id AND o.id <> r.id
JOIN request_events e ON e.request_id = o.id AND e.to_status = 'delivered' AND e.at >= $2 AND e.at < $3
JOIN request_lines rl ON rl.request_id = o.id
WHERE r.campaign_id = $1
UNION
SELECT r.id, k.component_id
FROM requests r
JOIN requests o ON o.person_id = r.person_id AND o.id <> r.id
JOIN request_events e ON e.request_id = o.id AND e.to_status = 'delivered' AND e.at >= $2 AND e.at < $3
JOIN request_lines rl ON rl.request_id = o.id
JOIN kit_components k ON k.kit_id = rl.item_id
WHERE r.campaign_id = $1;

-- name: NextRun
INSERT INTO eligibility_runs (campaign_id, last_run) VALUES ($1, 1)
ON CONFLICT (campaign_id) DO UPDATE SET last_run = eligibility_runs.last_run + 1
RETURNING last_run;

-- name: LockRuns
-- Taken by every transaction that writes campaign $1's results, before
-- it reads what it replaces: on PostgreSQL the row lock orders them (as
-- NextRun's does), on SQLite the one writer already has.
UPDATE eligibility_runs SET last_run = last_run WHERE campaign_id = $1;

-- name: RequestScope
SELECT campaign_id, org_path, region_path FROM requests WHERE id = $1;

-- name: CurrentResult
-- Request $1's current result; its place is read apart (Place) when it is
-- ranked, whatever the result's row kept from an earlier version.
SELECT res.version, res.status, res.score, res.rank_region, 0, 0, res.detail, res.decided_on,
       res.computed_at, cur.ranked, cur.requested_at
FROM request_scores cur
JOIN request_results res ON res.request_id = cur.request_id AND res.run = cur.run
WHERE cur.request_id = $1;

-- name: ResultHistory
-- Request $1's earlier results, latest first, each with the place it held
-- when it was replaced.
SELECT version, status, score, rank_region, rank, rank_of, detail, decided_on, computed_at, FALSE, requested_at
FROM request_results
WHERE request_id = $1 AND run < (SELECT run FROM request_scores WHERE request_id = $1)
ORDER BY run DESC;

-- name: CategoryCodes
SELECT code FROM categories;

-- name: CategoryIDs
SELECT id, code FROM categories;
