-- Imports become one engine for every list: an upload, its runs and the
-- templates of its headers say which target (list kind) they are for.
-- Everything before this migration was the people list.
--
-- A run also keeps where an interrupted import stands: resume_line is
-- the last line of the file written by a committed batch, and the n_*
-- counts are the totals up to it, so the run resumed after a restart
-- continues after that line and adds to them.
--
-- The background job of an import is of one kind, "import", for every
-- target; queued jobs of the people list's old kind are renamed.

ALTER TABLE import_uploads ADD COLUMN target TEXT NOT NULL DEFAULT 'people';
ALTER TABLE import_runs ADD COLUMN target TEXT NOT NULL DEFAULT 'people';
ALTER TABLE import_runs ADD COLUMN resume_line INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_templates ADD COLUMN target TEXT NOT NULL DEFAULT 'people';
UPDATE jobs SET kind = 'import' WHERE kind = 'people-import';

-- A running job names the process running it (host, process id and a
-- start nonce), so a queue starting on the same host requeues at once the
-- jobs of a process that is gone, instead of waiting for their lease.
ALTER TABLE jobs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
