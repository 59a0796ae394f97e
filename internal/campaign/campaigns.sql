-- Campaigns and their parts (write.go, read.go, parts.go, status.go).
-- Dates are DATE columns holding UTC midnight.

-- name: InsertCampaign
INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, apply_until, budget, currency,
                       status, previous_id, version, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, 1, $11, $12, $12)
RETURNING id;

-- name: UpdateCampaign
-- Only the version read ($13) is overwritten: two editors, one wins.
UPDATE campaigns SET slug = $1, programme = $2, organiser_id = $3, org_path = $4, starts_on = $5, ends_on = $6,
       apply_until = $7, budget = $8, currency = $9, previous_id = $10, version = version + 1, updated_at = $11
WHERE id = $12 AND version = $13;

-- name: SetStatus
UPDATE campaigns SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4;

-- name: CampaignFrom
-- The start of every read of campaigns, with the organiser's name,
-- language and region path (the campaign's scope on the region axis);
-- CampaignByID, CampaignBySlug or Campaigns completes it.
SELECT c.id, c.slug, c.programme, c.organiser_id, o.name, o.locale, c.org_path, COALESCE(r.path, ''),
       c.starts_on, c.ends_on, c.apply_until, c.budget, c.currency, c.status, COALESCE(c.previous_id, 0), c.version,
       COALESCE(c.created_by, 0), c.created_at, c.updated_at
FROM campaigns c JOIN organisations o ON o.id = c.organiser_id LEFT JOIN regions r ON r.id = o.region_id

-- name: CampaignByID
WHERE c.id = $1

-- name: CampaignBySlug
WHERE c.slug = $1

-- name: Campaigns
-- The campaigns a principal sees (read.go, visible): within their scope
-- ($1-$4: organisation and region bounds), or organised above their
-- organisation ($5) or with an organisation above it as a partner, in a
-- region above or below theirs ($6, '' for any); of programme $7 and
-- status $8 ('' for any).
WHERE ((c.org_path >= $1 AND c.org_path < $2 AND COALESCE(r.path, '') >= $3 AND COALESCE(r.path, '') < $4)
    OR (CAST($5 AS TEXT) <> ''
        AND (substr(CAST($5 AS TEXT), 1, length(c.org_path)) = c.org_path
             OR EXISTS (SELECT 1 FROM campaign_partners cp JOIN organisations po ON po.id = cp.org_id
                        WHERE cp.campaign_id = c.id AND substr(CAST($5 AS TEXT), 1, length(po.path)) = po.path))
        AND (CAST($6 AS TEXT) = ''
             OR EXISTS (SELECT 1 FROM campaign_regions cr WHERE cr.campaign_id = c.id
                        AND (substr(cr.region_path, 1, length(CAST($6 AS TEXT))) = $6
                             OR substr(CAST($6 AS TEXT), 1, length(cr.region_path)) = cr.region_path)))))
  AND (CAST($7 AS TEXT) = '' OR c.programme = $7)
  AND (CAST($8 AS TEXT) = '' OR c.status = $8)
ORDER BY c.starts_on DESC, c.id DESC
LIMIT 500

-- name: CampaignVersion
SELECT version, programme FROM campaigns WHERE id = $1;

-- name: SlugTaken
SELECT count(*) FROM campaigns WHERE slug = $1 AND id <> $2;

-- name: EarlierCampaign
-- The latest campaign of programme $1 and organiser $2 that started
-- before $3, other than $4: the one a campaign compares with by default.
SELECT id FROM campaigns
WHERE programme = $1 AND organiser_id = $2 AND starts_on < $3 AND id <> $4
ORDER BY starts_on DESC, id DESC
LIMIT 1;

-- name: ScopeOrg
SELECT o.id, o.path, COALESCE(r.path, ''), o.locale
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id WHERE o.id = $1;

-- name: RegionByCode
SELECT id, path FROM regions WHERE code = $1;

-- name: Texts
SELECT locale, name, slogan, who_may_apply FROM campaign_texts WHERE campaign_id = $1 ORDER BY locale;

-- name: Regions
SELECT r.code, cr.region_path, r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa
FROM campaign_regions cr JOIN regions r ON r.id = cr.region_id
WHERE cr.campaign_id = $1 ORDER BY cr.region_path;

-- name: Partners
SELECT o.id, o.name, o.path, cp.role
FROM campaign_partners cp JOIN organisations o ON o.id = cp.org_id
WHERE cp.campaign_id = $1 ORDER BY cp.role, o.name, o.id;

-- name: Contacts
SELECT k.kind, k.phone, k.address, k.hours, COALESCE(r.code, '')
FROM campaign_contacts k LEFT JOIN regions r ON r.id = k.region_id
WHERE k.campaign_id = $1 ORDER BY k.position, k.id;

-- name: Items
SELECT a.id, a.code, a.is_kit, ci.target, a.name_en, a.name_kk, a.name_ru, a.name_fr, a.name_fa
FROM campaign_items ci JOIN aid_items a ON a.id = ci.item_id
WHERE ci.campaign_id = $1 ORDER BY ci.position, a.id;

-- name: Targets
SELECT t.item_id, r.code, t.target
FROM campaign_targets t JOIN regions r ON r.id = t.region_id
WHERE t.campaign_id = $1 ORDER BY t.item_id, r.path;

-- name: InsertText
INSERT INTO campaign_texts (campaign_id, locale, name, slogan, who_may_apply) VALUES ($1, $2, $3, $4, $5);

-- name: InsertRegion
INSERT INTO campaign_regions (campaign_id, region_id, region_path) VALUES ($1, $2, $3);

-- name: InsertPartner
INSERT INTO campaign_partners (campaign_id, org_id, role) VALUES ($1, $2, $3);

-- name: InsertContact
INSERT INTO campaign_contacts (campaign_id, kind, position, phone, address, hours, region_id)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: InsertItem
INSERT INTO campaign_items (campaign_id, item_id, target, position) VALUES ($1, $2, $3, $4);

-- name: InsertTarget
INSERT INTO campaign_targets (campaign_id, item_id, region_id, target) VALUES ($1, $2, $3, $4);

-- name: DeleteTexts
DELETE FROM campaign_texts WHERE campaign_id = $1;

-- name: DeleteRegions
DELETE FROM campaign_regions WHERE campaign_id = $1;

-- name: DeletePartners
DELETE FROM campaign_partners WHERE campaign_id = $1;

-- name: DeleteContacts
DELETE FROM campaign_contacts WHERE campaign_id = $1;

-- name: DeleteItems
DELETE FROM campaign_items WHERE campaign_id = $1;

-- name: DeleteTargets
DELETE FROM campaign_targets WHERE campaign_id = $1;

-- name: RepathCampaignOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE campaigns SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathCampaignRegions
UPDATE campaign_regions SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER))
WHERE region_path LIKE $3;
