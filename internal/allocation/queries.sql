-- A campaign's allocation version (settings.go, commit.go), its settings
-- (settings.go), what a run reads (read.go) and the runs kept (runs.go).

-- name: EnsureCampaign
INSERT INTO allocation_campaigns (campaign_id, version, updated_at) VALUES ($1, 0, $2)
ON CONFLICT (campaign_id) DO NOTHING;

-- name: CampaignVersion
SELECT version FROM allocation_campaigns WHERE campaign_id = $1;

-- name: BumpVersion
-- Takes campaign $1's allocation from version $2 to the next; no row
-- when another change came first. On PostgreSQL the row lock makes a
-- second writer wait here, then find the version gone.
UPDATE allocation_campaigns SET version = version + 1, updated_at = $3 WHERE campaign_id = $1 AND version = $2;

-- name: CampaignStatus
SELECT status FROM campaigns WHERE id = $1;

-- name: Quotas
SELECT q.id, q.region_path, r.code, q.item_id, q.kind, q.amount
FROM allocation_quotas q JOIN regions r ON r.id = q.region_id
WHERE q.campaign_id = $1
ORDER BY q.region_path, q.item_id;

-- name: UpsertQuota
INSERT INTO allocation_quotas (campaign_id, region_id, region_path, item_id, kind, amount, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (campaign_id, region_path, item_id)
DO UPDATE SET kind = excluded.kind, amount = excluded.amount, created_by = excluded.created_by,
    created_at = excluded.created_at;

-- name: DeleteQuota
DELETE FROM allocation_quotas WHERE campaign_id = $1 AND id = $2;

-- name: Routes
SELECT a.warehouse_id, a.region_path, r.code, a.cost
FROM allocation_routes a JOIN regions r ON r.id = a.region_id
WHERE a.campaign_id = $1
ORDER BY a.warehouse_id, a.region_path;

-- name: UpsertRoute
INSERT INTO allocation_routes (campaign_id, warehouse_id, region_id, region_path, cost, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (campaign_id, warehouse_id, region_path)
DO UPDATE SET cost = excluded.cost, created_by = excluded.created_by, created_at = excluded.created_at;

-- name: DelRoute
DELETE FROM allocation_routes WHERE campaign_id = $1 AND warehouse_id = $2 AND region_path = $3;

-- name: Lines
-- Every line of campaign $1's requests that an allocation counts: those
-- waiting for stock (approved, waitlisted, or allocated with a line not
-- held), those holding stock and those handed over, with the hold a line
-- has. Requests left with a merged record of a person are not counted.
SELECT r.id, r.status, r.version, r.region_path, r.submitted_at,
       l.line, l.item_id, l.size, l.quantity, COALESCE(h.warehouse_id, 0)
FROM requests r
JOIN persons p ON p.id = r.person_id AND p.merged_into IS NULL
JOIN request_lines l ON l.request_id = r.id
LEFT JOIN stock_holds h ON h.request_id = l.request_id AND h.line = l.line AND h.status = 'held'
WHERE r.campaign_id = $1 AND r.status IN ('approved', 'waitlisted', 'allocated', 'delivered');

-- name: InsertRun
INSERT INTO allocation_runs (campaign_id, kind, committed, objective, distance, lines, served, waitlisted, kept, digest,
    org_path, created_by, created_name, via, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id;

-- name: Runs
-- Campaign $1's latest $2 runs, the latest first.
SELECT id, campaign_id, kind, committed, objective, distance, lines, served, waitlisted, kept, digest,
       COALESCE(created_by, 0), created_name, via, created_at
FROM allocation_runs WHERE campaign_id = $1
ORDER BY id DESC LIMIT $2;

-- name: RunByID
SELECT id, campaign_id, kind, committed, objective, distance, lines, served, waitlisted, kept, digest,
       COALESCE(created_by, 0), created_name, via, created_at
FROM allocation_runs WHERE id = $1;

-- name: RunLines
SELECT request_id, line, item_id, size, region_path, COALESCE(warehouse_id, 0), outcome, priority, rank_region, rank,
       rank_of, cutoff, quota, quota_region, cost
FROM allocation_lines WHERE run_id = $1
ORDER BY request_id, line;

-- name: LineOutcomes
-- The latest outcome of each line of request $1 that a run decided.
SELECT a.request_id, a.line, a.item_id, a.size, a.region_path, COALESCE(a.warehouse_id, 0), a.outcome, a.priority,
       a.rank_region, a.rank, a.rank_of, a.cutoff, a.quota, a.quota_region, a.cost
FROM allocation_lines a
WHERE a.request_id = $1
  AND a.run_id = (SELECT MAX(b.run_id) FROM allocation_lines b WHERE b.request_id = a.request_id AND b.line = a.line)
ORDER BY a.line;

-- name: CampaignOutcomes
-- The latest outcome recorded of each line of campaign $1's requests.
SELECT a.request_id, a.line, a.item_id, a.size, a.region_path, COALESCE(a.warehouse_id, 0), a.outcome, a.priority,
       a.rank_region, a.rank, a.rank_of, a.cutoff, a.quota, a.quota_region, a.cost
FROM allocation_lines a JOIN requests r ON r.id = a.request_id
WHERE r.campaign_id = $1
  AND a.run_id = (SELECT MAX(b.run_id) FROM allocation_lines b WHERE b.request_id = a.request_id AND b.line = a.line);

-- name: WaitingCampaigns
-- The open campaigns with requests on the waiting list.
SELECT c.id FROM campaigns c
WHERE c.status = 'open'
  AND EXISTS (SELECT 1 FROM requests r WHERE r.campaign_id = c.id AND r.status = 'waitlisted')
ORDER BY c.id;

-- name: CampaignHolds
-- The units ever held for campaign $1's requests: held, handed over or
-- released. A run taking stock moves it from available to here, so the
-- sum of both grows only when stock arrives or a hold is released.
SELECT COALESCE(SUM(h.quantity), 0)
FROM stock_holds h JOIN requests r ON r.id = h.request_id
WHERE r.campaign_id = $1;

-- name: RequestScope
SELECT org_path, region_path FROM requests WHERE id = $1;

-- name: RequestRefs
-- The reference and language of campaign $1's requests a run may move.
SELECT id, reference, locale FROM requests
WHERE campaign_id = $1 AND status IN ('approved', 'waitlisted', 'allocated');

-- name: WaitlistJobs
-- Of the jobs of kind $1 with payload $2 (one campaign's waiting list):
-- how many are queued, not yet started, and the id of the latest that
-- failed (0: none).
SELECT COALESCE(SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END), 0),
       COALESCE(MAX(CASE WHEN status = 'failed' THEN id END), 0)
FROM jobs WHERE kind = $1 AND payload = $2;
