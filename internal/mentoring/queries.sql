-- Mentors: the profile, its fields and languages, the decision on the
-- application, the login, and the places taken by mentees.

-- name: Insert
INSERT INTO mentors (name, phone, email, contact_key, background, org_id, org_path, region_id, region_path,
    in_person, online, capacity, minors, vetting_document, vetted_on, vetting_expires, vetted_by, status,
    decided_by, decided_at, source, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23)
RETURNING id;

-- name: Update
-- Updates mentor $17 if it still stands at version $18; the capacity never
-- falls below the mentees.
UPDATE mentors SET name = $1, phone = $2, email = $3, contact_key = $4, background = $5, region_id = $6,
    region_path = $7, in_person = $8, online = $9, capacity = $10, minors = $11, vetting_document = $12,
    vetted_on = $13, vetting_expires = $14, vetted_by = $15, updated_at = $16, version = version + 1
WHERE id = $17 AND version = $18 AND mentees <= $10;

-- name: Decide
UPDATE mentors SET status = $1, reason = $2, decided_by = $3, decided_at = $4, updated_at = $4, version = version + 1
WHERE id = $5 AND version = $6 AND status = 'applied';

-- name: LinkUser
-- Links login $1 to mentor $2 when it is a user of the role mentor.
UPDATE mentors SET user_id = $1, version = version + 1
WHERE id = $2 AND EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.role = 'mentor');

-- name: LinkNewLogin
-- Links login $1 to mentor $2 when it is a user of the role mentor and the
-- mentor has no login yet.
UPDATE mentors SET user_id = $1, version = version + 1
WHERE id = $2 AND user_id IS NULL AND EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.role = 'mentor');

-- name: ByID
SELECT m.id, m.name, m.phone, m.email, m.background, m.org_id, m.org_path, r.code, m.region_id, m.region_path,
    m.in_person, m.online, m.capacity, m.mentees, m.minors, m.vetting_document, m.vetted_on, m.vetting_expires,
    m.vetted_by, m.status, m.reason, m.decided_at, m.user_id, m.source, m.version, m.updated_at
FROM mentors m JOIN regions r ON r.id = m.region_id
WHERE m.id = $1;

-- name: ByUser
SELECT id FROM mentors WHERE user_id = $1;

-- name: ByContact
SELECT id FROM mentors WHERE org_id = $1 AND contact_key = $2;

-- name: List
-- The mentors within the scope bounds $1..$4, by id after $5, of status
-- $6 and field $7 when they are not ''.
SELECT m.id, m.name, m.phone, m.email, m.background, m.org_id, m.org_path, r.code, m.region_id, m.region_path,
    m.in_person, m.online, m.capacity, m.mentees, m.minors, m.vetting_document, m.vetted_on, m.vetting_expires,
    m.vetted_by, m.status, m.reason, m.decided_at, m.user_id, m.source, m.version, m.updated_at
FROM mentors m JOIN regions r ON r.id = m.region_id
WHERE m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4 AND m.id > $5
    AND (CAST($6 AS TEXT) = '' OR m.status = $6)
    AND (CAST($7 AS TEXT) = '' OR EXISTS (SELECT 1 FROM mentor_expertise e WHERE e.mentor_id = m.id AND e.field = $7))
ORDER BY m.id
LIMIT $8;

-- name: Org
-- The path of active organisation $1 and of its region.
SELECT o.path, COALESCE(r.path, '') FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id = $1 AND o.active;

-- name: Expertise
SELECT field FROM mentor_expertise WHERE mentor_id = $1 ORDER BY field;

-- name: DeleteExpertise
DELETE FROM mentor_expertise WHERE mentor_id = $1;

-- name: InsertExpertise
INSERT INTO mentor_expertise (mentor_id, field) VALUES ($1, $2);

-- name: Languages
SELECT lang FROM mentor_languages WHERE mentor_id = $1 ORDER BY lang;

-- name: DeleteLanguages
DELETE FROM mentor_languages WHERE mentor_id = $1;

-- name: InsertLanguage
INSERT INTO mentor_languages (mentor_id, lang) VALUES ($1, $2);

-- name: Take
-- Takes one place of approved mentor $1 if they have one free.
UPDATE mentors SET mentees = mentees + 1 WHERE id = $1 AND status = 'approved' AND mentees < capacity;

-- name: TakeSome
-- Takes $2 places of approved mentor $1 if they have that many free, or
-- none.
UPDATE mentors SET mentees = mentees + $2 WHERE id = $1 AND status = 'approved' AND mentees + $2 <= capacity;

-- name: Release
UPDATE mentors SET mentees = mentees - 1 WHERE id = $1 AND mentees > 0;

-- name: StatsFields
-- The approved mentors within the scope bounds $1..$4 by field of
-- expertise: how many, their capacity and the places in use. A mentor
-- counts once under each of their fields.
SELECT e.field, COUNT(*), SUM(m.capacity), SUM(m.mentees)
FROM mentors m JOIN mentor_expertise e ON e.mentor_id = m.id
WHERE m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4 AND m.status = 'approved'
GROUP BY e.field
ORDER BY e.field;

-- name: StatsPool
-- The same by region and background, each mentor once.
SELECT r.code, m.background, COUNT(*), SUM(m.capacity), SUM(m.mentees)
FROM mentors m JOIN regions r ON r.id = m.region_id
WHERE m.org_path >= $1 AND m.org_path < $2 AND m.region_path >= $3 AND m.region_path < $4 AND m.status = 'approved'
GROUP BY r.code, m.background
ORDER BY r.code, m.background;

-- name: Fields
SELECT code, name_en, name_kk, name_ru, name_fr, name_fa, active, position FROM mentor_fields
ORDER BY position, code;

-- name: UpsertField
INSERT INTO mentor_fields (code, name_en, name_kk, name_ru, name_fr, name_fa, active, position)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_kk = excluded.name_kk, name_ru = excluded.name_ru,
    name_fr = excluded.name_fr, name_fa = excluded.name_fa, active = excluded.active, position = excluded.position;

-- name: RepathMentorOrgs
UPDATE mentors SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathMentorRegions
UPDATE mentors SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: RepathCohortOrgs
UPDATE mentor_cohorts SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathCohortRegions
UPDATE mentor_cohorts SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER))
WHERE region_path LIKE $3;
