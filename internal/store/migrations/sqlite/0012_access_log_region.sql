-- The access log keeps the place of the record opened, beside its
-- organisation, so a reader scoped to a region sees only the openings of
-- records within it (audit.Log.ViewedIn). Entries written before carry ''
-- (no place): only readers without a region scope see them, as for any
-- record bound to no place. The index serves the range on the place read
-- newest first.
ALTER TABLE access_log ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX access_log_region ON access_log(region_path, id);
