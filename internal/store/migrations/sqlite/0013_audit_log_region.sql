-- The change log keeps the place of the record changed, beside its
-- organisation, so a reader scoped to a region sees only the changes of
-- records within it (audit.Change.RegionPath). Entries written before
-- carry '' (no place): only readers without a region scope see them, as
-- for any record bound to no place. The index serves the range on the
-- place read newest first.
ALTER TABLE audit_log ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_log_region ON audit_log(region_path, id);
