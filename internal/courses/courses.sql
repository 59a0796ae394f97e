-- Free courses (course.go, course_read.go), their children
-- (enrol.go, roster.go), sessions and attendance (sessions.go).

-- name: InsertCourse
INSERT INTO courses (campaign_id, title, lang, subject, grade_min, grade_max, place, starts_on, ends_on, capacity, status,
    region_id, region_path, org_id, org_path, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12, $13, $14, $15, $16, $16)
RETURNING id;

-- name: UpdateCourse
-- Changes course $1 read at version $2; its places never drop below the
-- children enrolled.
UPDATE courses SET campaign_id = $3, title = $4, lang = $5, subject = $6, grade_min = $7, grade_max = $8, place = $9,
    starts_on = $10, ends_on = $11, capacity = $12, region_id = $13, region_path = $14, org_id = $15, org_path = $16,
    version = version + 1, updated_at = $17
WHERE id = $1 AND version = $2 AND enrolled <= $12;

-- name: DeleteTeachers
DELETE FROM course_teachers WHERE course_id = $1;

-- name: InsertTeacher
INSERT INTO course_teachers (course_id, volunteer_id) VALUES ($1, $2);

-- name: CourseFrom
SELECT c.id, COALESCE(c.campaign_id, 0), c.title, c.lang, c.subject, c.grade_min, c.grade_max, c.place, c.starts_on,
    c.ends_on, c.capacity, c.enrolled, c.status, c.region_id, r.code, c.region_path, c.org_id, o.name, c.org_path,
    c.version, c.created_at, c.updated_at
FROM courses c JOIN regions r ON r.id = c.region_id JOIN organisations o ON o.id = c.org_id

-- name: CourseByID
WHERE c.id = $1;

-- name: Courses
-- The courses within the scope [$1, $2) x [$3, $4) of campaign $5 (any
-- when 0), the latest start first.
WHERE c.org_path >= $1 AND c.org_path < $2 AND c.region_path >= $3 AND c.region_path < $4
  AND (CAST($5 AS BIGINT) = 0 OR c.campaign_id = $5)
ORDER BY c.starts_on DESC, c.id DESC
LIMIT 500;

-- name: CoursesTaught
-- The courses volunteer $1 teaches, the latest start first.
WHERE EXISTS (SELECT 1 FROM course_teachers t WHERE t.course_id = c.id AND t.volunteer_id = $1)
ORDER BY c.starts_on DESC, c.id DESC
LIMIT 500;

-- name: TeachersOf
SELECT t.volunteer_id, v.name FROM course_teachers t JOIN volunteers v ON v.id = t.volunteer_id
WHERE t.course_id = $1 ORDER BY v.name, v.id;

-- name: Teaches
SELECT COALESCE(c.campaign_id, 0) FROM courses c JOIN course_teachers t ON t.course_id = c.id
WHERE c.id = $1 AND t.volunteer_id = $2;

-- name: TakeSeat
-- Takes one place of course $1 when one is free and it is open: no row
-- changes otherwise.
UPDATE courses SET enrolled = enrolled + 1 WHERE id = $1 AND status = 'open' AND enrolled < capacity;

-- name: FreeSeat
UPDATE courses SET enrolled = enrolled - 1 WHERE id = $1 AND enrolled > 0;

-- name: InsertEnrolment
INSERT INTO course_enrolments (course_id, person_id, request_id, enrolled_by, enrolled_at)
VALUES ($1, $2, $3, $4, $5)
RETURNING id;

-- name: EnrolmentOf
SELECT id, person_id FROM course_enrolments WHERE course_id = $1 AND id = $2;

-- name: DeleteEnrolment
DELETE FROM course_enrolments WHERE id = $1;

-- name: AttendanceOfEnrolment
SELECT count(*) FROM course_attendance WHERE enrolment_id = $1;

-- name: Roster
-- The children enrolled on course $1 by name, with their record's scope
-- and the sessions they came to; a record merged into another is left
-- out (merge.go).
SELECT e.id, e.person_id, p.first_name, p.last_name, p.grade, COALESCE(e.request_id, 0), p.org_path, p.region_path,
    (SELECT count(*) FROM course_attendance a WHERE a.enrolment_id = e.id AND a.present)
FROM course_enrolments e JOIN persons p ON p.id = e.person_id
WHERE e.course_id = $1 AND p.merged_into IS NULL
ORDER BY p.last_name, p.first_name, e.id;

-- name: InsertSession
INSERT INTO course_sessions (course_id, held_on, topic, created_at) VALUES ($1, $2, $3, $4) RETURNING id;

-- name: Sessions
SELECT s.id, s.course_id, s.held_on, s.topic,
    (SELECT count(*) FROM course_attendance a WHERE a.session_id = s.id AND a.present),
    (SELECT count(*) FROM course_attendance a WHERE a.session_id = s.id)
FROM course_sessions s WHERE s.course_id = $1 ORDER BY s.held_on, s.id;

-- name: SessionByID
SELECT s.id, s.course_id, s.held_on, s.topic,
    (SELECT count(*) FROM course_attendance a WHERE a.session_id = s.id AND a.present),
    (SELECT count(*) FROM course_attendance a WHERE a.session_id = s.id)
FROM course_sessions s WHERE s.id = $1;

-- name: MarksOf
SELECT enrolment_id, present FROM course_attendance WHERE session_id = $1;

-- name: DeleteMark
DELETE FROM course_attendance WHERE session_id = $1 AND enrolment_id = $2;

-- name: InsertMark
INSERT INTO course_attendance (session_id, enrolment_id, present, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5);

-- name: RepathOrgs
UPDATE courses SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
UPDATE courses SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- The merge hook (merge.go).

-- name: MergeEnrolments
-- The enrolments of person $1 on courses person $2 is not enrolled on.
SELECT e.id FROM course_enrolments e
WHERE e.person_id = $1
  AND NOT EXISTS (SELECT 1 FROM course_enrolments k WHERE k.person_id = $2 AND k.course_id = e.course_id)
ORDER BY e.id;

-- name: SharedCourses
-- The courses both person $1 and person $2 are enrolled on.
SELECT e.course_id FROM course_enrolments e
WHERE e.person_id = $1
  AND EXISTS (SELECT 1 FROM course_enrolments k WHERE k.person_id = $2 AND k.course_id = e.course_id)
ORDER BY e.course_id;

-- name: MoveEnrolment
UPDATE course_enrolments SET person_id = $1 WHERE id = $2;

-- name: RetakeSeat
-- Takes back a place a merge gave back, whatever the course's state.
UPDATE courses SET enrolled = enrolled + 1 WHERE id = $1;
