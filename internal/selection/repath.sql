-- Moves of the organisation and region paths selections, scores and
-- appeals copy (repath.go): $3 is the old prefix with '%', $1 the new
-- prefix, $2 the old prefix's length plus one.

-- name: RepathSelectionOrgs
UPDATE selections SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathScoreOrgs
UPDATE selection_scores SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathAppealOrgs
UPDATE selection_appeals SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathSelectionRegions
UPDATE selections SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathScoreRegions
UPDATE selection_scores SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathAppealRegions
UPDATE selection_appeals SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
