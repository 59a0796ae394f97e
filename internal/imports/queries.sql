-- Uploads of lists, their chunks, header templates, runs and rejected rows
-- (see the migration 0008_import_uploads). A parameter compared with a
-- literal is written CAST($n AS BIGINT), so PostgreSQL knows its type.

-- name: InsertUpload
INSERT INTO import_uploads (org_id, org_path, name, size, preview, created_by, created_by_name, created_at, target)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id;

-- name: InsertChunk
INSERT INTO import_chunks (upload_id, seq, data) VALUES ($1, $2, $3);

-- name: Chunk
SELECT data FROM import_chunks WHERE upload_id = $1 AND seq = $2;

-- name: Upload
SELECT u.id, u.org_id, o.name, u.org_path, u.name, u.size, u.purged, u.created_by_name, u.created_at, u.preview, u.target
FROM import_uploads u
JOIN organisations o ON o.id = u.org_id
WHERE u.id = $1;

-- name: Uploads
-- Newest first, each with its last run.
SELECT u.id, u.org_id, o.name, u.org_path, u.name, u.size, u.purged, u.created_by_name, u.created_at,
       r.id, r.dry_run, r.status, r.rows_read, r.n_created, r.n_updated, r.n_unchanged, r.n_rejected, u.target
FROM import_uploads u
JOIN organisations o ON o.id = u.org_id
LEFT JOIN import_runs r ON r.id = (SELECT MAX(x.id) FROM import_runs x WHERE x.upload_id = u.id)
WHERE u.id < $1 AND u.org_path LIKE $2 AND (CAST($3 AS BIGINT) = 0 OR u.org_id = $3)
ORDER BY u.id DESC
LIMIT $4 OFFSET $5;

-- name: CountUploads
-- How many uploads Uploads pages through, up to $3.
SELECT count(*) FROM (SELECT 1 FROM import_uploads u
WHERE u.org_path LIKE $1 AND (CAST($2 AS BIGINT) = 0 OR u.org_id = $2) LIMIT $3) x;

-- name: SaveTemplate
INSERT INTO import_templates (org_id, org_path, name, mapping, updated_by, updated_at, target)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (org_id, name) DO UPDATE
SET org_path = excluded.org_path, target = excluded.target, mapping = excluded.mapping, updated_by = excluded.updated_by,
    updated_at = excluded.updated_at
RETURNING id;

-- name: Templates
SELECT t.id, t.org_id, o.name, t.org_path, t.name, t.mapping, t.updated_at, t.target
FROM import_templates t
JOIN organisations o ON o.id = t.org_id
WHERE t.org_path LIKE $1 AND (CAST($3 AS TEXT) = '' OR t.target = $3)
ORDER BY t.updated_at DESC, t.id DESC
LIMIT $2;

-- name: TemplateByID
SELECT t.id, t.org_id, o.name, t.org_path, t.name, t.mapping, t.updated_at, t.target
FROM import_templates t
JOIN organisations o ON o.id = t.org_id
WHERE t.id = $1;

-- name: Busy
SELECT COUNT(*) FROM import_runs WHERE upload_id = $1 AND status IN ('queued', 'running');

-- name: InsertRun
INSERT INTO import_runs (upload_id, org_id, org_path, dry_run, mapping, status, created_by, created_by_name, created_at,
                         target)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id;

-- name: SetRunJob
UPDATE import_runs SET job_id = $1 WHERE id = $2;

-- name: Run
SELECT id, upload_id, org_id, org_path, dry_run, mapping, job_id, status, rows_read, bytes_read, n_created,
       n_updated, n_unchanged, n_rejected, n_reasons, error_key, error_args, created_by_name, created_at,
       started_at, finished_at, target, resume_line
FROM import_runs
WHERE id = $1;

-- name: Runs
SELECT id, upload_id, org_id, org_path, dry_run, mapping, job_id, status, rows_read, bytes_read, n_created,
       n_updated, n_unchanged, n_rejected, n_reasons, error_key, error_args, created_by_name, created_at,
       started_at, finished_at, target, resume_line
FROM import_runs
WHERE upload_id = $1
ORDER BY id DESC
LIMIT 50;

-- name: StartRun
UPDATE import_runs
SET status = 'running', started_at = $2, finished_at = NULL, rows_read = 0, bytes_read = 0, resume_line = 0,
    n_created = 0, n_updated = 0, n_unchanged = 0, n_rejected = 0
WHERE id = $1;

-- name: Checkpoint
-- Where an import stands after a committed batch (see ResumeRun).
UPDATE import_runs
SET resume_line = $2, rows_read = $3, n_created = $4, n_updated = $5, n_unchanged = $6, n_rejected = $7, bytes_read = $8
WHERE id = $1 AND status = 'running';

-- name: ResumeRun
-- A run interrupted after a committed batch goes on from there: only the
-- rejects of lines after the checkpoint, which no checkpoint kept, go.
UPDATE import_runs SET status = 'running', finished_at = NULL WHERE id = $1;

-- name: DeleteRejectsAfter
DELETE FROM import_rejects WHERE run_id = $1 AND line > $2;

-- name: MaxRejectSeq
SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM import_rejects WHERE run_id = $1;

-- name: FinishRun
UPDATE import_runs
SET status = $2, rows_read = $3, n_created = $4, n_updated = $5, n_unchanged = $6, n_rejected = $7,
    n_reasons = $8, error_key = $9, error_args = $10, finished_at = $11
WHERE id = $1;

-- name: RequeueRun
UPDATE import_runs SET status = 'queued' WHERE id = $1 AND status IN ('queued', 'running');

-- name: DeleteRejects
DELETE FROM import_rejects WHERE run_id = $1;

-- name: InsertReject
INSERT INTO import_rejects (run_id, seq, line, field, value, message_key, args)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: Rejects
-- In the order of the file's lines, from a cursor (line, seq).
SELECT seq, line, field, value, message_key, args
FROM import_rejects
WHERE run_id = $1 AND (line > $2 OR line = $2 AND seq > $3)
ORDER BY line, seq
LIMIT $4;

-- name: OldUploads
SELECT id FROM import_uploads WHERE created_at < $1 AND NOT purged ORDER BY id;

-- name: PurgeChunks
DELETE FROM import_chunks WHERE upload_id = $1;

-- name: PurgeRejects
DELETE FROM import_rejects WHERE run_id IN (SELECT id FROM import_runs WHERE upload_id = $1);

-- name: PurgeSchoolMap
DELETE FROM import_school_map WHERE upload_id = $1;

-- name: PurgeUpload
UPDATE import_uploads SET purged = TRUE, preview = '{}' WHERE id = $1;
