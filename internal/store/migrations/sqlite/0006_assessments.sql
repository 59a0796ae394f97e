-- Assessments and placements: ability diagnostics and career guidance for
-- a pupil, and the free places schools, lyceums and centres offer.
--
-- An assessment and an offer belong to the organisation where the
-- assessment was made or that offers the places; their scope is that
-- organisation's path and region, read through a join rather than copied,
-- so a move of the organisation needs nothing here. Dates are DATE columns
-- holding UTC midnight.

CREATE TABLE assessments (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES persons(id),
    org_id           INTEGER NOT NULL REFERENCES organisations(id),
    instrument       TEXT NOT NULL,
    taken_on         DATE NOT NULL,
    recommendation   TEXT NOT NULL DEFAULT '',
    assessed_by      INTEGER,
    assessed_by_name TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX assessments_person ON assessments(person_id);
CREATE INDEX assessments_org ON assessments(org_id, id);

-- The score for each ability an assessment measured, in the order typed.
CREATE TABLE assessment_scores (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    position      INTEGER NOT NULL,
    ability       TEXT NOT NULL,
    score         REAL NOT NULL,
    max_score     REAL NOT NULL,
    PRIMARY KEY (assessment_id, position)
);

-- Free places an organisation offers for a year.
CREATE TABLE place_offers (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisations(id),
    year       INTEGER NOT NULL,
    quota      INTEGER NOT NULL,
    programme  TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_by INTEGER,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX place_offers_org ON place_offers(org_id, year);

-- A child placed on an offer; every placement but a declined one takes a
-- place of the quota. A child is placed once per offer.
CREATE TABLE placements (
    id         INTEGER PRIMARY KEY,
    offer_id   INTEGER NOT NULL REFERENCES place_offers(id),
    person_id  INTEGER NOT NULL REFERENCES persons(id),
    outcome    TEXT NOT NULL,
    decided_on DATE,
    notes      TEXT NOT NULL DEFAULT '',
    created_by INTEGER,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX placements_offer_person ON placements(offer_id, person_id);
CREATE INDEX placements_person ON placements(person_id);
