-- SQLite's versions of queries whose portable form is slow there.

-- name: ImportInsertPerson
-- Without RETURNING, which costs an import a third of its insert: the id
-- is read with LastInsertId.
INSERT INTO persons (last_name, first_name, patronymic, name_key, birth_date, sex, id_kind, national_id,
                     phone, phone_digits, region_id, region_path, address, languages, org_id, org_path,
                     grade, status, disability, special_needs, notes, household_id, created_by, created_at,
                     updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
        $23, $24, $25);
