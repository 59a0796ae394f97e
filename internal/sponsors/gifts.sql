-- Cash gifts and receipts.

-- name: InsertGift
INSERT INTO gifts (sponsor_id, campaign_id, pledge_id, amount, currency, given_on, method, purpose, created_by,
    created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id;

-- name: Gifts
SELECT g.id, g.sponsor_id, g.campaign_id, g.pledge_id, g.amount, g.currency, g.given_on, g.method, g.purpose,
    g.created_at, r.id, r.year, r.number
FROM gifts g JOIN receipts r ON r.gift_id = g.id
WHERE g.sponsor_id = $1
ORDER BY g.given_on DESC, g.id DESC;

-- name: GiftByID
SELECT g.id, g.sponsor_id, g.campaign_id, g.pledge_id, g.amount, g.currency, g.given_on, g.method, g.purpose,
    g.created_at, r.id, r.year, r.number
FROM gifts g JOIN receipts r ON r.gift_id = g.id
WHERE g.id = $1;

-- name: NewCounter
INSERT INTO receipt_counters (org_id, year, last) VALUES ($1, $2, 0) ON CONFLICT (org_id, year) DO NOTHING;

-- name: NextNumber
UPDATE receipt_counters SET last = last + 1 WHERE org_id = $1 AND year = $2 RETURNING last;

-- name: InsertReceipt
INSERT INTO receipts (org_id, year, number, sponsor_id, gift_id, doc_id, issued_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: Receipts
SELECT r.id, r.org_id, o.name, r.year, r.number, r.sponsor_id, r.gift_id, r.doc_id, r.issued_at
FROM receipts r JOIN organisations o ON o.id = r.org_id
WHERE r.sponsor_id = $1
ORDER BY r.id DESC;

-- name: ReceiptByID
SELECT r.id, r.org_id, o.name, r.year, r.number, r.sponsor_id, r.gift_id, r.doc_id, r.issued_at
FROM receipts r JOIN organisations o ON o.id = r.org_id
WHERE r.id = $1;

-- name: ReceiptOfDoc
SELECT id FROM receipts WHERE doc_id = $1;

-- name: ItemNames
SELECT id, name_en, name_kk, name_ru, name_fr, name_fa FROM aid_items;

-- name: ReceiptHead
-- What heads and signs receipt $1: the names of its organisation's region
-- and the person who recorded the gift (or the donation in kind).
SELECT COALESCE(rg.name_en, ''), COALESCE(rg.name_kk, ''), COALESCE(rg.name_ru, ''), COALESCE(rg.name_fr, ''),
    COALESCE(rg.name_fa, ''),
    COALESCE((SELECT u.name FROM gifts g JOIN users u ON u.id = g.created_by WHERE g.id = r.gift_id),
        (SELECT d.created_name FROM stock_docs d WHERE d.id = r.doc_id), '')
FROM receipts r JOIN organisations o ON o.id = r.org_id LEFT JOIN regions rg ON rg.id = o.region_id
WHERE r.id = $1;
