-- The volunteer registry (volunteers.go) and the suggestions of who may
-- take a task (suggest.go).

-- name: LinkUser
-- The role, name and organisation path of user $1, whom a volunteer's
-- record may name as their login.
SELECT u.role, u.name, COALESCE(o.path, '') FROM users u LEFT JOIN organisations o ON o.id = u.org_id WHERE u.id = $1;

-- name: VolunteerUsers
-- The active logins of role volunteer of the organisation subtree [$1, $2),
-- by name, with the volunteer record each is linked to (0 for none).
SELECT u.id, u.name, u.email, COALESCE(v.id, 0)
FROM users u JOIN organisations o ON o.id = u.org_id LEFT JOIN volunteers v ON v.user_id = u.id
WHERE u.role = 'volunteer' AND u.active AND o.path >= $1 AND o.path < $2
ORDER BY u.name, u.id
LIMIT 500;

-- name: InsertVolunteer
INSERT INTO volunteers (name, phone, email, region_id, region_path, org_id, org_path, user_id, active, created_by,
    created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
RETURNING id;

-- name: VolunteerByEmail
-- Another volunteer of organisation $1 than $3 with e-mail address $2.
SELECT id FROM volunteers WHERE org_id = $1 AND email = $2 AND id <> $3 LIMIT 1;

-- name: UpdateVolunteer
UPDATE volunteers SET name = $3, phone = $4, email = $5, region_id = $6, region_path = $7, org_id = $8, org_path = $9,
    user_id = $10, active = $11, version = version + 1, updated_at = $12
WHERE id = $1 AND version = $2;

-- name: DeleteSkills
DELETE FROM volunteer_skills WHERE volunteer_id = $1;

-- name: InsertSkill
INSERT INTO volunteer_skills (volunteer_id, skill) VALUES ($1, $2);

-- name: VolunteerFrom
-- The start of every read of volunteers, with the tasks each has assigned.
SELECT v.id, v.name, v.phone, v.email, v.region_id, r.code, v.region_path, v.org_id, o.name, v.org_path,
    COALESCE(v.user_id, 0), COALESCE(u.name, ''), v.active, v.version, v.created_at, v.updated_at,
    (SELECT count(*) FROM device_tasks t WHERE t.volunteer_id = v.id AND t.status = 'assigned')
FROM volunteers v JOIN regions r ON r.id = v.region_id JOIN organisations o ON o.id = v.org_id
LEFT JOIN users u ON u.id = v.user_id

-- name: VolunteerByID
WHERE v.id = $1;

-- name: VolunteerByUser
WHERE v.user_id = $1;

-- name: Volunteers
-- The volunteers within the scope [$1, $2) x [$3, $4), with skill $5 (any
-- when ''), in region subtree [$6, $7), active only when $8 is 1, teaching
-- subject $9 and speaking language $10 (any when ''), newest first, before
-- id $11.
WHERE v.org_path >= $1 AND v.org_path < $2 AND v.region_path >= $3 AND v.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id AND s.skill = $5))
  AND v.region_path >= $6 AND v.region_path < $7
  AND (CAST($8 AS INTEGER) = 0 OR v.active)
  AND (CAST($9 AS TEXT) = '' OR EXISTS (SELECT 1 FROM volunteer_traits t
       WHERE t.volunteer_id = v.id AND t.kind = 'subject' AND t.code = $9))
  AND (CAST($10 AS TEXT) = '' OR EXISTS (SELECT 1 FROM volunteer_traits t
       WHERE t.volunteer_id = v.id AND t.kind = 'language' AND t.code = $10))
  AND v.id < $11
ORDER BY v.id DESC
LIMIT $12 OFFSET $13;

-- name: CountVolunteers
SELECT 1 FROM volunteers v
WHERE v.org_path >= $1 AND v.org_path < $2 AND v.region_path >= $3 AND v.region_path < $4
  AND (CAST($5 AS TEXT) = '' OR EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id AND s.skill = $5))
  AND v.region_path >= $6 AND v.region_path < $7
  AND (CAST($8 AS INTEGER) = 0 OR v.active)
  AND (CAST($9 AS TEXT) = '' OR EXISTS (SELECT 1 FROM volunteer_traits t
       WHERE t.volunteer_id = v.id AND t.kind = 'subject' AND t.code = $9))
  AND (CAST($10 AS TEXT) = '' OR EXISTS (SELECT 1 FROM volunteer_traits t
       WHERE t.volunteer_id = v.id AND t.kind = 'language' AND t.code = $10))
LIMIT $11;

-- name: DeleteTraits
DELETE FROM volunteer_traits WHERE volunteer_id = $1;

-- name: InsertTrait
INSERT INTO volunteer_traits (volunteer_id, kind, code) VALUES ($1, $2, $3);

-- name: TraitsBetween
-- The languages, subjects and free slots of the volunteers with ids from
-- $1 to $2.
SELECT volunteer_id, kind, code FROM volunteer_traits WHERE volunteer_id >= $1 AND volunteer_id <= $2
ORDER BY volunteer_id, kind, code;

-- name: SkillsBetween
-- The skills of the volunteers with ids from $1 to $2: a page's, at once.
SELECT volunteer_id, skill FROM volunteer_skills WHERE volunteer_id >= $1 AND volunteer_id <= $2
ORDER BY volunteer_id, skill;

-- name: Suggest
-- The active volunteers with skill $5 within the scope [$1, $2) x [$3, $4)
-- whose region holds region path $6 or lies within it, the fewest tasks
-- assigned first.
SELECT v.id, v.name, v.phone, v.email, v.region_id, r.code, v.region_path, v.org_id, o.name, v.org_path,
    COALESCE(v.user_id, 0), COALESCE(u.name, ''), v.active, v.version, v.created_at, v.updated_at,
    (SELECT count(*) FROM device_tasks t WHERE t.volunteer_id = v.id AND t.status = 'assigned') AS load
FROM volunteers v JOIN regions r ON r.id = v.region_id JOIN organisations o ON o.id = v.org_id
LEFT JOIN users u ON u.id = v.user_id
WHERE v.active AND v.org_path >= $1 AND v.org_path < $2 AND v.region_path >= $3 AND v.region_path < $4
  AND EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id AND s.skill = $5)
  AND (substr(CAST($6 AS TEXT), 1, length(v.region_path)) = v.region_path
       OR substr(v.region_path, 1, length(CAST($6 AS TEXT))) = $6)
ORDER BY load, v.name, v.id
LIMIT $7;

-- name: RepathVolunteerOrgs
UPDATE volunteers SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathVolunteerRegions
UPDATE volunteers SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
