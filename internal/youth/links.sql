-- A young person's secret link (links.go), their choices of mentors
-- (choose.go) and the guardian's details a minor gives at registration.

-- name: UpsertLink
-- One link per young person: a new one replaces the old.
INSERT INTO youth_links (youth_id, token_hash, issued_at, issued_by) VALUES ($1, $2, $3, $4)
ON CONFLICT (youth_id) DO UPDATE SET token_hash = excluded.token_hash, issued_at = excluded.issued_at,
    issued_by = excluded.issued_by;

-- name: LinkByHash
SELECT youth_id, token_hash FROM youth_links WHERE token_hash = $1;

-- name: LinkIssued
SELECT issued_at FROM youth_links WHERE youth_id = $1;

-- name: TouchYouth
-- Takes the young person's row for the transaction, so writes of one
-- young person's choices queue one behind the other on both engines.
UPDATE youth SET updated_at = $2 WHERE id = $1;

-- name: Choices
SELECT mentor_id FROM youth_choices WHERE youth_id = $1 ORDER BY choice;

-- name: DeleteChoices
DELETE FROM youth_choices WHERE youth_id = $1;

-- name: InsertChoice
INSERT INTO youth_choices (youth_id, choice, mentor_id, chosen_at) VALUES ($1, $2, $3, $4);

-- name: SetGuardianDetails
-- The guardian a minor names at registration; their consent is recorded
-- later, by a coordinator (SetGuardian).
UPDATE youth SET guardian_name = $1, guardian_relation = $2, guardian_contact = $3 WHERE id = $4;
