-- Debate tournaments (issue 13, internal/tournament): the tournament and
-- its settings, teams of registered young people, judges with the school
-- and region their conflicts come from, rounds (preliminary and
-- elimination) with their debates and panels, and one ballot per debate.
--
-- The draw, the standings and the bracket are computed by the pure
-- internal/debate package from these rows and never stored twice: a
-- round keeps only what it decided (its debates, its bye, its panels and
-- the rules it had to relax, as message codes in notes). Scores are the
-- speakers' in speaking order, comma-separated. A tournament is scoped
-- by its organisation and region, both paths copied on the row.

CREATE TABLE debate_tournaments (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    org_path    TEXT NOT NULL,
    region_id   INTEGER NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    name        TEXT NOT NULL,
    prelims     INTEGER NOT NULL,
    break_size  INTEGER NOT NULL,
    qualifiers  INTEGER NOT NULL,
    speakers    INTEGER NOT NULL,
    min_score   INTEGER NOT NULL,
    max_score   INTEGER NOT NULL,
    panel_size  INTEGER NOT NULL,
    seed        INTEGER NOT NULL,
    -- setup | prelims | elims | finished
    state       TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  INTEGER REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX debate_tournaments_org ON debate_tournaments(org_path, region_path, id);

CREATE TABLE debate_teams (
    id            INTEGER PRIMARY KEY,
    tournament_id INTEGER NOT NULL REFERENCES debate_tournaments(id),
    name          TEXT NOT NULL,
    school        TEXT NOT NULL DEFAULT '',
    region        TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX debate_teams_name ON debate_teams(tournament_id, name);

CREATE TABLE debate_members (
    team_id       INTEGER NOT NULL REFERENCES debate_teams(id),
    position      INTEGER NOT NULL,
    tournament_id INTEGER NOT NULL REFERENCES debate_tournaments(id),
    youth_id      INTEGER NOT NULL REFERENCES youth(id),
    PRIMARY KEY (team_id, position)
);
CREATE UNIQUE INDEX debate_members_youth ON debate_members(tournament_id, youth_id);

CREATE TABLE debate_judges (
    id            INTEGER PRIMARY KEY,
    tournament_id INTEGER NOT NULL REFERENCES debate_tournaments(id),
    name          TEXT NOT NULL,
    user_id       INTEGER REFERENCES users(id),
    school        TEXT NOT NULL DEFAULT '',
    region        TEXT NOT NULL DEFAULT '',
    strength      INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX debate_judges_tournament ON debate_judges(tournament_id, id);

CREATE TABLE debate_rounds (
    id            INTEGER PRIMARY KEY,
    tournament_id INTEGER NOT NULL REFERENCES debate_tournaments(id),
    -- prelim | elim
    stage         TEXT NOT NULL,
    number        INTEGER NOT NULL,
    bye_team_id   INTEGER REFERENCES debate_teams(id),
    -- the relaxations and judge shortages, JSON
    notes         TEXT NOT NULL DEFAULT '[]',
    published_at  TIMESTAMP,
    created_by    INTEGER REFERENCES users(id),
    created_at    TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX debate_rounds_number ON debate_rounds(tournament_id, stage, number);

CREATE TABLE debate_debates (
    id        INTEGER PRIMARY KEY,
    round_id  INTEGER NOT NULL REFERENCES debate_rounds(id),
    position  INTEGER NOT NULL,
    prop_id   INTEGER NOT NULL REFERENCES debate_teams(id),
    opp_id    INTEGER NOT NULL REFERENCES debate_teams(id),
    -- the panel's judge ids, chair first, comma-separated
    judges    TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX debate_debates_position ON debate_debates(round_id, position);

CREATE TABLE debate_ballots (
    debate_id   INTEGER PRIMARY KEY REFERENCES debate_debates(id),
    -- prop | opp
    winner      TEXT NOT NULL,
    prop_scores TEXT NOT NULL,
    opp_scores  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    entered_by  INTEGER REFERENCES users(id),
    entered_at  TIMESTAMP NOT NULL
);
