-- The totals of a campaign's gifts and pledges (figures.go): the sponsors
-- recorded within the organisation subtree [$1, $2), for campaign $3 (0:
-- every campaign).

-- name: FigureSponsors
-- The sponsors who support campaign $3, gave to it or pledged to it.
SELECT COUNT(*) FROM sponsors s JOIN donors d ON d.id = s.donor_id
WHERE d.org_path >= $1 AND d.org_path < $2 AND ($3 = 0
    OR EXISTS (SELECT 1 FROM sponsor_campaigns c WHERE c.sponsor_id = s.donor_id AND c.campaign_id = $3)
    OR EXISTS (SELECT 1 FROM gifts g WHERE g.sponsor_id = s.donor_id AND g.campaign_id = $3)
    OR EXISTS (SELECT 1 FROM pledges p WHERE p.sponsor_id = s.donor_id AND p.campaign_id = $3));

-- name: FigureGifts
-- Cash given per currency: currencies are never added together.
SELECT g.currency, CAST(SUM(g.amount) AS BIGINT), COUNT(*)
FROM gifts g JOIN donors d ON d.id = g.sponsor_id
WHERE d.org_path >= $1 AND d.org_path < $2 AND ($3 = 0 OR g.campaign_id = $3)
GROUP BY g.currency
ORDER BY g.currency;

-- name: FigurePledges
SELECT p.id, p.sponsor_id, p.campaign_id, p.kind, p.amount, p.currency, p.item_id, p.quantity, p.made_on, p.due_on,
    p.note, p.reminded_at, p.created_at,
    COALESCE((SELECT SUM(f.amount) FROM pledge_fulfilments f WHERE f.pledge_id = p.id), 0), d.org_path
FROM pledges p JOIN donors d ON d.id = p.sponsor_id
WHERE d.org_path >= $1 AND d.org_path < $2 AND ($3 = 0 OR p.campaign_id = $3);

-- name: FigureInKind
-- Units received in donations from sponsors: for campaign $3, from its
-- sponsors (those who support it or pledged to it), of the items it
-- offers, received from $4 up to (not including) $5.
SELECT CAST(COALESCE(SUM(m.quantity), 0) AS BIGINT)
FROM stock_docs sd JOIN stock_moves m ON m.doc_id = sd.id
    JOIN sponsors s ON s.donor_id = sd.donor_id JOIN donors d ON d.id = s.donor_id
WHERE sd.kind = 'donation' AND d.org_path >= $1 AND d.org_path < $2 AND ($3 = 0 OR (
    (EXISTS (SELECT 1 FROM sponsor_campaigns c WHERE c.sponsor_id = s.donor_id AND c.campaign_id = $3)
        OR EXISTS (SELECT 1 FROM pledges p WHERE p.sponsor_id = s.donor_id AND p.campaign_id = $3))
    AND EXISTS (SELECT 1 FROM campaign_items ci WHERE ci.campaign_id = $3 AND ci.item_id = m.item_id)
    AND sd.created_at >= $4 AND sd.created_at < $5));

-- name: FigurePeriod
SELECT starts_on, ends_on FROM campaigns WHERE id = $1;
