-- The pages of a campaign's runs (runs_page.go): the latest first, before
-- id $2, with their bounded count.

-- name: RunPage
-- Campaign $1's runs before id $2, the latest first.
SELECT id, campaign_id, kind, committed, objective, distance, lines, served, waitlisted, kept, digest,
       COALESCE(created_by, 0), created_name, via, created_at
FROM allocation_runs WHERE campaign_id = $1 AND id < $2
ORDER BY id DESC LIMIT $3 OFFSET $4;

-- name: CountRuns
SELECT 1 FROM allocation_runs WHERE campaign_id = $1 LIMIT $2;
