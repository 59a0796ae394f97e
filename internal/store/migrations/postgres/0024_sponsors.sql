-- Sponsors and benefactors, their cash gifts, pledges and receipts.
--
-- A sponsor is a donor of the stock ledger (donors, migration 0020) with
-- what a benefactor needs beside a name: one identity, so the stock
-- receipts of a donation in kind and the cash gifts of a sponsor are the
-- same party's. The row is keyed by the donor's id and written in the
-- same transaction as the donor; its scope is the donor's recording
-- organisation (donors.org_path, moved by the stock service).
--
-- Amounts are integers in minor units of the currency (tiyn, cents;
-- the rial has none, so an IRR amount is whole rials).

CREATE TABLE sponsors (
    donor_id     BIGINT PRIMARY KEY REFERENCES donors(id),
    -- kk | ru | en | fr | fa; '' falls back to the organisation's language.
    language     TEXT NOT NULL DEFAULT '',
    -- Consent to be named in public (reports, the campaign page): when it
    -- was given and who recorded it; NULL when not given.
    consent_at   TIMESTAMPTZ,
    consent_by   BIGINT,
    consent_name TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    -- The sponsor's own login (role sponsor), for the sponsor portal.
    user_id      BIGINT REFERENCES users(id),
    -- Folded name, for the list's search.
    search       TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   BIGINT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX sponsors_user ON sponsors(user_id) WHERE user_id IS NOT NULL;

-- A sponsor's ways to be reached, in the order given.
CREATE TABLE sponsor_contacts (
    sponsor_id BIGINT NOT NULL REFERENCES sponsors(donor_id),
    n          INTEGER NOT NULL,
    -- phone | email | address | person (a contact person of a company)
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (sponsor_id, n)
);

-- The campaigns a sponsor supports.
CREATE TABLE sponsor_campaigns (
    sponsor_id  BIGINT NOT NULL REFERENCES sponsors(donor_id),
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    PRIMARY KEY (sponsor_id, campaign_id)
);
CREATE INDEX sponsor_campaigns_campaign ON sponsor_campaigns(campaign_id, sponsor_id);

-- What a sponsor promised: money (amount, currency) or items (item,
-- quantity), made on a day and due on another. Fulfilment is the sum of
-- pledge_fulfilments; reminded_at is when the reminder job listed it as
-- due, so it is listed once.
CREATE TABLE pledges (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sponsor_id  BIGINT NOT NULL REFERENCES sponsors(donor_id),
    campaign_id BIGINT REFERENCES campaigns(id),
    -- money | items
    kind        TEXT NOT NULL,
    amount      BIGINT NOT NULL DEFAULT 0,
    currency    TEXT NOT NULL DEFAULT '',
    item_id     BIGINT REFERENCES aid_items(id),
    quantity    INTEGER NOT NULL DEFAULT 0,
    made_on     DATE NOT NULL,
    due_on      DATE NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    reminded_at TIMESTAMPTZ,
    created_by  BIGINT,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (due_on >= made_on)
);
CREATE INDEX pledges_sponsor ON pledges(sponsor_id, id);
CREATE INDEX pledges_due ON pledges(due_on, id) WHERE reminded_at IS NULL;

-- A cash gift.
CREATE TABLE gifts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sponsor_id  BIGINT NOT NULL REFERENCES sponsors(donor_id),
    campaign_id BIGINT REFERENCES campaigns(id),
    pledge_id   BIGINT REFERENCES pledges(id),
    amount      BIGINT NOT NULL CHECK (amount > 0),
    -- KZT | IRR | USD | EUR
    currency    TEXT NOT NULL,
    given_on    DATE NOT NULL,
    -- bank_transfer | cash | card | other
    method      TEXT NOT NULL,
    purpose     TEXT NOT NULL DEFAULT '',
    created_by  BIGINT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX gifts_sponsor ON gifts(sponsor_id, id);
CREATE INDEX gifts_campaign ON gifts(campaign_id, id) WHERE campaign_id IS NOT NULL;

-- What fulfilled a pledge: a cash gift (its amount) or a stock donation
-- (the units of the pledged item it received).
CREATE TABLE pledge_fulfilments (
    pledge_id BIGINT NOT NULL REFERENCES pledges(id),
    gift_id   BIGINT REFERENCES gifts(id),
    doc_id    BIGINT REFERENCES stock_docs(id),
    amount    BIGINT NOT NULL,
    matched_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX pledge_fulfilments_gift ON pledge_fulfilments(gift_id) WHERE gift_id IS NOT NULL;
CREATE UNIQUE INDEX pledge_fulfilments_doc ON pledge_fulfilments(pledge_id, doc_id) WHERE doc_id IS NOT NULL;

-- The last receipt number given per organisation and year: the next
-- receipt takes last + 1 in the transaction that writes it, so numbers
-- have no gaps (a rolled back gift gives its number back).
CREATE TABLE receipt_counters (
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (org_id, year)
);

-- A receipt: for a cash gift or a stock donation of a sponsor, numbered
-- per the sponsor's recording organisation and the gift's year.
CREATE TABLE receipts (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES organisations(id),
    year       INTEGER NOT NULL,
    number     INTEGER NOT NULL,
    sponsor_id BIGINT NOT NULL REFERENCES sponsors(donor_id),
    gift_id    BIGINT REFERENCES gifts(id),
    doc_id     BIGINT REFERENCES stock_docs(id),
    issued_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX receipts_number ON receipts(org_id, year, number);
CREATE UNIQUE INDEX receipts_gift ON receipts(gift_id) WHERE gift_id IS NOT NULL;
CREATE UNIQUE INDEX receipts_doc ON receipts(doc_id) WHERE doc_id IS NOT NULL;
CREATE INDEX receipts_sponsor ON receipts(sponsor_id, id);
