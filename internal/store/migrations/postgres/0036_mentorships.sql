-- Mentoring relationships and young people's choices (issue 13).
--
-- youth_choices are the mentors a young person ranked from their
-- shortlist, choice 1 to 3; a young person with none asks for an
-- automatic match. A mentor appears once in one person's list.
--
-- A mentorship is a young person and a mentor working together, made
-- when the mentor accepts a proposed match. proposal_id names the
-- proposal it came from (empty for one made by hand). org_path and
-- region_path are the young person's, copied so a coordinator's list is
-- a range scan; minor says the young person was under 18 when it began,
-- which keeps the safeguarding rules on it. status is active, completed
-- or ended_early (with end_reason); a young person has at most one
-- active mentorship. Dates are DATE columns holding UTC midnight.

CREATE TABLE youth_choices (
    youth_id   BIGINT NOT NULL REFERENCES youth(id),
    choice     INTEGER NOT NULL,
    mentor_id  BIGINT NOT NULL REFERENCES mentors(id),
    chosen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (youth_id, choice)
);
CREATE UNIQUE INDEX youth_choices_mentor ON youth_choices(youth_id, mentor_id);

CREATE TABLE mentorships (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    youth_id    BIGINT NOT NULL REFERENCES youth(id),
    mentor_id   BIGINT NOT NULL REFERENCES mentors(id),
    proposal_id BIGINT,
    org_path    TEXT NOT NULL,
    region_path TEXT NOT NULL,
    minor       BOOLEAN NOT NULL,
    status      TEXT NOT NULL,
    started_on  DATE NOT NULL,
    ended_on    DATE,
    end_reason  TEXT NOT NULL DEFAULT '',
    ended_by    BIGINT REFERENCES users(id),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX mentorships_active ON mentorships(youth_id) WHERE status = 'active';
CREATE INDEX mentorships_mentor ON mentorships(mentor_id, status);
CREATE INDEX mentorships_org ON mentorships(org_path, id);
