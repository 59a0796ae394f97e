-- A person's household may lie outside a reader's scope while the person
-- lies within it (an administrator put them there). The row of a person
-- carries the household's organisation and region paths, so the people
-- package can tell, as it reads, whether the reader may see that household
-- and otherwise withhold its number. The new columns come last: queries
-- that name a column of the view by its position keep their meaning.
DROP VIEW person_rows;

CREATE VIEW person_rows AS
SELECT p.id, p.last_name, p.first_name, p.patronymic, p.name_key, p.birth_date, p.sex,
       p.id_kind, p.national_id, p.phone, p.phone_digits, r.code AS region_code, p.region_path,
       p.address, p.languages, COALESCE(p.org_id, 0) AS org_id, COALESCE(o.name, '') AS org_name,
       p.org_path, p.grade, p.status, p.disability, p.special_needs, p.notes,
       (p.photo IS NOT NULL) AS has_photo, COALESCE(p.household_id, 0) AS household_id,
       p.merged_into, COALESCE(p.created_by, 0) AS created_by, p.created_at, p.updated_at,
       COALESCE(h.org_path, '') AS household_org_path, COALESCE(h.region_path, '') AS household_region_path
FROM persons p
JOIN regions r ON r.id = p.region_id
LEFT JOIN organisations o ON o.id = p.org_id
LEFT JOIN households h ON h.id = p.household_id;
