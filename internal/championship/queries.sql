-- Case championships (championship.go): the championship and its rubric,
-- teams and their members, cases, the jury, scores and the leaderboard.

-- name: Region
SELECT id, path FROM regions WHERE code = $1;

-- name: Org
SELECT path FROM organisations WHERE id = $1 AND active;

-- name: UserName
SELECT name FROM users WHERE id = $1;

-- name: InsertChampionship
INSERT INTO championships (org_id, org_path, region_id, region_path, name, starts_on, ends_on, state,
    created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9)
RETURNING id;

-- name: InsertCriterion
INSERT INTO championship_criteria (championship_id, position, code, name, weight, min_score, max_score)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: ChampionshipFrom
-- The start of every read of championships, with the team count.
SELECT c.id, c.org_id, o.name, c.org_path, r.code, c.region_path, c.name, c.starts_on, c.ends_on, c.state,
       c.version, (SELECT COUNT(*) FROM championship_teams t WHERE t.championship_id = c.id), c.created_at
FROM championships c JOIN organisations o ON o.id = c.org_id JOIN regions r ON r.id = c.region_id

-- name: ChampionshipByID
WHERE c.id = $1

-- name: ChampionshipsInScope
-- The reader's scope ($1-$4), newest first by id below $5.
WHERE c.org_path >= $1 AND c.org_path < $2 AND c.region_path >= $3 AND c.region_path < $4 AND c.id < $5
ORDER BY c.id DESC
LIMIT $6

-- name: Criteria
SELECT code, name, weight, min_score, max_score FROM championship_criteria
WHERE championship_id = $1 ORDER BY position;

-- name: SetState
UPDATE championships SET state = $1, version = version + 1, updated_at = $2
WHERE id = $3 AND version = $4;

-- name: InsertTeam
INSERT INTO championship_teams (championship_id, name, region_id, region_path, board_key, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: SetTeamKey
UPDATE championship_teams SET board_key = $1 WHERE id = $2;

-- name: YouthPlace
SELECT org_path, region_path FROM youth WHERE id = $1;

-- name: InsertMember
-- A young person already in a team of the championship inserts nothing.
INSERT INTO championship_members (championship_id, youth_id, team_id) VALUES ($1, $2, $3)
ON CONFLICT (championship_id, youth_id) DO NOTHING;

-- name: TeamByID
SELECT t.id, t.championship_id, t.name, r.code, t.region_path, t.jurors, t.num, t.den
FROM championship_teams t JOIN regions r ON r.id = t.region_id
WHERE t.id = $1;

-- name: Members
SELECT m.youth_id, y.last_name, y.first_name, y.region_path
FROM championship_members m JOIN youth y ON y.id = m.youth_id
WHERE m.team_id = $1 ORDER BY y.last_name, y.first_name, m.youth_id;

-- name: InsertCase
INSERT INTO championship_cases (championship_id, team_id, title, description, origin, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: Cases
SELECT id, team_id, title, description, origin FROM championship_cases WHERE team_id = $1 ORDER BY id;

-- name: InsertJuror
INSERT INTO championship_jurors (championship_id, user_id, name, region_id, region_path, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id;

-- name: Jurors
SELECT j.id, j.championship_id, COALESCE(j.user_id, 0), j.name, r.code, j.region_path
FROM championship_jurors j JOIN regions r ON r.id = j.region_id
WHERE j.championship_id = $1 ORDER BY j.id;

-- name: JurorByID
SELECT j.id, j.championship_id, COALESCE(j.user_id, 0), j.name, r.code, j.region_path
FROM championship_jurors j JOIN regions r ON r.id = j.region_id
WHERE j.id = $1;

-- name: LockTeam
-- Takes the team's row lock (PostgreSQL) before its totals are
-- recomputed, so two jurors scoring one team at once add up in turn.
UPDATE championship_teams SET jurors = jurors WHERE id = $1;

-- name: JurorScores
SELECT code, score FROM championship_scores WHERE team_id = $1 AND juror_id = $2;

-- name: DeleteScores
DELETE FROM championship_scores WHERE team_id = $1 AND juror_id = $2;

-- name: InsertScore
INSERT INTO championship_scores (juror_id, team_id, code, score, scored_by, scored_at)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: TeamSums
-- Σ of each criterion's scores over the jurors who scored team $1, and
-- how many jurors did.
SELECT code, SUM(score), COUNT(*) FROM championship_scores WHERE team_id = $1 GROUP BY code;

-- name: SetTotals
UPDATE championship_teams SET jurors = $1, num = $2, den = $3, board_key = $4 WHERE id = $5;

-- name: Board
-- A page of the leaderboard: the teams after cursor $2 in board order.
SELECT t.id, t.name, r.code, t.region_path, t.jurors, t.num, t.den, t.board_key
FROM championship_teams t JOIN regions r ON r.id = t.region_id
WHERE t.championship_id = $1 AND t.board_key > $2
ORDER BY t.board_key
LIMIT $3;

-- name: Above
-- How many teams stand above board key $2: the rank of the key's team
-- is one more.
SELECT COUNT(*) FROM championship_teams WHERE championship_id = $1 AND board_key < $2;

-- name: Placings
-- Every member of every team with their team's totals, in board order.
SELECT m.youth_id, y.region_path, t.id, t.num, t.den
FROM championship_teams t JOIN championship_members m ON m.team_id = t.id JOIN youth y ON y.id = m.youth_id
WHERE t.championship_id = $1
ORDER BY t.board_key, m.youth_id;

-- name: RepathOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE championships SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
-- A region subtree moved, as RepathOrgs, for every table that copies a
-- region's path.
UPDATE championships SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathTeams
UPDATE championship_teams SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathJurors
UPDATE championship_jurors SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: JurorOf
-- The championships user $1 sits on the jury of, newest first.
WHERE c.id IN (SELECT j.championship_id FROM championship_jurors j WHERE j.user_id = $1)
ORDER BY c.id DESC
LIMIT 100
