-- Matching runs and proposals (matching.go).

-- name: Cohort
-- The young people within scope $1..$4, living under region bounds $5, $6,
-- of field $7 ('' for any), registered between $8 and $9, with no active
-- mentorship and no pending proposal; $10 is one young person's id, 0 for
-- all.
SELECT y.id, y.birth_date, y.region_path, y.field, y.language, y.guardian_consent_on, y.org_path
FROM youth y
WHERE y.org_path >= $1 AND y.org_path < $2 AND y.region_path >= $3 AND y.region_path < $4
  AND y.region_path >= $5 AND y.region_path < $6
  AND (CAST($7 AS TEXT) = '' OR y.field = $7)
  AND y.registered_on >= $8 AND y.registered_on <= $9
  AND (CAST($10 AS BIGINT) = 0 OR y.id = $10)
  AND NOT EXISTS (SELECT 1 FROM mentorships m WHERE m.youth_id = y.id AND m.status = 'active')
  AND NOT EXISTS (SELECT 1 FROM match_proposals p WHERE p.youth_id = y.id AND p.status = 'pending')
ORDER BY y.id;

-- name: Choices
-- The ranked choices of the young people within organisation bounds $1, $2.
SELECT c.youth_id, c.mentor_id
FROM youth_choices c JOIN youth y ON y.id = c.youth_id
WHERE y.org_path >= $1 AND y.org_path < $2
ORDER BY c.youth_id, c.choice;

-- name: Exclusions
-- The pairs declined or expired of the young people within organisation
-- bounds $1, $2: never proposed again.
SELECT youth_id, mentor_id FROM match_proposals
WHERE org_path >= $1 AND org_path < $2 AND status IN ('declined', 'expired');

-- name: RegionPath
SELECT path FROM regions WHERE code = $1;

-- name: OrgOf
SELECT path FROM organisations WHERE id = $1;

-- name: InsertRun
INSERT INTO match_runs (org_id, org_path, region_path, kind, params, run_by, run_by_name, youth_count, mentors, matched,
    unmatched, preference, fit, deadline_days, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id;

-- name: InsertProposal
INSERT INTO match_proposals (run_id, youth_id, mentor_id, org_path, region_path, minor, choice, fit, reasons,
    status, deadline, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11, $11)
RETURNING id;

-- name: InsertUnmatched
INSERT INTO match_unmatched (run_id, youth_id, reason_key, reason_args) VALUES ($1, $2, $3, $4);

-- name: Runs
-- The runs within scope bounds $1..$4, newest first below id $5.
SELECT id, org_id, org_path, region_path, kind, params, COALESCE(run_by, 0), run_by_name, youth_count, mentors, matched,
    unmatched, preference, fit, deadline_days, created_at
FROM match_runs WHERE org_path >= $1 AND org_path < $2 AND region_path >= $3 AND region_path < $4 AND id < $5
ORDER BY id DESC LIMIT $6;

-- name: RunByID
SELECT id, org_id, org_path, region_path, kind, params, COALESCE(run_by, 0), run_by_name, youth_count, mentors, matched,
    unmatched, preference, fit, deadline_days, created_at
FROM match_runs WHERE id = $1;

-- name: ProposalFrom
-- The start of every read of proposals.
SELECT p.id, p.run_id, p.youth_id, y.last_name || ' ' || y.first_name, p.mentor_id, m.name, p.org_path,
    p.region_path, p.minor, p.choice, p.fit, p.reasons, p.status, p.deadline, p.approved_at,
    COALESCE(p.approved_by, 0), p.replied_at, p.reason, p.version, p.created_at
FROM match_proposals p JOIN youth y ON y.id = p.youth_id JOIN mentors m ON m.id = p.mentor_id

-- name: RunProposals
WHERE p.run_id = $1 AND p.id > $2 ORDER BY p.id LIMIT $3

-- name: ProposalByID
WHERE p.id = $1

-- name: MentorProposals
-- Mentor $1's proposals, the pending first, then newest first.
WHERE p.mentor_id = $1 ORDER BY CASE WHEN p.status = 'pending' THEN 0 ELSE 1 END, p.id DESC LIMIT $2

-- name: YouthProposals
WHERE p.youth_id = $1 ORDER BY p.id DESC

-- name: RunUnmatched
SELECT u.youth_id, y.last_name || ' ' || y.first_name, u.reason_key, u.reason_args
FROM match_unmatched u JOIN youth y ON y.id = u.youth_id
WHERE u.run_id = $1 AND u.youth_id > $2 ORDER BY u.youth_id LIMIT $3;

-- name: Answer
-- Answers pending proposal $1 at version $2: status $3, reason $4, at $5.
UPDATE match_proposals SET status = $3, reason = $4, replied_at = $5, updated_at = $5, version = version + 1
WHERE id = $1 AND version = $2 AND status = 'pending';

-- name: Approve
UPDATE match_proposals SET approved_at = $2, approved_by = $3, updated_at = $2, version = version + 1
WHERE id = $1 AND status = 'pending' AND approved_at IS NULL;

-- name: InsertMentorship
INSERT INTO mentorships (youth_id, mentor_id, proposal_id, org_path, region_path, minor, status, started_on,
    created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $8)
RETURNING id;

-- name: Due
-- The pending proposals whose deadline passed before $1.
SELECT id, version FROM match_proposals WHERE status = 'pending' AND deadline < $1 ORDER BY id LIMIT 1000;

-- name: Expire
UPDATE match_proposals SET status = 'expired', replied_at = $2, updated_at = $2, version = version + 1
WHERE id = $1 AND status = 'pending' AND deadline < $2;

-- name: ToRematch
-- The declined and expired proposals no re-matching has taken up yet,
-- with their run.
SELECT p.id, p.youth_id, p.run_id FROM match_proposals p
WHERE p.status IN ('declined', 'expired') AND p.rematched_at IS NULL ORDER BY p.id LIMIT 1000;

-- name: Rematched
UPDATE match_proposals SET rematched_at = $2 WHERE id = $1;

-- name: Revealed
-- Whether the mentor whose login is $1 has an approved and accepted
-- proposal for young person $2.
SELECT COUNT(*) FROM match_proposals p JOIN mentors m ON m.id = p.mentor_id
WHERE m.user_id = $1 AND p.youth_id = $2 AND p.status = 'accepted' AND p.approved_at IS NOT NULL;

-- name: RepathProposalOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE match_proposals SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRunOrgs
UPDATE match_runs SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
UPDATE match_proposals SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathRunRegions
UPDATE match_runs SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
