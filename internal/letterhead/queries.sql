-- Letterheads: one an organisation, a version counted up by every save.

-- name: Letterhead
SELECT name, lines, signatory_name, signatory_position, version, updated_at FROM letterheads WHERE org_id = $1;

-- name: Upsert
-- Writes organisation $1's letterhead when its version is still $6 (0:
-- none yet); no row changed means somebody saved first.
INSERT INTO letterheads (org_id, name, lines, signatory_name, signatory_position, version, updated_by, updated_at)
VALUES ($1, $2, $3, $4, $5, 1, $7, $8)
ON CONFLICT (org_id) DO UPDATE SET name = excluded.name, lines = excluded.lines,
    signatory_name = excluded.signatory_name, signatory_position = excluded.signatory_position,
    version = letterheads.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
WHERE letterheads.version = $6;
