-- The aid catalogue (catalog*.go, seed.go).

-- name: InsertAid
INSERT INTO aid_items (code, is_kit, sizing, serial_tracked, grade_min, grade_max, unit,
                       name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id;

-- name: SeedAid
-- A built-in entry, written once: an installation's later changes stay.
INSERT INTO aid_items (code, is_kit, sizing, serial_tracked, grade_min, grade_max, unit,
                       name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT (code) DO NOTHING
RETURNING id;

-- name: UpdateAid
UPDATE aid_items SET code = $1, is_kit = $2, sizing = $3, serial_tracked = $4, grade_min = $5, grade_max = $6,
       unit = $7, name_en = $8, name_kk = $9, name_ru = $10, name_fr = $11, name_fa = $12, active = $13, sort = $14
WHERE id = $15;

-- name: AidFrom
SELECT id, code, is_kit, sizing, serial_tracked, grade_min, grade_max, unit,
       name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort
FROM aid_items

-- name: AidByID
WHERE id = $1

-- name: AidItems
-- Every entry when $1 is true, the active ones otherwise.
WHERE active OR CAST($1 AS BOOLEAN)
ORDER BY is_kit DESC, sort, code

-- name: ItemIDByID
SELECT id FROM aid_items WHERE id = $1;

-- name: ItemIDByCode
SELECT id FROM aid_items WHERE code = $1;

-- name: Components
SELECT k.kit_id, a.id, a.code, k.quantity, a.name_en, a.name_kk, a.name_ru, a.name_fr, a.name_fa
FROM kit_components k JOIN aid_items a ON a.id = k.component_id
WHERE k.kit_id = $1 ORDER BY a.sort, a.code;

-- name: AllComponents
SELECT k.kit_id, a.id, a.code, k.quantity, a.name_en, a.name_kk, a.name_ru, a.name_fr, a.name_fa
FROM kit_components k JOIN aid_items a ON a.id = k.component_id
ORDER BY k.kit_id, a.sort, a.code;

-- name: InsertComponent
INSERT INTO kit_components (kit_id, component_id, quantity) VALUES ($1, $2, $3);

-- name: DeleteComponents
DELETE FROM kit_components WHERE kit_id = $1;
