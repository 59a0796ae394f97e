-- Merges: two records of the same person made into one. The record kept
-- takes every reference of the record dropped, which stays behind with
-- merged_into set. What moved is kept as JSON in moved (row ids per table,
-- the household place, the fields copied), so an administrator can undo
-- the merge.

CREATE TABLE merges (
    id        INTEGER PRIMARY KEY,
    keep_id   INTEGER NOT NULL REFERENCES persons(id),
    drop_id   INTEGER NOT NULL REFERENCES persons(id),
    moved     TEXT NOT NULL,
    merged_by INTEGER,
    merged_at TIMESTAMP NOT NULL,
    undone_by INTEGER,
    undone_at TIMESTAMP
);
CREATE INDEX merges_keep ON merges(keep_id);
CREATE INDEX merges_drop ON merges(drop_id);
