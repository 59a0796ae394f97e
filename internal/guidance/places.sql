-- Offers of free places and the placements on them (offer.go,
-- placement*.go). A placement of a record merged into another takes no
-- place (merge.go): the places taken count only placements of live
-- records.

-- name: InsertOffer
INSERT INTO place_offers (org_id, year, quota, programme, notes, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: Offers
-- The offers of organisations whose path starts with $1 and whose region
-- path starts with $2, of organisation $3 (0: any) and year $4 (0: any),
-- with the places taken: every placement but a declined one or one of a
-- record merged into another (merge.go).
SELECT f.id, f.org_id, o.name, o.path, COALESCE(r.path, ''), f.year, f.quota, f.programme, f.notes,
       COALESCE(f.created_by, 0), f.created_at,
       (SELECT count(*) FROM placements l JOIN persons q ON q.id = l.person_id
        WHERE l.offer_id = f.id AND l.outcome <> 'declined' AND q.merged_into IS NULL)
FROM place_offers f JOIN organisations o ON o.id = f.org_id LEFT JOIN regions r ON r.id = o.region_id
WHERE substr(o.path, 1, length(CAST($1 AS TEXT))) = $1
  AND substr(COALESCE(r.path, ''), 1, length(CAST($2 AS TEXT))) = $2
  AND (CAST($3 AS BIGINT) = 0 OR f.org_id = $3)
  AND (CAST($4 AS INTEGER) = 0 OR f.year = $4)
ORDER BY f.year DESC, o.name, f.id
LIMIT 500;

-- name: OfferByID
SELECT f.id, f.org_id, o.name, o.path, COALESCE(r.path, ''), f.year, f.quota, f.programme, f.notes,
       COALESCE(f.created_by, 0), f.created_at,
       (SELECT count(*) FROM placements l JOIN persons q ON q.id = l.person_id
        WHERE l.offer_id = f.id AND l.outcome <> 'declined' AND q.merged_into IS NULL)
FROM place_offers f JOIN organisations o ON o.id = f.org_id LEFT JOIN regions r ON r.id = o.region_id
WHERE f.id = $1;

-- name: LockOffer
-- Takes the lock of offer $1 (a row lock on PostgreSQL; SQLite writes one
-- at a time), so two placements cannot both take its last place.
UPDATE place_offers SET quota = quota WHERE id = $1;

-- name: PlacedOn
SELECT id FROM placements WHERE offer_id = $1 AND person_id = $2;

-- name: InsertPlacement
INSERT INTO placements (offer_id, person_id, outcome, decided_on, notes, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: UpdatePlacement
UPDATE placements SET outcome = $1, decided_on = $2, updated_at = $3 WHERE id = $4;

-- name: PlacementFrom
-- The start of every read of placements; PlacementsOnOffer,
-- PlacementsOfPerson or PlacementByID completes it.
SELECT l.id, l.offer_id, l.person_id, p.last_name, p.first_name, p.patronymic, l.outcome, l.decided_on, l.notes,
       COALESCE(l.created_by, 0), l.created_at, l.updated_at, f.org_id, o.name, f.year, f.programme
FROM placements l JOIN persons p ON p.id = l.person_id JOIN place_offers f ON f.id = l.offer_id
JOIN organisations o ON o.id = f.org_id

-- name: PlacementsOnOffer
-- A merged record's placement is left out, as from the places taken.
WHERE l.offer_id = $1 AND p.merged_into IS NULL ORDER BY l.id

-- name: PlacementsOfPerson
WHERE l.person_id = $1 ORDER BY f.year DESC, l.id DESC

-- name: PlacementByID
WHERE l.id = $1
