-- Case championships (issue 13): "youth problems through the eyes of
-- youth", one per region, run by an organisation. Teams of registered
-- young people take cases; a jury scores every team on the rubric's
-- criteria; the leaderboard ranks the teams.
--
-- championship_teams holds each team's totals, maintained when a juror's
-- scores are written: the jurors who scored it, the weighted sum (num)
-- and its denominator (den), and board_key, the team's place in the
-- leaderboard's order as one string (scored first, the weighted mean
-- descending, then the tie-break criteria, then registration), so a page
-- of a leaderboard of any size is a range of the board index and a rank
-- is a count over it. A young person is in one team per championship
-- (the primary key of championship_members).

CREATE TABLE championships (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES organisations(id),
    org_path     TEXT COLLATE "C" NOT NULL,
    region_id    BIGINT NOT NULL REFERENCES regions(id),
    region_path  TEXT COLLATE "C" NOT NULL,
    name         TEXT NOT NULL,
    starts_on    DATE NOT NULL,
    ends_on      DATE NOT NULL,
    -- open | scoring | finished
    state        TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   BIGINT REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX championships_scope ON championships(org_path, region_path, id);

CREATE TABLE championship_criteria (
    championship_id BIGINT NOT NULL REFERENCES championships(id),
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    weight       INTEGER NOT NULL,
    min_score    INTEGER NOT NULL,
    max_score    INTEGER NOT NULL,
    PRIMARY KEY (championship_id, code)
);

CREATE TABLE championship_teams (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    championship_id BIGINT NOT NULL REFERENCES championships(id),
    name         TEXT NOT NULL,
    region_id    BIGINT NOT NULL REFERENCES regions(id),
    region_path  TEXT COLLATE "C" NOT NULL,
    jurors       INTEGER NOT NULL DEFAULT 0,
    num          INTEGER NOT NULL DEFAULT 0,
    den          INTEGER NOT NULL DEFAULT 0,
    board_key    TEXT COLLATE "C" NOT NULL,
    created_by   BIGINT REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX championship_teams_name ON championship_teams(championship_id, name);
CREATE UNIQUE INDEX championship_teams_board ON championship_teams(championship_id, board_key);

CREATE TABLE championship_members (
    championship_id BIGINT NOT NULL REFERENCES championships(id),
    youth_id     BIGINT NOT NULL REFERENCES youth(id),
    team_id      BIGINT NOT NULL REFERENCES championship_teams(id),
    PRIMARY KEY (championship_id, youth_id)
);
CREATE INDEX championship_members_team ON championship_members(team_id);

CREATE TABLE championship_cases (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    championship_id BIGINT NOT NULL REFERENCES championships(id),
    team_id      BIGINT NOT NULL REFERENCES championship_teams(id),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    -- assigned (by the organisers) | submitted (by the team)
    origin       TEXT NOT NULL,
    created_by   BIGINT REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX championship_cases_team ON championship_cases(team_id, id);

CREATE TABLE championship_jurors (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    championship_id BIGINT NOT NULL REFERENCES championships(id),
    user_id      BIGINT REFERENCES users(id),
    name         TEXT NOT NULL,
    region_id    BIGINT NOT NULL REFERENCES regions(id),
    region_path  TEXT COLLATE "C" NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX championship_jurors_of ON championship_jurors(championship_id, id);

CREATE TABLE championship_scores (
    juror_id     BIGINT NOT NULL REFERENCES championship_jurors(id),
    team_id      BIGINT NOT NULL REFERENCES championship_teams(id),
    code         TEXT NOT NULL,
    score        INTEGER NOT NULL,
    scored_by    BIGINT REFERENCES users(id),
    scored_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, juror_id, code)
);
