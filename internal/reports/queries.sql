-- The final reports of campaigns (reports.go).

-- name: Insert
INSERT INTO campaign_reports (campaign_id, produced_at, produced_by, figures) VALUES ($1, $2, $3, $4);

-- name: Get
SELECT produced_at, COALESCE(produced_by, 0), figures FROM campaign_reports WHERE campaign_id = $1;

-- name: Exists
SELECT COUNT(*) FROM campaign_reports WHERE campaign_id = $1;
