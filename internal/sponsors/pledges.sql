-- Pledges and their fulfilment.

-- name: InsertPledge
INSERT INTO pledges (sponsor_id, campaign_id, kind, amount, currency, item_id, quantity, made_on, due_on, note,
    created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
RETURNING id;

-- name: Pledges
SELECT p.id, p.sponsor_id, p.campaign_id, p.kind, p.amount, p.currency, p.item_id, p.quantity, p.made_on, p.due_on,
    p.note, p.reminded_at, p.created_at,
    COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0), d.org_path
FROM pledges p JOIN donors d ON d.id = p.sponsor_id
WHERE p.sponsor_id = $1
ORDER BY p.due_on DESC, p.id DESC;

-- name: PledgeByID
SELECT p.id, p.sponsor_id, p.campaign_id, p.kind, p.amount, p.currency, p.item_id, p.quantity, p.made_on, p.due_on,
    p.note, p.reminded_at, p.created_at,
    COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0), d.org_path
FROM pledges p JOIN donors d ON d.id = p.sponsor_id
WHERE p.id = $1;

-- name: InsertFulfilment
INSERT INTO pledge_fulfilments (pledge_id, gift_id, doc_id, amount, matched_at) VALUES ($1, $2, $3, $4, $5);

-- name: DuePledges
-- Pledges due by day $1 not yet listed as due and not yet fulfilled.
SELECT p.id, p.sponsor_id, p.campaign_id, p.kind, p.amount, p.currency, p.item_id, p.quantity, p.made_on, p.due_on,
    p.note, p.reminded_at, p.created_at,
    COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0), d.org_path
FROM pledges p JOIN donors d ON d.id = p.sponsor_id
WHERE p.reminded_at IS NULL AND p.due_on <= $1
    AND COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0)
        < CASE WHEN p.kind = 'money' THEN p.amount ELSE p.quantity END
ORDER BY p.due_on, p.id;

-- name: MarkReminded
-- Only a pledge not marked yet: of two reminders at once, one marks it.
UPDATE pledges SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL;

-- name: Reminded
-- The pledges listed as due, not fulfilled since, of the sponsors recorded
-- within the organisation subtree [$1, $2); by due day.
SELECT p.id, p.sponsor_id, p.campaign_id, p.kind, p.amount, p.currency, p.item_id, p.quantity, p.made_on, p.due_on,
    p.note, p.reminded_at, p.created_at,
    COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0), d.org_path
FROM pledges p JOIN donors d ON d.id = p.sponsor_id
WHERE p.reminded_at IS NOT NULL AND d.org_path >= $1 AND d.org_path < $2
    AND COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0)
        < CASE WHEN p.kind = 'money' THEN p.amount ELSE p.quantity END
ORDER BY p.due_on, p.id
LIMIT 200;
