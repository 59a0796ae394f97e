-- The staged selection of the school of young leaders (issue 13):
-- regional rounds, macro-regional quotas, the top list, appeals and a
-- published shortlist.
--
-- macro_regions maps each top-level region of internal/geo (by code) to
-- one of the five macro-regions (south, north, west, centre, east); an
-- administrator edits it. The seed below groups Kazakhstan's regions as
-- the organiser chose (see internal/selection/macro.go); a region not
-- listed takes part in no selection until it is mapped.
--
-- A selection belongs to an organisation (org_path, region_path copied
-- from it for the scope). places is the length of the top list; quotas
-- are fixed per macro-region (selection_quotas, summing to places) or,
-- with quota_mode proportional, computed at each ranking and stored in
-- the same table. state runs collecting -> ranked -> appeals ->
-- published; appeals_close_on is the last day an appeal is taken.
--
-- selection_rounds are the regional rounds; selection_scores a young
-- person's score in one of them, once per selection (the unique index);
-- region_path and org_path are the young person's, copied for the scope.
-- selection_results is the last ranking, one row per candidate;
-- selection_appeals one appeal per young person per selection.

CREATE TABLE macro_regions (
    region_code TEXT PRIMARY KEY,
    macro       TEXT NOT NULL
);
INSERT INTO macro_regions (region_code, macro) VALUES
    ('KZ-19', 'south'), ('KZ-31', 'south'), ('KZ-33', 'south'), ('KZ-43', 'south'), ('KZ-61', 'south'),
    ('KZ-75', 'south'), ('KZ-79', 'south'),
    ('KZ-11', 'north'), ('KZ-39', 'north'), ('KZ-55', 'north'), ('KZ-59', 'north'),
    ('KZ-15', 'west'), ('KZ-23', 'west'), ('KZ-27', 'west'), ('KZ-47', 'west'),
    ('KZ-35', 'centre'), ('KZ-62', 'centre'), ('KZ-71', 'centre'),
    ('KZ-10', 'east'), ('KZ-63', 'east');

CREATE TABLE selections (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    org_id           INTEGER NOT NULL REFERENCES organisations(id),
    org_path         TEXT NOT NULL,
    region_path      TEXT NOT NULL,
    places           INTEGER NOT NULL,
    -- fixed | proportional
    quota_mode       TEXT NOT NULL,
    -- registered_first | draw
    tie_rule         TEXT NOT NULL,
    appeal_days      INTEGER NOT NULL,
    -- collecting | ranked | appeals | published
    state            TEXT NOT NULL,
    appeals_close_on DATE,
    ranked_at        TIMESTAMP,
    published_at     TIMESTAMP,
    created_by       INTEGER REFERENCES users(id),
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE INDEX selections_org ON selections(org_path, id);

CREATE TABLE selection_quotas (
    selection_id INTEGER NOT NULL REFERENCES selections(id),
    macro        TEXT NOT NULL,
    places       INTEGER NOT NULL,
    PRIMARY KEY (selection_id, macro)
);

CREATE TABLE selection_rounds (
    id           INTEGER PRIMARY KEY,
    selection_id INTEGER NOT NULL REFERENCES selections(id),
    name         TEXT NOT NULL,
    -- manual | import | a Source's name (championship, tournament)
    source       TEXT NOT NULL,
    source_ref   INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX selection_rounds_name ON selection_rounds(selection_id, name);

CREATE TABLE selection_scores (
    id           INTEGER PRIMARY KEY,
    selection_id INTEGER NOT NULL REFERENCES selections(id),
    round_id     INTEGER NOT NULL REFERENCES selection_rounds(id),
    youth_id     INTEGER NOT NULL REFERENCES youth(id),
    org_path     TEXT NOT NULL,
    region_path  TEXT NOT NULL,
    score        REAL NOT NULL,
    round_rank   INTEGER NOT NULL DEFAULT 0,
    entered_by   INTEGER REFERENCES users(id),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX selection_scores_youth ON selection_scores(selection_id, youth_id);
CREATE INDEX selection_scores_round ON selection_scores(round_id);

CREATE TABLE selection_results (
    selection_id INTEGER NOT NULL REFERENCES selections(id),
    youth_id     INTEGER NOT NULL REFERENCES youth(id),
    -- the top-level region of the young person, and its macro-region
    region_code  TEXT NOT NULL,
    macro        TEXT NOT NULL,
    score        REAL NOT NULL,
    macro_rank   INTEGER NOT NULL,
    quota        INTEGER NOT NULL,
    -- the place in the top list, 0 when not selected
    position     INTEGER NOT NULL,
    -- quota | redistributed | below
    reason       TEXT NOT NULL,
    -- the row's order in the ranking: the list, then the others by score
    ord          INTEGER NOT NULL,
    PRIMARY KEY (selection_id, youth_id)
);
CREATE UNIQUE INDEX selection_results_ord ON selection_results(selection_id, ord);

CREATE TABLE selection_appeals (
    id           INTEGER PRIMARY KEY,
    selection_id INTEGER NOT NULL REFERENCES selections(id),
    youth_id     INTEGER NOT NULL REFERENCES youth(id),
    org_path     TEXT NOT NULL,
    region_path  TEXT NOT NULL,
    reason       TEXT NOT NULL,
    -- self (the young person's page or bot) | staff (on their behalf)
    filed_via    TEXT NOT NULL,
    filed_by     INTEGER REFERENCES users(id),
    -- open | upheld | rejected
    state        TEXT NOT NULL,
    decision     TEXT NOT NULL DEFAULT '',
    old_score    REAL,
    new_score    REAL,
    decided_by   INTEGER REFERENCES users(id),
    decided_at   TIMESTAMP,
    created_at   TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX selection_appeals_youth ON selection_appeals(selection_id, youth_id);
