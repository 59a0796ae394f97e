-- A minor's guardian link (guardian_link.go): issued, read by its hash,
-- answered once.

-- name: UpsertGuardianLink
-- One link per young person: a new one replaces the old, answered or not.
INSERT INTO youth_guardian_links (youth_id, token_hash, issued_at, issued_by, expires_at, answer, answered_at)
VALUES ($1, $2, $3, $4, $5, '', NULL)
ON CONFLICT (youth_id) DO UPDATE SET token_hash = excluded.token_hash, issued_at = excluded.issued_at,
    issued_by = excluded.issued_by, expires_at = excluded.expires_at, answer = '', answered_at = NULL;

-- name: GuardianLinkByHash
SELECT youth_id, token_hash, expires_at, answer FROM youth_guardian_links WHERE token_hash = $1;

-- name: GuardianLinkOf
SELECT issued_at, COALESCE(issued_by, 0), expires_at, answer, answered_at
FROM youth_guardian_links WHERE youth_id = $1;

-- name: AnswerGuardianLink
-- Answers the link once: of several answers sent at once, only the first
-- finds answer still '' (PostgreSQL re-reads the row after the first
-- writer commits; SQLite has one writer), the others change nothing.
UPDATE youth_guardian_links SET answer = $3, answered_at = $4
WHERE youth_id = $1 AND token_hash = $2 AND answer = '';
