-- Places: a folded search key (lower-cased, Unicode-normalised names, filled
-- by the geo and orgs packages) on regions and organisations, so a name in
-- any script matches case-insensitively on both engines.

ALTER TABLE regions ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN search TEXT NOT NULL DEFAULT '';
