-- Requests from a school's or a centre's list (list.go, list_submit.go).

-- name: ListCampaign
-- Campaign $1 as a list files requests in: whether it takes them (status
-- and days) and its name in locale $2, else in any language.
SELECT c.id, c.status, c.starts_on, COALESCE(c.apply_until, c.ends_on),
       COALESCE((SELECT t.name FROM campaign_texts t WHERE t.campaign_id = c.id
                 ORDER BY CASE WHEN t.locale = $2 THEN 0 ELSE 1 END, t.locale LIMIT 1), c.slug)
FROM campaigns c WHERE c.id = $1;

-- name: ListCampaignRegions
SELECT region_path FROM campaign_regions WHERE campaign_id = $1 ORDER BY region_path;

-- name: ListCampaignOffer
-- What campaign $1 offers, in its order: the first is what a row that
-- names nothing asks for.
SELECT i.id, i.code, i.sizing, i.is_kit, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa
FROM campaign_items c JOIN aid_items i ON i.id = c.item_id
WHERE c.campaign_id = $1 AND i.active
ORDER BY c.position, i.sort, i.id;

-- name: OpenCampaignIDs
-- The campaigns that are open, newest first.
SELECT id FROM campaigns WHERE status = 'open' ORDER BY starts_on DESC, id DESC;
