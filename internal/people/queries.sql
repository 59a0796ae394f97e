-- A parameter compared with a literal or passed to an overloaded function
-- is written CAST($n AS TEXT | INTEGER | BIGINT), so PostgreSQL knows its
-- type; on SQLite the standard cast of a value already of that type changes
-- nothing. (Never cast a time: SQLite's TIMESTAMP cast is numeric.)
--
-- Persons are read through the view person_rows (migration 0004), whose
-- columns scanPerson reads in order. Scoped queries take the scope of the
-- principal first: $1 <= org_path < $2 and $3 <= region_path < $4, ranges
-- on the indexes (scope.go). Merged persons (merged_into set) never appear
-- in lists, searches or matches. Where a partial index serves a query, its
-- condition is repeated in the query so that SQLite uses it. Comments inside
-- a query never hold an apostrophe: store.Rebind would read it as a quote.

-- name: Region
SELECT id, code, path FROM regions WHERE code = $1;

-- name: Org
SELECT path FROM organisations WHERE id = $1;

-- name: InsertPerson
INSERT INTO persons (last_name, first_name, patronymic, name_key, birth_date, sex, id_kind, national_id,
                     phone, phone_digits, region_id, region_path, address, languages, org_id, org_path,
                     grade, status, disability, special_needs, notes, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
RETURNING id;

-- name: UpdatePerson
UPDATE persons
SET last_name = $1, first_name = $2, patronymic = $3, name_key = $4, birth_date = $5, sex = $6,
    id_kind = $7, national_id = $8, phone = $9, phone_digits = $10, region_id = $11, region_path = $12,
    address = $13, languages = $14, org_id = $15, org_path = $16, grade = $17, status = $18,
    disability = $19, special_needs = $20, notes = $21, updated_at = $22
WHERE id = $23;

-- name: PersonByID
SELECT p.* FROM person_rows p WHERE p.id = $1;

-- name: SetPhoto
UPDATE persons SET photo = $1, updated_at = $2 WHERE id = $3;

-- name: Photo
SELECT photo FROM persons WHERE id = $1 AND photo IS NOT NULL;

-- name: ListFrom
-- The start of every list of persons. List puts together this, one of the
-- organisation conditions ListOrgs and ListWideOrgs, and one of the orders
-- ListByName, ListByBirth and ListByCreated, so that the one planned query
-- fits the scope: a few thousand rows of one school are read through the
-- organisation index and sorted, a whole foundation or country is read in
-- the order of the list and stops at the page. $1-$2 is the organisation
-- range, $3-$4 the region range (the principal scope narrowed by the
-- filter); filters: $5 grade (0: any), $6 status, $7 age filter on (1)
-- with birth date in ($9, $8], $10 has an ID (-1: any, 0: no, 1: yes),
-- $11 category code. The conditions are ListWhere, which CountFrom shares.
SELECT p.* FROM person_rows p

-- name: ListWhere
-- The filters of List and CountFrom, read from columns of persons itself.
WHERE p.region_path >= $3 AND p.region_path < $4 AND p.merged_into IS NULL
  AND (CAST($5 AS INTEGER) = 0 OR p.grade = $5)
  AND (CAST($6 AS TEXT) = '' OR p.status = $6)
  AND (CAST($7 AS INTEGER) = 0 OR (p.birth_date <= $8 AND p.birth_date > $9))
  AND (CAST($10 AS INTEGER) < 0 OR (p.national_id <> '') = (CAST($10 AS INTEGER) = 1))
  AND (CAST($11 AS TEXT) = '' OR EXISTS (SELECT 1 FROM person_categories pc JOIN categories c ON c.id = pc.category_id
                                         WHERE pc.person_id = p.id AND c.code = $11))

-- name: ListOrgs
-- A small organisation subtree: read through the index.
AND p.org_path >= $1 AND p.org_path < $2

-- name: ListWideOrgs
-- A large subtree: the same condition written so that no plan reads the
-- organisation index for it ($2, the upper bound, is not needed).
AND substr(p.org_path, 1, length(CAST($1 AS TEXT))) = $1 AND CAST($2 AS TEXT) <> ''

-- name: ListByName
-- Keyset: after (name_key $12, id $13), $14 rows after skipping $15 (a
-- jump to a page by its number).
AND (p.name_key, p.id) > (CAST($12 AS TEXT), CAST($13 AS BIGINT))
ORDER BY p.name_key, p.id
LIMIT $14 OFFSET $15

-- name: ListByBirth
-- Oldest first, unknown dates of birth last. Keyset: after (unknown $12,
-- birth date $13, id $14), $15 rows after skipping $16; a row with no date compares with the
-- date of the cursor in its place.
AND (CASE WHEN p.birth_date IS NULL THEN 1 ELSE 0 END, COALESCE(p.birth_date, $13), p.id)
    > (CAST($12 AS INTEGER), $13, CAST($14 AS BIGINT))
ORDER BY CASE WHEN p.birth_date IS NULL THEN 1 ELSE 0 END, p.birth_date, p.id
LIMIT $15 OFFSET $16

-- name: ListByCreated
-- Newest first. Keyset: id below $12, $13 rows after skipping $14.
AND p.id < CAST($12 AS BIGINT)
ORDER BY p.id DESC
LIMIT $13 OFFSET $14

-- name: CountFrom
-- The start of List's count: CountFrom, ListWhere, the organisation
-- condition of the list and CountTo count the rows List would page
-- through, up to $12, reading persons alone (the view's joins name the
-- place and organisation, which a count does not need).
SELECT count(*) FROM (SELECT 1 FROM persons p

-- name: CountTo
LIMIT $12) x

-- name: CountOrg
-- How many persons, up to $3, lie in the organisation range $1-$2.
SELECT count(*) FROM (SELECT 1 FROM persons WHERE org_path >= $1 AND org_path < $2 LIMIT $3) x;

-- name: SearchID
-- Persons holding national ID $5 (of any kind).
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND p.national_id = $5 AND p.national_id <> '' AND p.merged_into IS NULL
ORDER BY p.id
LIMIT $6;

-- name: SearchPhone
-- Persons whose phone, or the phone of whose household, ends in digits $5.
-- The household too must lie in the scope: a household outside it is not
-- found by its phone, not even through a member within it.
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND p.phone_digits = $5 AND p.phone_digits <> '' AND p.merged_into IS NULL
UNION
SELECT p.* FROM households h
JOIN household_members m ON m.household_id = h.id
JOIN person_rows p ON p.id = m.person_id
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
  AND h.phone_digits = $5 AND h.phone_digits <> '' AND p.merged_into IS NULL
ORDER BY 5, 1
LIMIT $6;

-- name: SearchName
-- Persons whose name key starts with the key typed: $5 <= name_key < $6.
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND p.name_key >= $5 AND p.name_key < $6 AND p.merged_into IS NULL
ORDER BY p.name_key, p.id
LIMIT $7;

-- name: SearchFirstName
-- Persons whose name key after its first word (the last name) starts with
-- the key typed: a first name alone, or first name and patronymic. The
-- expression is the one index persons_first_name holds (migration 0009),
-- written alike here and in the ORDER BY so the index serves both; SQLite
-- has instr, PostgreSQL strpos (queries_postgres.sql).
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND substr(p.name_key, instr(p.name_key, ' ') + 1) >= $5
  AND substr(p.name_key, instr(p.name_key, ' ') + 1) < $6 AND p.merged_into IS NULL
ORDER BY substr(p.name_key, instr(p.name_key, ' ') + 1), p.id
LIMIT $7;

-- name: SearchRef
-- The members of the households whose reference is $5, households and
-- members within the scope: the reference of a household outside it finds
-- nobody, so a search does not confirm it.
SELECT p.* FROM households h
JOIN household_members m ON m.household_id = h.id
JOIN person_rows p ON p.id = m.person_id
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
  AND h.external_ref = $5 AND h.external_ref <> '' AND p.merged_into IS NULL
ORDER BY p.name_key, p.id
LIMIT $6;

-- name: MatchName
-- Candidates born on $7 whose name key starts with $5 ($5 <= key < $6),
-- other than person $8.
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND p.name_key >= $5 AND p.name_key < $6 AND p.birth_date = $7 AND p.id <> $8
  AND p.merged_into IS NULL
ORDER BY p.name_key, p.id
LIMIT 50;

-- name: MatchHousehold
-- The members of household $5 other than person $6.
SELECT p.* FROM household_members m
JOIN person_rows p ON p.id = m.person_id
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND m.household_id = $5 AND p.id <> $6 AND p.merged_into IS NULL
ORDER BY p.id
LIMIT 50;

-- name: InsertHousehold
INSERT INTO households (org_id, org_path, region_id, region_path, address, phone, phone_digits,
                        income_category, low_income, incomplete, dysfunctional, notes, external_ref,
                        created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
RETURNING id;

-- name: UpdateHousehold
UPDATE households
SET org_id = $1, org_path = $2, region_id = $3, region_path = $4, address = $5, phone = $6,
    phone_digits = $7, income_category = $8, low_income = $9, incomplete = $10, dysfunctional = $11,
    notes = $12, external_ref = $13, updated_at = $14
WHERE id = $15;

-- name: HouseholdByID
-- $1 is the cut-off date of birth: members born after it are under 18.
-- Children are the members under 18 who are not in the role of a parent.
SELECT h.id, COALESCE(h.org_id, 0), COALESCE(o.name, ''), h.org_path, r.code, h.region_path, h.address,
       h.phone, h.income_category, h.low_income, h.incomplete, h.dysfunctional, h.notes, h.external_ref,
       COALESCE(h.created_by, 0), h.created_at, h.updated_at,
       (SELECT count(*) FROM household_members m JOIN persons c ON c.id = m.person_id
        WHERE m.household_id = h.id AND c.birth_date > $1 AND c.merged_into IS NULL
          AND m.relation NOT IN ('mother', 'father', 'guardian', 'grandparent'))
FROM households h JOIN regions r ON r.id = h.region_id LEFT JOIN organisations o ON o.id = h.org_id
WHERE h.id = $2;

-- name: ListHouseholds
-- $1 is the cut-off of HouseholdByID; $2-$3 the organisation range and
-- $4-$5 the region range (the principal scope narrowed by the filter), $6
-- the reference; newest first, id below $7, $8 rows after skipping $9.
SELECT h.id, COALESCE(h.org_id, 0), COALESCE(o.name, ''), h.org_path, r.code, h.region_path, h.address,
       h.phone, h.income_category, h.low_income, h.incomplete, h.dysfunctional, h.notes, h.external_ref,
       COALESCE(h.created_by, 0), h.created_at, h.updated_at,
       (SELECT count(*) FROM household_members m JOIN persons c ON c.id = m.person_id
        WHERE m.household_id = h.id AND c.birth_date > $1 AND c.merged_into IS NULL
          AND m.relation NOT IN ('mother', 'father', 'guardian', 'grandparent'))
FROM households h JOIN regions r ON r.id = h.region_id LEFT JOIN organisations o ON o.id = h.org_id
WHERE h.org_path >= $2 AND h.org_path < $3 AND h.region_path >= $4 AND h.region_path < $5
  AND (CAST($6 AS TEXT) = '' OR h.external_ref = $6)
  AND h.id < CAST($7 AS BIGINT)
ORDER BY h.id DESC
LIMIT $8 OFFSET $9;

-- name: CountHouseholds
-- How many households ListHouseholds pages through, up to $6: $1-$2 the
-- organisation range, $3-$4 the region range, $5 the reference.
SELECT count(*) FROM (SELECT 1 FROM households h
WHERE h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR h.external_ref = $5)
LIMIT $6) x;

-- name: HouseholdName
-- What names household $5 to a user who picks it: the head's last name,
-- the address and the reference, when it lies in the organisation range
-- $1-$2 and region range $3-$4 (the principal's scope).
SELECT h.id, COALESCE((SELECT p.last_name FROM household_members m JOIN persons p ON p.id = m.person_id
                       WHERE m.household_id = h.id AND m.is_head AND p.merged_into IS NULL), ''),
       h.address, h.external_ref
FROM households h
WHERE h.org_path >= $1 AND h.org_path < $2 AND h.region_path >= $3 AND h.region_path < $4 AND h.id = $5;

-- name: Members
-- The members of household $1, the head first, then oldest first.
SELECT m.relation, m.is_head, p.* FROM household_members m
JOIN person_rows p ON p.id = m.person_id
WHERE m.household_id = $1 AND p.merged_into IS NULL
ORDER BY m.is_head DESC, CASE WHEN p.birth_date IS NULL THEN 1 ELSE 0 END, p.birth_date, p.id;

-- name: MemberOf
SELECT household_id, relation, is_head FROM household_members WHERE person_id = $1;

-- name: InsertMember
INSERT INTO household_members (person_id, household_id, relation, is_head) VALUES ($1, $2, $3, $4);

-- name: DeleteMember
DELETE FROM household_members WHERE person_id = $1 AND household_id = $2;

-- name: ClearHead
UPDATE household_members SET is_head = FALSE WHERE household_id = $1 AND is_head;

-- name: SetHead
UPDATE household_members SET is_head = TRUE WHERE household_id = $1 AND person_id = $2;

-- name: SetPersonHousehold
-- The household a person lives in, kept with household_members in the same
-- transaction (NULL when they leave it).
UPDATE persons SET household_id = $1 WHERE id = $2;

-- name: InsertGuardian
INSERT INTO guardianships (child_id, guardian_person_id, guardian_org_id, relation, since, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: DeleteGuardian
DELETE FROM guardianships WHERE id = $1;

-- name: Guardians
-- The guardians of child $1 with the name of the guardian: a person or an
-- institution.
SELECT g.id, g.child_id, COALESCE(g.guardian_person_id, 0), COALESCE(g.guardian_org_id, 0), g.relation, g.since,
       COALESCE(gp.last_name, ''), COALESCE(gp.first_name, ''), COALESCE(gp.patronymic, ''), COALESCE(o.name, ''),
       g.created_at
FROM guardianships g
LEFT JOIN persons gp ON gp.id = g.guardian_person_id
LEFT JOIN organisations o ON o.id = g.guardian_org_id
WHERE g.child_id = $1
ORDER BY g.id;

-- name: GuardianByID
SELECT g.id, g.child_id, COALESCE(g.guardian_person_id, 0), COALESCE(g.guardian_org_id, 0), g.relation, g.since,
       COALESCE(gp.last_name, ''), COALESCE(gp.first_name, ''), COALESCE(gp.patronymic, ''), COALESCE(o.name, ''),
       g.created_at
FROM guardianships g
LEFT JOIN persons gp ON gp.id = g.guardian_person_id
LEFT JOIN organisations o ON o.id = g.guardian_org_id
WHERE g.id = $1;

-- name: InsertCategory
INSERT INTO categories (code, name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id;

-- name: SeedCategory
-- A builtin category: added when missing, its names and place refreshed
-- otherwise; whether it is in use stays the choice of the administrators.
INSERT INTO categories (code, name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort)
VALUES ($1, $2, $3, $4, $5, $6, TRUE, TRUE, $7)
ON CONFLICT (code) DO UPDATE
SET name_en = excluded.name_en, name_kk = excluded.name_kk, name_ru = excluded.name_ru,
    name_fr = excluded.name_fr, name_fa = excluded.name_fa, builtin = TRUE, sort = excluded.sort;

-- name: UpdateCategory
UPDATE categories
SET name_en = $1, name_kk = $2, name_ru = $3, name_fr = $4, name_fa = $5, active = $6, sort = $7
WHERE id = $8;

-- name: Categories
SELECT id, code, name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort
FROM categories ORDER BY sort, code;

-- name: CategoryByCode
SELECT id, code, name_en, name_kk, name_ru, name_fr, name_fa, active, builtin, sort
FROM categories WHERE code = $1;

-- name: Assign
-- Puts person $1 in category $2 with its evidence, replacing earlier evidence.
INSERT INTO person_categories (person_id, category_id, doc_type, doc_number, issued_on, expires_on,
                               verified_by, verified_at, assigned_by, assigned_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (person_id, category_id) DO UPDATE
SET doc_type = excluded.doc_type, doc_number = excluded.doc_number, issued_on = excluded.issued_on,
    expires_on = excluded.expires_on, verified_by = excluded.verified_by, verified_at = excluded.verified_at,
    assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at;

-- name: Unassign
DELETE FROM person_categories WHERE person_id = $1 AND category_id = $2;

-- name: PersonCategories
-- The categories of person $1, or only the one with code $2 when given.
SELECT c.id, c.code, c.name_en, c.name_kk, c.name_ru, c.name_fr, c.name_fa, c.active, c.builtin, c.sort,
       pc.doc_type, pc.doc_number,
       pc.issued_on, pc.expires_on, COALESCE(pc.verified_by, 0), pc.verified_at, pc.assigned_at
FROM person_categories pc JOIN categories c ON c.id = pc.category_id
WHERE pc.person_id = $1 AND (CAST($2 AS TEXT) = '' OR c.code = $2)
ORDER BY c.sort, c.code;

-- name: InsertConsent
INSERT INTO consents (person_id, purpose, given_by_id, given_by_name, child_assent, method, recorded_by, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: WithdrawConsent
UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2 WHERE id = $3 AND withdrawn_at IS NULL;

-- name: Consents
-- The latest consent of person $1 for each purpose (or for purpose $2 only
-- when given), withdrawn or not.
SELECT c.id, c.person_id, c.purpose, COALESCE(c.given_by_id, 0), c.given_by_name, c.child_assent, c.method,
       COALESCE(c.recorded_by, 0), c.recorded_at, c.withdrawn_at, COALESCE(c.withdrawn_by, 0)
FROM consents c
WHERE c.person_id = $1 AND (CAST($2 AS TEXT) = '' OR c.purpose = $2)
  AND c.id = (SELECT max(l.id) FROM consents l WHERE l.person_id = c.person_id AND l.purpose = c.purpose)
ORDER BY c.purpose;

-- name: RepathPersonOrgs
-- An organisation subtree moved from $3 (a prefix) to $1: the persons it
-- owns keep their place in it. $2 is the length of the old prefix plus one.
UPDATE persons SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathHouseholdOrgs
UPDATE households SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathPersonRegions
-- A region subtree moved from $3 (a prefix) to $1.
UPDATE persons SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathHouseholdRegions
UPDATE households SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- Imports (import*.go). A batch runs these prepared, inside its transaction.

-- name: MaxPersonID
SELECT COALESCE(max(id), 0) FROM persons;

-- name: ImportByID
-- The live person holding ID $1 of kind $2, wherever they are.
SELECT p.* FROM person_rows p
WHERE p.national_id = $1 AND p.id_kind = $2 AND p.national_id <> '' AND p.merged_into IS NULL;

-- name: ImportByName
-- Live persons born on $4 whose name key is $1 (a last and a first name)
-- or $1 and a patronymic ($2 < key < $3): two probes of the index on
-- (name_key, birth_date).
SELECT p.* FROM person_rows p
WHERE p.name_key = $1 AND p.birth_date = $4 AND p.merged_into IS NULL
UNION ALL
SELECT p.* FROM person_rows p
WHERE p.name_key > $2 AND p.name_key < $3 AND p.birth_date = $4 AND p.merged_into IS NULL
LIMIT 50;

-- name: ImportByNameUnborn
-- The same for a person whose date of birth is unknown.
SELECT p.* FROM person_rows p
WHERE p.name_key = $1 AND p.birth_date IS NULL AND p.merged_into IS NULL
UNION ALL
SELECT p.* FROM person_rows p
WHERE p.name_key > $2 AND p.name_key < $3 AND p.birth_date IS NULL AND p.merged_into IS NULL
LIMIT 50;

-- name: ImportHouseholdByRef
-- The household of organisation $2 with reference $1.
SELECT id, external_ref, org_path, region_path FROM households
WHERE external_ref = $1 AND COALESCE(org_id, 0) = $2 AND external_ref <> '';

-- name: ImportHousehold
SELECT id, external_ref, org_path, region_path FROM households WHERE id = $1;

-- name: ImportMembers
-- What matching needs of the live members of household $1.
SELECT m.person_id, m.relation, m.is_head, p.name_key, p.phone_digits, p.national_id, p.birth_date
FROM household_members m JOIN persons p ON p.id = m.person_id
WHERE m.household_id = $1 AND p.merged_into IS NULL;

-- name: ImportInsertPerson
-- InsertPerson with the household ($22) the person lives in.
INSERT INTO persons (last_name, first_name, patronymic, name_key, birth_date, sex, id_kind, national_id,
                     phone, phone_digits, region_id, region_path, address, languages, org_id, org_path,
                     grade, status, disability, special_needs, notes, household_id, created_by, created_at,
                     updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
        $23, $24, $25)
RETURNING id;

-- name: ImportRelation
UPDATE household_members SET relation = $1 WHERE person_id = $2;

-- name: ImportCategories
SELECT category_id FROM person_categories WHERE person_id = $1;

-- name: ImportAssign
-- Puts person $1 in category $2 without evidence, unless they are in it.
INSERT INTO person_categories (person_id, category_id, assigned_by, assigned_at)
VALUES ($1, $2, $3, $4)
ON CONFLICT (person_id, category_id) DO NOTHING;

-- name: Savepoint
SAVEPOINT import_row;

-- name: ReleaseSavepoint
RELEASE SAVEPOINT import_row;

-- name: RollbackSavepoint
ROLLBACK TO SAVEPOINT import_row;

-- Merges (merge*.go). Each reference of the record dropped is read by id,
-- then moved one row at a time, so that the merge can record the ids and
-- the undo move exactly those rows back.

-- name: InsertMerge
INSERT INTO merges (keep_id, drop_id, moved, merged_by, merged_at) VALUES ($1, $2, $3, $4, $5)
RETURNING id;

-- name: InsertMergeMove
-- What merge hook $2 moved in merge $1 (merge_hooks.go).
INSERT INTO merge_moves (merge_id, hook, moved) VALUES ($1, $2, $3);

-- name: MergeMoves
SELECT hook, moved FROM merge_moves WHERE merge_id = $1 ORDER BY hook;

-- name: MergeByID
SELECT id, keep_id, drop_id, moved, COALESCE(merged_by, 0), merged_at, COALESCE(undone_by, 0), undone_at
FROM merges WHERE id = $1;

-- name: MergesOf
-- The merges person $1 took part in, kept or dropped, latest first.
SELECT id, keep_id, drop_id, moved, COALESCE(merged_by, 0), merged_at, COALESCE(undone_by, 0), undone_at
FROM merges WHERE keep_id = $1 OR drop_id = $1
ORDER BY id DESC;

-- name: UndoMerge
UPDATE merges SET undone_by = $1, undone_at = $2 WHERE id = $3 AND undone_at IS NULL;

-- name: SetMergedInto
-- Person $3 merged into $1 (NULL: restored), at $2.
UPDATE persons SET merged_into = $1, household_id = $4, updated_at = $2 WHERE id = $3;

-- name: SetMergeFields
-- The fields a merge fills on the record kept, or clears on the record
-- dropped (its ID number), and restores on undo.
UPDATE persons
SET birth_date = $1, sex = $2, id_kind = $3, national_id = $4, phone = $5, phone_digits = $6, address = $7,
    languages = $8, special_needs = $9, notes = $10, updated_at = $11
WHERE id = $12;

-- name: MergeGuardianshipsOf
SELECT id FROM guardianships WHERE child_id = $1 ORDER BY id;

-- name: MoveGuardianshipOf
UPDATE guardianships SET child_id = $1 WHERE id = $2;

-- name: MergeGuardianshipsBy
SELECT id FROM guardianships WHERE guardian_person_id = $1 ORDER BY id;

-- name: MoveGuardianshipBy
UPDATE guardianships SET guardian_person_id = $1 WHERE id = $2;

-- name: MergeCategories
-- The categories of person $1 that person $2 is not in.
SELECT pc.category_id FROM person_categories pc
WHERE pc.person_id = $1
  AND NOT EXISTS (SELECT 1 FROM person_categories k WHERE k.person_id = $2 AND k.category_id = pc.category_id)
ORDER BY pc.category_id;

-- name: MoveCategory
-- Category $3 of person $2 moves to person $1.
UPDATE person_categories SET person_id = $1 WHERE person_id = $2 AND category_id = $3;

-- name: MergeConsentsOf
SELECT id FROM consents WHERE person_id = $1 ORDER BY id;

-- name: MoveConsentOf
UPDATE consents SET person_id = $1 WHERE id = $2;

-- name: MergeConsentsBy
SELECT id FROM consents WHERE given_by_id = $1 ORDER BY id;

-- name: MoveConsentBy
UPDATE consents SET given_by_id = $1 WHERE id = $2;

-- name: CategoryRows
-- The categories of person $1 with their evidence as stored, for a merge
-- to compare and write back with Assign.
SELECT category_id, doc_type, doc_number, issued_on, expires_on, COALESCE(verified_by, 0), verified_at,
       COALESCE(assigned_by, 0), assigned_at
FROM person_categories WHERE person_id = $1;

-- name: MergeGuardianLinks
-- Guardianships between the two records of a merge: merging them would
-- make the kept person their own guardian.
SELECT count(*) FROM guardianships
WHERE (child_id = $1 AND guardian_person_id = $2) OR (child_id = $2 AND guardian_person_id = $1);

-- name: NextPersonIDs
-- $1 ids for new persons. SQLite: the one after the greatest; the import
-- takes it and the ones after it, holding the write lock until it has
-- written them. PostgreSQL: from the sequence.
SELECT COALESCE(max(id), 0) + 1 FROM persons WHERE $1 > 0;

-- name: NextHouseholdIDs
SELECT COALESCE(max(id), 0) + 1 FROM households WHERE $1 > 0;

-- name: ImportHints
-- Run at the start of every batch's transaction: nothing on SQLite; see
-- queries_postgres.sql.
SELECT 1;

-- name: IDHolder
-- The live person other than $3 who holds ID $1 of kind $2, with the
-- scope that decides whether the user may be told who it is.
SELECT id, org_path, region_path FROM persons
WHERE national_id = $1 AND id_kind = $2 AND id <> $3
  AND national_id <> '' AND merged_into IS NULL;

-- name: LockProber
-- Takes the lock of user $1 (a row lock on PostgreSQL; SQLite writes one
-- at a time), so parallel requests count the user's out-of-scope ID
-- numbers one after another.
UPDATE users SET active = active WHERE id = $1;
