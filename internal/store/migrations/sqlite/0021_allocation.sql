-- Allocation: each campaign's settings for giving out what is in stock —
-- regional quotas and which warehouses serve which regions at what cost —
-- and every allocation run with, for a committed one, the outcome of each
-- request line it considered (served from which warehouse, or why not),
-- which the request's explanation reads.
--
-- A campaign without routes of a warehouse lets that warehouse serve its
-- own region subtree at cost 0 (see the allocation package).

-- One row per campaign that has been allocated or set up: version rises
-- with every change of the settings and every committed run, so a commit
-- planned on a version another commit or change has passed is refused.
CREATE TABLE allocation_campaigns (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaigns(id),
    version     INTEGER NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP NOT NULL
);

-- How many units a region subtree may receive in a campaign, of one item
-- (item_id) or of every item together (item_id 0): a fixed number of
-- units, or a share of the region's need in basis points (1 = 0.01 %).
CREATE TABLE allocation_quotas (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    region_id   INTEGER NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    item_id     INTEGER NOT NULL DEFAULT 0,
    -- fixed | share
    kind        TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    created_by  INTEGER,
    created_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX allocation_quotas_key ON allocation_quotas(campaign_id, region_path, item_id);

-- A warehouse may serve a region subtree of a campaign at a cost (a
-- distance in kilometres, or any unit the programme prefers).
CREATE TABLE allocation_routes (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    region_id    INTEGER NOT NULL REFERENCES regions(id),
    region_path  TEXT NOT NULL,
    cost         INTEGER NOT NULL CHECK (cost >= 0),
    created_by   INTEGER,
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (campaign_id, warehouse_id, region_path)
);

-- Every run: a dry run (committed false) keeps its figures only; a
-- committed one reserved the stock of its served lines with its id as the
-- holds' run_id. digest identifies the input the plan was made from.
CREATE TABLE allocation_runs (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
    -- plan | waitlist
    kind         TEXT NOT NULL,
    committed    BOOLEAN NOT NULL,
    -- The total priority served: the sum of the served lines' scores.
    objective    INTEGER NOT NULL,
    distance     INTEGER NOT NULL,
    lines        INTEGER NOT NULL,
    served       INTEGER NOT NULL,
    waitlisted   INTEGER NOT NULL,
    kept         INTEGER NOT NULL,
    digest       TEXT NOT NULL,
    org_path     TEXT NOT NULL,
    created_by   INTEGER,
    created_name TEXT NOT NULL DEFAULT '',
    via          TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX allocation_runs_campaign ON allocation_runs(campaign_id, id);

-- What a committed run decided for each request line it considered: the
-- warehouse that serves it, or the reason it waits (no_stock, quota,
-- no_route, multi_unit), with the line's rank in its region and the rank
-- at which its size ran out or its region's quota was reached.
CREATE TABLE allocation_lines (
    run_id       INTEGER NOT NULL REFERENCES allocation_runs(id),
    request_id   INTEGER NOT NULL REFERENCES requests(id),
    line         INTEGER NOT NULL,
    item_id      INTEGER NOT NULL,
    size         TEXT NOT NULL DEFAULT '',
    -- The request's region path.
    region_path  TEXT NOT NULL DEFAULT '',
    warehouse_id INTEGER REFERENCES warehouses(id),
    -- allocated | no_stock | quota | no_route | multi_unit
    outcome      TEXT NOT NULL,
    priority     INTEGER NOT NULL,
    rank_region  TEXT NOT NULL DEFAULT '',
    rank         INTEGER NOT NULL DEFAULT 0,
    rank_of      INTEGER NOT NULL DEFAULT 0,
    cutoff       INTEGER NOT NULL DEFAULT 0,
    quota        INTEGER NOT NULL DEFAULT 0,
    quota_region TEXT NOT NULL DEFAULT '',
    cost         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, request_id, line)
);
CREATE INDEX allocation_lines_request ON allocation_lines(request_id, run_id);
