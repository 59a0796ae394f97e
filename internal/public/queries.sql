-- The public side: campaigns as families see them (read-only, until the
-- campaign service answers instead) and the status page's one read and one
-- write of requests.

-- name: CampaignBySlug
-- A campaign past its draft, with the last day it takes applications.
SELECT c.id, c.slug, c.programme, c.status, c.organiser_id, o.path, COALESCE(g.path, ''), c.starts_on,
       COALESCE(c.apply_until, c.ends_on)
FROM campaigns c JOIN organisations o ON o.id = c.organiser_id LEFT JOIN regions g ON g.id = o.region_id
WHERE c.slug = $1 AND c.status <> 'draft';

-- name: CampaignTexts
SELECT locale, name FROM campaign_texts WHERE campaign_id = $1 ORDER BY locale;

-- name: CampaignRegions
SELECT r.id, r.code, r.path, r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa
FROM campaign_regions c JOIN regions r ON r.id = c.region_id
WHERE c.campaign_id = $1 ORDER BY r.code;

-- name: CampaignItems
SELECT i.id, i.code, i.sizing, i.is_kit, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa
FROM campaign_items c JOIN aid_items i ON i.id = c.item_id
WHERE c.campaign_id = $1 AND i.active ORDER BY c.position, i.sort, i.id;

-- name: AllRegions
-- The regions of country $1, for a campaign that takes every region.
SELECT r.id, r.code, r.path, r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa
FROM regions r JOIN regions c ON c.id = r.parent_id
WHERE c.code = $1 AND c.type = 'country' ORDER BY r.code;

-- name: StatusByReference
-- The status page's read: by reference and the last ten digits of the
-- guardian's phone together, so a wrong phone reads as an unknown
-- reference, through the same index and in the same time.
SELECT id, status, reason FROM requests WHERE reference = $1 AND phone_digits = $2;

-- name: MarkShown
-- The status page has shown request $1's pending messages: delivered.
UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, last_error = ''
WHERE request_id = $1 AND channel = 'status_page' AND state = 'pending';
