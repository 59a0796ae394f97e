-- The benefactors' association: the charities that take referrals of
-- out-of-school children, the domains of help each covers (school
-- building, health, dowry, treatment of special illnesses, insurance,
-- skills, devices, food, other), the regions it works in and how many
-- children it can take at once.
--
-- A charity's staff log in under its organisation (org_id), with the role
-- charity; they see the referrals sent to it and nothing else. `taken` is
-- the places in use: an acceptance raises it with one conditional update
-- (taken < capacity), which PostgreSQL re-checks under the row's lock and
-- SQLite runs under its one write lock; a referral completed or withdrawn
-- gives its place back.

CREATE TABLE charities (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL,
    org_id     BIGINT NOT NULL REFERENCES organisations(id),
    capacity   INTEGER NOT NULL,
    taken      INTEGER NOT NULL DEFAULT 0,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    note       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX charities_org ON charities(org_id);
CREATE INDEX charities_name ON charities(name, id);

-- The domains a charity covers, one a row.
CREATE TABLE charity_domains (
    charity_id BIGINT NOT NULL REFERENCES charities(id),
    domain     TEXT NOT NULL,
    PRIMARY KEY (charity_id, domain)
);
CREATE INDEX charity_domains_domain ON charity_domains(domain, charity_id);

-- The regions a charity works in, with their paths copied: a case lies in
-- one when its region path starts with the charity's.
CREATE TABLE charity_regions (
    charity_id  BIGINT NOT NULL REFERENCES charities(id),
    region_id   BIGINT NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    PRIMARY KEY (charity_id, region_id)
);
