-- The registry's duplicate review (internal/dedupe).
--
-- A scan deduplicates the live persons with the record-linkage engine
-- and keeps each likely pair of records of one person here, the lower
-- id first, so a pair has one row however often it is found. A pair is
-- pending until a reviewer merges it or says the two are different
-- people; the decision stays, so a later scan never queues the pair
-- again, and a scan only refreshes the weight of a pending one.

CREATE TABLE duplicate_pairs (
    id          INTEGER PRIMARY KEY,
    person_a    INTEGER NOT NULL REFERENCES persons(id),
    person_b    INTEGER NOT NULL REFERENCES persons(id),
    -- The pair's match weight (log2 of the likelihood ratio) and the
    -- probability it gives that both are one person.
    weight      REAL NOT NULL,
    probability REAL NOT NULL,
    -- The compared fields that agree and that differ, comma-separated
    -- field names; a field either record lacks is in neither.
    agree       TEXT NOT NULL DEFAULT '',
    disagree    TEXT NOT NULL DEFAULT '',
    -- pending | merged | distinct
    status      TEXT NOT NULL DEFAULT 'pending',
    found_at    TIMESTAMP NOT NULL,
    -- The scan that found the pair last.
    scan_id     INTEGER NOT NULL DEFAULT 0,
    decided_by  INTEGER REFERENCES users(id),
    decided_at  TIMESTAMP,
    CHECK (person_a < person_b)
);
CREATE UNIQUE INDEX duplicate_pairs_pair ON duplicate_pairs(person_a, person_b);
CREATE INDEX duplicate_pairs_queue ON duplicate_pairs(status, weight, id);
CREATE INDEX duplicate_pairs_b ON duplicate_pairs(person_b);

-- The scans, the latest last: when each ran and what it found.
CREATE TABLE duplicate_scans (
    id           INTEGER PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    -- Why it ran: request | import | schedule | demo
    reason       TEXT NOT NULL DEFAULT '',
    persons      INTEGER NOT NULL DEFAULT 0,
    pairs        INTEGER NOT NULL DEFAULT 0,
    new_pairs    INTEGER NOT NULL DEFAULT 0,
    took_ms      INTEGER NOT NULL DEFAULT 0,
    requested_by INTEGER REFERENCES users(id)
);
