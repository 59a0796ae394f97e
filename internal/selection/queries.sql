-- The staged selection (selection.go): macro-regions, selections and
-- their quotas, regional rounds and scores, rankings, appeals and the
-- shortlist.

-- name: MacroAll
SELECT m.region_code, m.macro, COALESCE(r.name_en, ''), COALESCE(r.name_kk, ''), COALESCE(r.name_ru, ''),
       COALESCE(r.name_fr, ''), COALESCE(r.name_fa, '')
FROM macro_regions m LEFT JOIN regions r ON r.code = m.region_code
ORDER BY m.region_code;

-- name: MacroSet
INSERT INTO macro_regions (region_code, macro) VALUES ($1, $2)
ON CONFLICT (region_code) DO UPDATE SET macro = excluded.macro;

-- name: MacroDelete
DELETE FROM macro_regions WHERE region_code = $1;

-- name: RegionPath
SELECT path FROM regions WHERE code = $1;

-- name: OrgByID
SELECT o.id, o.name, o.path, COALESCE(r.path, '')
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id = $1;

-- name: InsertSelection
INSERT INTO selections (name, org_id, org_path, region_path, places, quota_mode, tie_rule, appeal_days, state,
    created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'collecting', $9, $10, $10)
RETURNING id;

-- name: DeleteQuotas
DELETE FROM selection_quotas WHERE selection_id = $1;

-- name: InsertQuota
INSERT INTO selection_quotas (selection_id, macro, places) VALUES ($1, $2, $3);

-- name: Quotas
SELECT macro, places FROM selection_quotas WHERE selection_id = $1;

-- name: SelectionFrom
-- The start of every read of selections; SelectionByID or
-- SelectionsInScope completes it.
SELECT s.id, s.name, s.org_id, o.name, s.org_path, s.region_path, s.places, s.quota_mode, s.tie_rule,
       s.appeal_days, s.state, s.appeals_close_on, s.ranked_at, s.published_at,
       (SELECT count(*) FROM selection_scores c WHERE c.selection_id = s.id), s.created_at, s.updated_at
FROM selections s JOIN organisations o ON o.id = s.org_id

-- name: SelectionByID
WHERE s.id = $1

-- name: SelectionsInScope
-- The reader's scope ($1-$4), newest first by id below $5.
WHERE s.org_path >= $1 AND s.org_path < $2 AND s.region_path >= $3 AND s.region_path < $4 AND s.id < $5
ORDER BY s.id DESC
LIMIT $6

-- name: SetState
-- Moves selection $6 from state $7 to $1; a NULL leaves its column.
UPDATE selections SET state = $1, appeals_close_on = COALESCE($2, appeals_close_on),
    ranked_at = COALESCE($3, ranked_at), published_at = COALESCE($4, published_at), updated_at = $5
WHERE id = $6 AND state = $7;

-- name: InsertRound
INSERT INTO selection_rounds (selection_id, name, source, source_ref, created_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (selection_id, name) DO NOTHING;

-- name: RoundByName
SELECT id FROM selection_rounds WHERE selection_id = $1 AND name = $2;

-- name: Rounds
SELECT r.id, r.name, r.source, r.source_ref, (SELECT count(*) FROM selection_scores c WHERE c.round_id = r.id)
FROM selection_rounds r WHERE r.selection_id = $1
ORDER BY r.id;

-- name: YouthPlace
SELECT y.org_path, y.region_path FROM youth y WHERE y.id = $1;

-- name: InsertScore
-- A young person already scored in the selection inserts nothing and
-- returns no row.
INSERT INTO selection_scores (selection_id, round_id, youth_id, org_path, region_path, score, round_rank,
    entered_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
ON CONFLICT (selection_id, youth_id) DO NOTHING
RETURNING id;

-- name: ScoreOf
SELECT sc.score, r.name, sc.org_path, sc.region_path
FROM selection_scores sc JOIN selection_rounds r ON r.id = sc.round_id
WHERE sc.selection_id = $1 AND sc.youth_id = $2;

-- name: UpdateScore
UPDATE selection_scores SET score = $1, entered_by = $2, updated_at = $3 WHERE selection_id = $4 AND youth_id = $5;

-- name: Candidates
SELECT sc.youth_id, sc.region_path, sc.score FROM selection_scores sc WHERE sc.selection_id = $1;

-- name: DeleteResults
DELETE FROM selection_results WHERE selection_id = $1;

-- name: InsertResult
INSERT INTO selection_results (selection_id, youth_id, region_code, macro, score, macro_rank, quota, position,
    reason, ord)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- name: Results
-- A page of ranking $1 after row $3 ('' macro-region $2 for all).
SELECT r.ord, r.youth_id, y.last_name, y.first_name, r.region_code, COALESCE(g.name_en, ''),
       COALESCE(g.name_kk, ''), COALESCE(g.name_ru, ''), COALESCE(g.name_fr, ''), COALESCE(g.name_fa, ''),
       r.macro, r.score, r.macro_rank, r.quota, r.position, r.reason
FROM selection_results r JOIN youth y ON y.id = r.youth_id LEFT JOIN regions g ON g.code = r.region_code
WHERE r.selection_id = $1 AND (CAST($2 AS TEXT) = '' OR r.macro = $2) AND r.ord > $3
ORDER BY r.ord
LIMIT $4;

-- name: ResultOf
SELECT r.macro, r.macro_rank, r.quota, r.position, r.reason FROM selection_results r
WHERE r.selection_id = $1 AND r.youth_id = $2;

-- name: InsertAppeal
-- A second appeal of one young person in one selection inserts nothing.
INSERT INTO selection_appeals (selection_id, youth_id, org_path, region_path, reason, filed_via, filed_by, state,
    created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8)
ON CONFLICT (selection_id, youth_id) DO NOTHING
RETURNING id;

-- name: AppealFrom
SELECT a.id, a.selection_id, a.youth_id, y.last_name, y.first_name, a.org_path, a.region_path, a.reason,
       a.filed_via, a.state, a.decision, a.old_score, a.new_score, a.decided_at, a.created_at
FROM selection_appeals a JOIN youth y ON y.id = a.youth_id

-- name: AppealByID
WHERE a.id = $1

-- name: AppealOfYouth
WHERE a.selection_id = $1 AND a.youth_id = $2

-- name: AppealsOf
WHERE a.selection_id = $1
ORDER BY a.state <> 'open', a.id

-- name: DecideAppeal
UPDATE selection_appeals SET state = $1, decision = $2, old_score = $3, new_score = $4, decided_by = $5,
    decided_at = $6
WHERE id = $7 AND state = 'open';

-- name: OpenAppeals
SELECT count(*) FROM selection_appeals WHERE selection_id = $1 AND state = 'open';

-- name: Shortlist
SELECT r.position, r.macro, r.region_code, COALESCE(g.name_en, ''), COALESCE(g.name_kk, ''),
       COALESCE(g.name_ru, ''), COALESCE(g.name_fr, ''), COALESCE(g.name_fa, ''), y.shortlist_consent,
       y.first_name, y.last_name
FROM selection_results r JOIN youth y ON y.id = r.youth_id LEFT JOIN regions g ON g.code = r.region_code
WHERE r.selection_id = $1 AND r.position > 0
ORDER BY r.position;

-- name: OfYouth
-- The selections young person $1 is a candidate of, newest first.
WHERE s.id IN (SELECT c.selection_id FROM selection_scores c WHERE c.youth_id = $1)
ORDER BY s.id DESC
