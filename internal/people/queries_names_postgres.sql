-- name: PersonNames
SELECT p.id, p.last_name, p.first_name, p.patronymic, '' FROM persons p
WHERE p.id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($5 AS jsonb)) x)
  AND p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4;

-- name: HouseholdNames
SELECT h.id, COALESCE(p.last_name, ''), COALESCE(p.first_name, ''), COALESCE(p.patronymic, ''), h.address
FROM households h
LEFT JOIN household_members m ON m.household_id = h.id AND m.is_head
LEFT JOIN persons p ON p.id = m.person_id
WHERE h.id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($5 AS jsonb)) x)
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4;

-- name: HouseholdsWithin
SELECT h.id FROM households h
WHERE h.id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($5 AS jsonb)) x)
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4;
