-- The dashboard's snapshots (internal/dashboard).
--
-- A campaign's counts — requests by status, request lines by item and
-- status, children reached by category — are computed by a refresh (a
-- job, or the first view) and kept here per region path, so a view reads
-- a few thousand rows however many requests the campaign holds, and
-- narrows them to the reader's region subtree by path prefix.

CREATE TABLE dashboard_snapshots (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id),
    -- When the counts were taken, and how long that took.
    computed_at TIMESTAMPTZ NOT NULL,
    took_ms     INTEGER NOT NULL DEFAULT 0,
    -- When a refresh was last asked for; a view asks again only after
    -- the snapshot it asked to replace.
    queued_at   TIMESTAMPTZ
);

CREATE TABLE dashboard_cells (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    -- status | item | category
    family      TEXT NOT NULL,
    region_path TEXT NOT NULL,
    -- The item or category counted (0 for the status family).
    key_id      BIGINT NOT NULL DEFAULT 0,
    -- The requests' status ('' when the family does not split by it).
    status      TEXT NOT NULL DEFAULT '',
    -- Requests, which are children: a child has one request per campaign.
    requests    BIGINT NOT NULL DEFAULT 0,
    -- Units asked in the request lines (item family).
    quantity    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX dashboard_cells_campaign ON dashboard_cells(campaign_id, family, region_path);
