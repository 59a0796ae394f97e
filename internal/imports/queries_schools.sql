-- The schools of an upload mapped to organisations (see the migration
-- 0014_import_school_map).

-- name: SchoolMap
SELECT name_key, org_id FROM import_school_map WHERE upload_id = $1;

-- name: DeleteSchoolMap
DELETE FROM import_school_map WHERE upload_id = $1 AND name_key = $2;

-- name: InsertSchoolMap
INSERT INTO import_school_map (upload_id, name_key, org_id) VALUES ($1, $2, $3);
