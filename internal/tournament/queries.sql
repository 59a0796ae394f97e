-- Debate tournaments (tournament.go and the files beside it). Teams'
-- members are read with the young people's names by join; whether the
-- principal may see a young person is decided on the tournament's scope.

-- name: ScopeOrg
-- Organisation $1 with its name, path and its region's id and path.
SELECT o.id, o.name, o.path, COALESCE(r.id, 0), COALESCE(r.path, '')
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id = $1;

-- name: Region
-- Region $1's path.
SELECT path FROM regions WHERE id = $1;

-- name: Insert
INSERT INTO debate_tournaments (org_id, org_path, region_id, region_path, name, prelims, break_size, qualifiers,
    speakers, min_score, max_score, panel_size, seed, state, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
RETURNING id;

-- name: ByID
SELECT t.id, t.org_id, o.name, t.org_path, t.region_id, r.code, t.region_path, t.name, t.prelims, t.break_size,
       t.qualifiers, t.speakers, t.min_score, t.max_score, t.panel_size, t.seed, t.state, t.version,
       t.created_at, t.updated_at
FROM debate_tournaments t JOIN organisations o ON o.id = t.org_id JOIN regions r ON r.id = t.region_id
WHERE t.id = $1;

-- name: Lock
-- Raises tournament $1's version, waiting for a writer under way: the
-- one writer of a tournament's rounds at a time.
UPDATE debate_tournaments SET version = version + 1, updated_at = $2 WHERE id = $1;

-- name: SetState
UPDATE debate_tournaments SET state = $2, updated_at = $3 WHERE id = $1;

-- name: List
-- The tournaments within the scope $1..$4, newest first: keyset before id
-- $5, $6 rows after skipping $7.
SELECT t.id, t.org_id, o.name, t.org_path, t.region_id, r.code, t.region_path, t.name, t.prelims, t.break_size,
       t.qualifiers, t.speakers, t.min_score, t.max_score, t.panel_size, t.seed, t.state, t.version,
       t.created_at, t.updated_at
FROM debate_tournaments t JOIN organisations o ON o.id = t.org_id JOIN regions r ON r.id = t.region_id
WHERE t.org_path >= $1 AND t.org_path < $2 AND t.region_path >= $3 AND t.region_path < $4 AND t.id < $5
ORDER BY t.id DESC
LIMIT $6 OFFSET $7;

-- name: Count
SELECT count(*) FROM (SELECT 1 FROM debate_tournaments
    WHERE org_path >= $1 AND org_path < $2 AND region_path >= $3 AND region_path < $4 LIMIT $5) x;

-- name: InsertTeam
INSERT INTO debate_teams (tournament_id, name, school, region, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id;

-- name: InsertMember
INSERT INTO debate_members (team_id, position, tournament_id, youth_id) VALUES ($1, $2, $3, $4);

-- name: Teams
SELECT id, name, school, region FROM debate_teams WHERE tournament_id = $1 ORDER BY id;

-- name: Members
-- The members of tournament $1's teams, in speaking order.
SELECT m.team_id, m.youth_id, y.last_name, y.first_name, y.region_path
FROM debate_members m JOIN youth y ON y.id = m.youth_id
WHERE m.tournament_id = $1
ORDER BY m.team_id, m.position;

-- name: YouthScope
-- Young person $1's branch and place, or none.
SELECT org_path, region_path FROM youth WHERE id = $1;

-- name: InsertJudge
INSERT INTO debate_judges (tournament_id, name, user_id, school, region, strength, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id;

-- name: Judges
SELECT id, name, COALESCE(user_id, 0), school, region, strength FROM debate_judges WHERE tournament_id = $1 ORDER BY id;

-- name: InsertRound
INSERT INTO debate_rounds (tournament_id, stage, number, bye_team_id, notes, published_at, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id;

-- name: Rounds
SELECT id, stage, number, COALESCE(bye_team_id, 0), notes, published_at, created_at
FROM debate_rounds WHERE tournament_id = $1 ORDER BY stage DESC, number;

-- name: Publish
UPDATE debate_rounds SET published_at = $2 WHERE id = $1 AND published_at IS NULL;

-- name: InsertDebate
INSERT INTO debate_debates (round_id, position, prop_id, opp_id, judges) VALUES ($1, $2, $3, $4, $5) RETURNING id;

-- name: Debates
-- The debates of tournament $1's rounds, in the draw's order.
SELECT d.id, d.round_id, d.position, d.prop_id, d.opp_id, d.judges
FROM debate_debates d JOIN debate_rounds r ON r.id = d.round_id
WHERE r.tournament_id = $1
ORDER BY d.round_id, d.position;

-- name: Ballots
SELECT b.debate_id, b.winner, b.prop_scores, b.opp_scores, b.version, b.entered_at
FROM debate_ballots b JOIN debate_debates d ON d.id = b.debate_id JOIN debate_rounds r ON r.id = d.round_id
WHERE r.tournament_id = $1;

-- name: DebateByID
-- Debate $1 with its round's tournament.
SELECT d.id, d.round_id, r.tournament_id FROM debate_debates d JOIN debate_rounds r ON r.id = d.round_id WHERE d.id = $1;

-- name: BallotOf
SELECT debate_id, winner, prop_scores, opp_scores, version, entered_at FROM debate_ballots WHERE debate_id = $1;

-- name: InsertBallot
INSERT INTO debate_ballots (debate_id, winner, prop_scores, opp_scores, entered_by, entered_at)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: UpdateBallot
UPDATE debate_ballots SET winner = $2, prop_scores = $3, opp_scores = $4, version = version + 1,
    entered_by = $5, entered_at = $6
WHERE debate_id = $1 AND version = $7;

-- name: RepathOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE debate_tournaments SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
-- A region subtree moved, as RepathOrgs.
UPDATE debate_tournaments SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
