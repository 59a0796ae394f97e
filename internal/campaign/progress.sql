-- Progress of a campaign against its targets (progress.go). A request
-- line counts as progress once its request is approved, allocated or
-- delivered; what a campaign gave, frozen when it is reported, is what
-- was delivered.

-- name: ProgressItems
-- Per item asked in campaign $1: the quantity in progress, delivered, the
-- children with a line in progress, and everything asked by requests
-- neither rejected nor withdrawn.
SELECT l.item_id,
       COALESCE(SUM(CASE WHEN q.status IN ('approved', 'allocated', 'delivered') THEN l.quantity ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN q.status = 'delivered' THEN l.quantity ELSE 0 END), 0),
       COUNT(DISTINCT CASE WHEN q.status IN ('approved', 'allocated', 'delivered') THEN q.person_id END),
       COALESCE(SUM(CASE WHEN q.status NOT IN ('rejected', 'withdrawn') THEN l.quantity ELSE 0 END), 0)
FROM requests q JOIN request_lines l ON l.request_id = q.id
WHERE q.campaign_id = $1
GROUP BY l.item_id;

-- name: ProgressRegions
-- The quantity in progress per item and region path of the requests of
-- campaign $1; progress.go sums the paths under each region.
SELECT l.item_id, q.region_path, SUM(l.quantity)
FROM requests q JOIN request_lines l ON l.request_id = q.id
WHERE q.campaign_id = $1 AND q.status IN ('approved', 'allocated', 'delivered')
GROUP BY l.item_id, q.region_path;

-- name: Results
SELECT item_id, delivered, children FROM campaign_results WHERE campaign_id = $1 ORDER BY item_id;

-- name: FreezeResults
-- What campaign $1 delivered of each item it offered, and to how many
-- children, kept when it is reported.
INSERT INTO campaign_results (campaign_id, item_id, delivered, children)
SELECT ci.campaign_id, ci.item_id,
       COALESCE((SELECT SUM(l.quantity) FROM requests q JOIN request_lines l ON l.request_id = q.id
                 WHERE q.campaign_id = ci.campaign_id AND q.status = 'delivered' AND l.item_id = ci.item_id), 0),
       (SELECT COUNT(DISTINCT q.person_id) FROM requests q JOIN request_lines l ON l.request_id = q.id
        WHERE q.campaign_id = ci.campaign_id AND q.status = 'delivered' AND l.item_id = ci.item_id)
FROM campaign_items ci WHERE ci.campaign_id = $1;

-- name: CountRequests
SELECT count(*) FROM requests WHERE campaign_id = $1;

-- name: DeleteResults
DELETE FROM campaign_results WHERE campaign_id = $1;

-- name: InsertResult
INSERT INTO campaign_results (campaign_id, item_id, delivered, children) VALUES ($1, $2, $3, $4);
