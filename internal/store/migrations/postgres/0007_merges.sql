-- Merges: two records of the same person made into one. The record kept
-- takes every reference of the record dropped, which stays behind with
-- merged_into set. What moved is kept as JSON in moved (row ids per table,
-- the household place, the fields copied), so an administrator can undo
-- the merge.

CREATE TABLE merges (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    keep_id   BIGINT NOT NULL REFERENCES persons(id),
    drop_id   BIGINT NOT NULL REFERENCES persons(id),
    moved     TEXT NOT NULL,
    merged_by BIGINT,
    merged_at TIMESTAMPTZ NOT NULL,
    undone_by BIGINT,
    undone_at TIMESTAMPTZ
);
CREATE INDEX merges_keep ON merges(keep_id);
CREATE INDEX merges_drop ON merges(drop_id);
