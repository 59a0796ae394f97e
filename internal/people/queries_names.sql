-- name: PersonNames
-- The names of the people $5 (a JSON array of ids) within the scope $1-$4.
SELECT p.id, p.last_name, p.first_name, p.patronymic, '' FROM persons p
WHERE p.id IN (SELECT CAST(value AS BIGINT) FROM json_each($5))
  AND p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4;

-- name: HouseholdNames
-- The households $5 (a JSON array of ids) within the scope $1-$4, each
-- with its head's name ('' when it has none) and its address.
SELECT h.id, COALESCE(p.last_name, ''), COALESCE(p.first_name, ''), COALESCE(p.patronymic, ''), h.address
FROM households h
LEFT JOIN household_members m ON m.household_id = h.id AND m.is_head
LEFT JOIN persons p ON p.id = m.person_id
WHERE h.id IN (SELECT CAST(value AS BIGINT) FROM json_each($5))
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4;

-- name: HouseholdsWithin
-- Which of the households $5 (a JSON array of ids) lie within the scope
-- $1-$4: the others are withheld from the reader (household_seen.go).
SELECT h.id FROM households h
WHERE h.id IN (SELECT CAST(value AS BIGINT) FROM json_each($5))
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4;
