-- The pages of the distribution days (events_page.go): the latest start
-- first, after the cursor's start and id, with their bounded count.

-- name: EventPage
-- Completes EventFrom: the events at warehouses within the scope ($1–$4),
-- of campaign $5 and warehouse $6 (0: any), that come after the day
-- starting at $7 with id $8 in the order of the list.
WHERE w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
  AND (CAST($5 AS BIGINT) = 0 OR e.campaign_id = $5) AND (CAST($6 AS BIGINT) = 0 OR e.warehouse_id = $6)
  AND (e.starts_at < $7 OR (e.starts_at = $7 AND e.id < $8))
ORDER BY e.starts_at DESC, e.id DESC
LIMIT $9 OFFSET $10

-- name: CountEvents
SELECT 1 FROM distribution_events e JOIN warehouses w ON w.id = e.warehouse_id
WHERE w.org_path >= $1 AND w.org_path < $2 AND w.region_path >= $3 AND w.region_path < $4
  AND (CAST($5 AS BIGINT) = 0 OR e.campaign_id = $5) AND (CAST($6 AS BIGINT) = 0 OR e.warehouse_id = $6)
LIMIT $7;
