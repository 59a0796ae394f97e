-- Campaigns: a programme's run for a period (say "Road to School", 1 July to
-- 30 September), its texts in several languages, the organisations taking
-- part, the regions it covers, where families call or come, what it offers
-- and how many of each it aims to give, overall and per region.
--
-- The aid catalogue is shared by every campaign of the installation: items
-- (a backpack, a laptop, a place on a course) and kits, an item made of
-- other items (a bill of materials), so a request line, a stock unit and a
-- target all name one catalogue entry whether it is a kit or not.
--
-- A campaign's scope is its organiser's path; its regions say whose
-- requests it takes. Dates are DATE columns holding UTC midnight; money is
-- in minor units of the campaign's currency.

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    -- Short public name used in links to the public pages, "road-2026".
    slug         TEXT NOT NULL UNIQUE,
    -- kits | devices | delivery | out_of_school | mentoring
    programme    TEXT NOT NULL,
    organiser_id INTEGER NOT NULL REFERENCES organisations(id),
    org_path     TEXT NOT NULL,
    starts_on    DATE NOT NULL,
    ends_on      DATE NOT NULL,
    -- The last day applications are taken; ends_on when not set.
    apply_until  DATE,
    budget       INTEGER NOT NULL DEFAULT 0,
    currency     TEXT NOT NULL DEFAULT '',
    -- draft | open | closed | reported
    status       TEXT NOT NULL DEFAULT 'draft',
    -- The campaign this one is compared with; the latest earlier campaign
    -- of the same programme and organiser when not set.
    previous_id  INTEGER REFERENCES campaigns(id),
    -- Raised by every change, so two editors cannot overwrite each other.
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   INTEGER,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX campaigns_scope ON campaigns(org_path, id);
CREATE INDEX campaigns_programme ON campaigns(programme, starts_on);

-- A campaign's name, slogan and who-may-apply text per language; the
-- organiser's language is required, the others fall back to it.
CREATE TABLE campaign_texts (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
    locale        TEXT NOT NULL,
    name          TEXT NOT NULL,
    slogan        TEXT NOT NULL DEFAULT '',
    who_may_apply TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, locale)
);

-- The regions whose families a campaign serves: a region covers its subtree.
CREATE TABLE campaign_regions (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    region_id   INTEGER NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    PRIMARY KEY (campaign_id, region_id)
);

-- Organisations taking part and their role: education_department,
-- city_council, police, probation, school, sponsor, charity, party, other.
CREATE TABLE campaign_partners (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    role        TEXT NOT NULL,
    PRIMARY KEY (campaign_id, org_id, role)
);

-- Where families reach the campaign: hotline numbers and public receptions
-- with their address and opening hours, in the order shown.
CREATE TABLE campaign_contacts (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    -- hotline | reception
    kind        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    phone       TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    hours       TEXT NOT NULL DEFAULT '',
    region_id   INTEGER REFERENCES regions(id)
);
CREATE INDEX campaign_contacts_campaign ON campaign_contacts(campaign_id, position);

-- The aid catalogue. sizing says which sizes an item comes in (none,
-- clothes, shoes); a serial-tracked item is followed unit by unit.
CREATE TABLE aid_items (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    is_kit         BOOLEAN NOT NULL DEFAULT 0,
    sizing         TEXT NOT NULL DEFAULT 'none',
    serial_tracked BOOLEAN NOT NULL DEFAULT 0,
    -- Grades the item suits (textbook sets, kits); 0 when any.
    grade_min      INTEGER NOT NULL DEFAULT 0,
    grade_max      INTEGER NOT NULL DEFAULT 0,
    unit           TEXT NOT NULL DEFAULT 'piece',
    name_en        TEXT NOT NULL,
    name_kk        TEXT NOT NULL DEFAULT '',
    name_ru        TEXT NOT NULL DEFAULT '',
    name_fr        TEXT NOT NULL DEFAULT '',
    name_fa        TEXT NOT NULL DEFAULT '',
    active         BOOLEAN NOT NULL DEFAULT 1,
    builtin        BOOLEAN NOT NULL DEFAULT 0,
    sort           INTEGER NOT NULL DEFAULT 0
);

-- A kit's bill of materials: "primary kit, grades 1-4" is a backpack, a
-- stationery set, a diary and 10 notebooks.
CREATE TABLE kit_components (
    kit_id       INTEGER NOT NULL REFERENCES aid_items(id),
    component_id INTEGER NOT NULL REFERENCES aid_items(id),
    quantity     INTEGER NOT NULL,
    PRIMARY KEY (kit_id, component_id)
);

-- What a campaign offers, with its overall target ("3,500 kits").
CREATE TABLE campaign_items (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    item_id     INTEGER NOT NULL REFERENCES aid_items(id),
    target      INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, item_id)
);

-- Targets per item and region; their sum need not equal the overall one.
CREATE TABLE campaign_targets (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    item_id     INTEGER NOT NULL REFERENCES aid_items(id),
    region_id   INTEGER NOT NULL REFERENCES regions(id),
    target      INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, item_id, region_id)
);

-- What a campaign gave, frozen when it is reported, so a later campaign
-- compares with it even after its requests are archived ("last year 5,000").
CREATE TABLE campaign_results (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    item_id     INTEGER NOT NULL REFERENCES aid_items(id),
    delivered   INTEGER NOT NULL,
    children    INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, item_id)
);
