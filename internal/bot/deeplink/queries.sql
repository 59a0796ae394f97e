-- Deep links (link.go, read.go). A link's target is named in the
-- reader's language ($lang below): a campaign by its text in that
-- language (else the organiser's, else any), a region by its name in
-- that language (else English), an event by its campaign's name and its
-- place, an organisation by its name.

-- name: Insert
INSERT INTO bot_start_links (key, kind, target_id, label, org_path, region_path, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: Links
-- The links within scope ($1-$4), newest first: below id $6, at most $7,
-- skipping $8; named in language $5.
SELECT l.id, l.key, l.kind, l.target_id, l.label, l.active, COALESCE(u.name, ''), l.created_at, l.disabled_at,
       l.org_path, l.region_path,
       CASE l.kind
         WHEN 'campaign' THEN (SELECT t.name FROM campaigns c JOIN campaign_texts t ON t.campaign_id = c.id
                               WHERE c.id = l.target_id
                               ORDER BY CASE WHEN t.locale = CAST($5 AS TEXT) THEN 0 WHEN t.locale = (SELECT o.locale FROM organisations o WHERE o.id = c.organiser_id) THEN 1 ELSE 2 END, t.locale
                               LIMIT 1)
         WHEN 'region' THEN (SELECT COALESCE(NULLIF(CASE CAST($5 AS TEXT) WHEN 'kk' THEN r.name_kk WHEN 'ru' THEN r.name_ru
                                     WHEN 'fr' THEN r.name_fr WHEN 'fa' THEN r.name_fa ELSE r.name_en END, ''), r.name_en)
                             FROM regions r WHERE r.id = l.target_id)
         WHEN 'event' THEN (SELECT (SELECT t.name FROM campaign_texts t WHERE t.campaign_id = e.campaign_id
                                    ORDER BY CASE WHEN t.locale = CAST($5 AS TEXT) THEN 0 ELSE 1 END, t.locale LIMIT 1)
                                   || CASE WHEN e.place <> '' THEN ', ' || e.place ELSE '' END
                            FROM distribution_events e WHERE e.id = l.target_id)
         ELSE (SELECT o.name FROM organisations o WHERE o.id = l.target_id)
       END
FROM bot_start_links l LEFT JOIN users u ON u.id = l.created_by
WHERE l.org_path >= $1 AND l.org_path < $2 AND l.region_path >= $3 AND l.region_path < $4
  AND l.id < $6
ORDER BY l.id DESC
LIMIT $7 OFFSET $8;

-- name: Count
SELECT count(*) FROM (
  SELECT 1 FROM bot_start_links l
  WHERE l.org_path >= $1 AND l.org_path < $2 AND l.region_path >= $3 AND l.region_path < $4
  LIMIT $5
) n;

-- name: ByID
-- Link $1, named in language $2 (the same naming as Links).
SELECT l.id, l.key, l.kind, l.target_id, l.label, l.active, COALESCE(u.name, ''), l.created_at, l.disabled_at,
       l.org_path, l.region_path,
       CASE l.kind
         WHEN 'campaign' THEN (SELECT t.name FROM campaigns c JOIN campaign_texts t ON t.campaign_id = c.id
                               WHERE c.id = l.target_id
                               ORDER BY CASE WHEN t.locale = CAST($2 AS TEXT) THEN 0 WHEN t.locale = (SELECT o.locale FROM organisations o WHERE o.id = c.organiser_id) THEN 1 ELSE 2 END, t.locale
                               LIMIT 1)
         WHEN 'region' THEN (SELECT COALESCE(NULLIF(CASE CAST($2 AS TEXT) WHEN 'kk' THEN r.name_kk WHEN 'ru' THEN r.name_ru
                                     WHEN 'fr' THEN r.name_fr WHEN 'fa' THEN r.name_fa ELSE r.name_en END, ''), r.name_en)
                             FROM regions r WHERE r.id = l.target_id)
         WHEN 'event' THEN (SELECT (SELECT t.name FROM campaign_texts t WHERE t.campaign_id = e.campaign_id
                                    ORDER BY CASE WHEN t.locale = CAST($2 AS TEXT) THEN 0 ELSE 1 END, t.locale LIMIT 1)
                                   || CASE WHEN e.place <> '' THEN ', ' || e.place ELSE '' END
                            FROM distribution_events e WHERE e.id = l.target_id)
         ELSE (SELECT o.name FROM organisations o WHERE o.id = l.target_id)
       END
FROM bot_start_links l LEFT JOIN users u ON u.id = l.created_by
WHERE l.id = $1;

-- name: ByKey
SELECT l.id FROM bot_start_links l WHERE l.key = $1;

-- name: Disable
UPDATE bot_start_links SET active = FALSE, disabled_by = $2, disabled_at = $3 WHERE id = $1;
