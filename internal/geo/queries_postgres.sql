-- PostgreSQL: writers of the region tree take an advisory lock, as its
-- transactions do not serialise by themselves; SQLite's already hold the
-- write lock from BEGIN.

-- name: LockTree
SELECT pg_advisory_xact_lock(7478001);
