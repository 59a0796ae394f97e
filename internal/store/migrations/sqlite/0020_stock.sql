-- Stock: warehouses and distribution points, donors of gifts in kind, and
-- the stock ledger.
--
-- The ledger is stock_moves: one signed quantity per warehouse, item, size,
-- lot (and device, for serial-tracked items), grouped by the document that
-- made it (stock_docs). Moves are only ever inserted; a correction is a new
-- move. Every unit stays in the lot it came in with (stock_lots), so a
-- donor's gift can be followed to whoever received it; a kit's lot names
-- the component lots it was assembled from (stock_lot_parts).
--
-- stock_balances (per warehouse, item and size) and stock_lot_balances
-- (per warehouse and lot) are counters derived from the moves, written
-- only by the ledger code in the transaction that inserts the moves; the
-- CHECK constraints are the last line of defence against negative stock,
-- and `jol stock verify` recomputes both from the ledger.

CREATE TABLE warehouses (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    -- In the organisation's language, as its staff call it.
    name        TEXT NOT NULL,
    -- warehouse | distribution_point
    kind        TEXT NOT NULL,
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    org_path    TEXT NOT NULL,
    region_id   INTEGER NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    active      BOOLEAN NOT NULL DEFAULT 1,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX warehouses_org ON warehouses(org_path, id);
CREATE INDEX warehouses_region ON warehouses(region_path, id);

-- Who gave stock in kind. Kept small: sponsors grow out of it.
CREATE TABLE donors (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    -- organisation | company | person
    kind       TEXT NOT NULL,
    -- The organisation of the registry the donor is, when it is one.
    donor_org_id INTEGER REFERENCES organisations(id),
    contact    TEXT NOT NULL DEFAULT '',
    -- The organisation that recorded the donor: its subtree and its
    -- ancestors see it.
    org_id     INTEGER NOT NULL REFERENCES organisations(id),
    org_path   TEXT NOT NULL,
    created_by INTEGER,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX donors_org ON donors(org_path, name);

-- A document of the ledger: one receipt, transfer, assembly, issue,
-- return, write-off or count, who made it and when.
CREATE TABLE stock_docs (
    id              INTEGER PRIMARY KEY,
    -- donation | purchase | transfer | assembly | issue_person |
    -- issue_institution | return | write_off | count
    kind            TEXT NOT NULL,
    -- done; a transfer is in_transit until received
    status          TEXT NOT NULL,
    warehouse_id    INTEGER NOT NULL REFERENCES warehouses(id),
    -- A transfer's destination.
    to_warehouse_id INTEGER REFERENCES warehouses(id),
    -- A donation's donor.
    donor_id        INTEGER REFERENCES donors(id),
    -- An issue to a person: the request line it answers.
    request_id      INTEGER REFERENCES requests(id),
    request_line    INTEGER NOT NULL DEFAULT 0,
    -- An issue to an institution: the organisation that received it.
    org_id          INTEGER REFERENCES organisations(id),
    -- A return: the issue it takes back.
    ref_doc_id      INTEGER REFERENCES stock_docs(id),
    -- A write-off's reason (damaged, lost, expired, other); count.
    reason          TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    -- The warehouse's scope (the source's, for a transfer).
    org_path        TEXT NOT NULL,
    region_path     TEXT NOT NULL,
    created_by      INTEGER,
    created_name    TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    received_by     INTEGER,
    received_name   TEXT NOT NULL DEFAULT '',
    received_note   TEXT NOT NULL DEFAULT '',
    received_at     TIMESTAMP
);
CREATE INDEX stock_docs_warehouse ON stock_docs(warehouse_id, id);
CREATE INDEX stock_docs_to ON stock_docs(to_warehouse_id, id) WHERE to_warehouse_id IS NOT NULL;
CREATE INDEX stock_docs_request ON stock_docs(request_id, request_line) WHERE request_id IS NOT NULL;
CREATE INDEX stock_docs_ref ON stock_docs(ref_doc_id) WHERE ref_doc_id IS NOT NULL;

-- Where units came from: a donation (its donor), a purchase (the cost of
-- one unit in minor units of an ISO 4217 currency), a kit assembly (its
-- parts below) or a count's surplus.
CREATE TABLE stock_lots (
    id          INTEGER PRIMARY KEY,
    -- donation | purchase | kit | surplus
    kind        TEXT NOT NULL,
    item_id     INTEGER NOT NULL REFERENCES aid_items(id),
    size        TEXT NOT NULL DEFAULT '',
    donor_id    INTEGER REFERENCES donors(id),
    unit_cost   INTEGER NOT NULL DEFAULT 0,
    currency    TEXT NOT NULL DEFAULT '',
    doc_id      INTEGER NOT NULL REFERENCES stock_docs(id),
    received_at TIMESTAMP NOT NULL
);
CREATE INDEX stock_lots_donor ON stock_lots(donor_id) WHERE donor_id IS NOT NULL;
CREATE INDEX stock_lots_doc ON stock_lots(doc_id);

-- The component lots a kit lot was assembled from, and how many units of
-- each, so a kit's donors are those of its parts.
CREATE TABLE stock_lot_parts (
    kit_lot_id  INTEGER NOT NULL REFERENCES stock_lots(id),
    part_lot_id INTEGER NOT NULL REFERENCES stock_lots(id),
    quantity    INTEGER NOT NULL,
    PRIMARY KEY (kit_lot_id, part_lot_id)
);
CREATE INDEX stock_lot_parts_part ON stock_lot_parts(part_lot_id);

-- Devices, one row each: the serial is unique per item. state is where the
-- unit stands now (in_stock, in_transit, issued, written_off); its moves
-- in the ledger are its history.
CREATE TABLE stock_units (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES aid_items(id),
    serial       TEXT NOT NULL,
    lot_id       INTEGER NOT NULL REFERENCES stock_lots(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    state        TEXT NOT NULL,
    doc_id       INTEGER NOT NULL REFERENCES stock_docs(id)
);
CREATE UNIQUE INDEX stock_units_serial ON stock_units(item_id, serial);
CREATE INDEX stock_units_warehouse ON stock_units(warehouse_id, item_id, state, serial);

-- The ledger. quantity is signed and never zero; a device's move names it
-- and is one unit.
CREATE TABLE stock_moves (
    id           INTEGER PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES stock_docs(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    item_id      INTEGER NOT NULL REFERENCES aid_items(id),
    size         TEXT NOT NULL DEFAULT '',
    lot_id       INTEGER NOT NULL REFERENCES stock_lots(id),
    unit_id      INTEGER REFERENCES stock_units(id),
    quantity     INTEGER NOT NULL CHECK (quantity <> 0),
    at           TIMESTAMP NOT NULL
);
CREATE INDEX stock_moves_warehouse ON stock_moves(warehouse_id, id);
CREATE INDEX stock_moves_doc ON stock_moves(doc_id);
CREATE INDEX stock_moves_lot ON stock_moves(lot_id);
CREATE INDEX stock_moves_unit ON stock_moves(unit_id) WHERE unit_id IS NOT NULL;

-- What a warehouse holds of an item in a size, and how much of it is held
-- for request lines. Available is on_hand - reserved.
CREATE TABLE stock_balances (
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    item_id      INTEGER NOT NULL REFERENCES aid_items(id),
    size         TEXT NOT NULL DEFAULT '',
    on_hand      INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved     INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
    PRIMARY KEY (warehouse_id, item_id, size)
);
CREATE INDEX stock_balances_item ON stock_balances(item_id, size);

-- What a warehouse holds of each lot; the stock_balances row of the lot's
-- item and size is their sum.
CREATE TABLE stock_lot_balances (
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    lot_id       INTEGER NOT NULL REFERENCES stock_lots(id),
    item_id      INTEGER NOT NULL REFERENCES aid_items(id),
    size         TEXT NOT NULL DEFAULT '',
    on_hand      INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    PRIMARY KEY (warehouse_id, lot_id)
);
CREATE INDEX stock_lot_balances_fifo ON stock_lot_balances(warehouse_id, item_id, size, lot_id);

-- Stock held for a request line by an allocation run: held until it is
-- issued or released. A line has at most one hold at a time.
CREATE TABLE stock_holds (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests(id),
    line         INTEGER NOT NULL,
    warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
    item_id      INTEGER NOT NULL REFERENCES aid_items(id),
    size         TEXT NOT NULL DEFAULT '',
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    run_id       INTEGER NOT NULL DEFAULT 0,
    -- held | released | issued
    status       TEXT NOT NULL,
    doc_id       INTEGER REFERENCES stock_docs(id),
    created_at   TIMESTAMP NOT NULL,
    closed_at    TIMESTAMP
);
CREATE UNIQUE INDEX stock_holds_line ON stock_holds(request_id, line) WHERE status = 'held';
CREATE INDEX stock_holds_key ON stock_holds(warehouse_id, item_id, size) WHERE status = 'held';
CREATE INDEX stock_holds_run ON stock_holds(run_id) WHERE run_id <> 0;
