-- The lists (lists.go), the runs (run.go, job.go) and their results (results.go).

-- name: InsertList
INSERT INTO oos_lists (kind, import_run_id, org_id, org_path, region_path, source, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id;

-- name: ListOfImport
-- The list an import wrote, when an earlier attempt of it began one.
SELECT id FROM oos_lists WHERE import_run_id = $1;

-- name: AddedRows
-- Counts a list's rows and its latest school year after rows were added.
UPDATE oos_lists SET
    row_count = (SELECT COUNT(*) FROM oos_list_rows r WHERE r.list_id = oos_lists.id),
    school_year = (SELECT COALESCE(MAX(r.school_year), 0) FROM oos_list_rows r WHERE r.list_id = oos_lists.id)
WHERE id = $1;

-- name: ListByID
SELECT l.id, l.kind, COALESCE(l.import_run_id, 0), l.org_id, o.name, l.org_path, l.region_path, l.source,
       l.school_year, l.row_count, l.created_at
FROM oos_lists l JOIN organisations o ON o.id = l.org_id
WHERE l.id = $1;

-- name: Lists
-- The lists of kind $5 in the scope $1–$4, newest first, at most $6.
SELECT l.id, l.kind, COALESCE(l.import_run_id, 0), l.org_id, o.name, l.org_path, l.region_path, l.source,
       l.school_year, l.row_count, l.created_at
FROM oos_lists l JOIN organisations o ON o.id = l.org_id
WHERE l.org_path >= $1 AND l.org_path < $2 AND l.region_path >= $3 AND l.region_path < $4 AND l.kind = $5
  AND l.row_count > 0
ORDER BY l.school_year DESC, l.id DESC
LIMIT $6;

-- name: InsertRow
-- A row of a list; a row an interrupted import already wrote stays.
INSERT INTO oos_list_rows (list_id, line, person_id, last_name, first_name, patronymic, birth_date, sex,
    national_id, place, region_code, region_path, school_id, grade, school_year, status)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
ON CONFLICT (list_id, line) DO NOTHING;

-- name: Rows
-- The rows of list $1, in file order, with the registry's current record
-- of a population row's person (the one it was merged into, if any).
SELECT r.line, COALESCE(pp.id, 0), r.last_name, r.first_name, r.patronymic, r.birth_date, r.sex,
       r.national_id, r.place, r.region_code, r.region_path, COALESCE(r.school_id, 0), COALESCE(s.name, ''),
       r.grade, r.school_year, r.status
FROM oos_list_rows r
LEFT JOIN persons p ON p.id = r.person_id
LEFT JOIN persons pp ON pp.id = COALESCE(p.merged_into, p.id)
LEFT JOIN organisations s ON s.id = r.school_id
WHERE r.list_id = $1
ORDER BY r.line;

-- name: OpenCases
-- The children with an open outreach case.
SELECT person_id FROM outreach_cases WHERE step <> 'closed';

-- name: InsertRun
INSERT INTO oos_runs (population_id, school_year, enrolment_ids, min_age, max_age, locale, status, org_path,
    region_path, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8, $9, $10) RETURNING id;

-- name: SetRunJob
UPDATE oos_runs SET job_id = $2 WHERE id = $1;

-- name: StartRun
UPDATE oos_runs SET status = 'running' WHERE id = $1;

-- name: FinishRun
UPDATE oos_runs SET status = $2, result = $3, error_key = $4, finished_at = $5 WHERE id = $1;

-- name: RunByID
SELECT r.id, r.population_id, r.school_year, r.enrolment_ids, r.min_age, r.max_age, r.locale, r.status,
       COALESCE(r.job_id, 0), r.org_path, r.region_path, r.result, r.error_key, COALESCE(u.name, ''),
       COALESCE(r.created_by, 0), r.created_at, r.finished_at
FROM oos_runs r LEFT JOIN users u ON u.id = r.created_by
WHERE r.id = $1;

-- name: Runs
-- The runs of the organisations $1–$2, newest first, at most $3 (the
-- service leaves out those of regions apart from the reader's).
SELECT r.id, r.population_id, r.school_year, r.enrolment_ids, r.min_age, r.max_age, r.locale, r.status,
       COALESCE(r.job_id, 0), r.org_path, r.region_path, r.result, r.error_key, COALESCE(u.name, ''),
       COALESCE(r.created_by, 0), r.created_at, r.finished_at
FROM oos_runs r LEFT JOIN users u ON u.id = r.created_by
WHERE r.org_path >= $1 AND r.org_path < $2
ORDER BY r.id DESC
LIMIT $3;

-- name: InsertFlag
INSERT INTO oos_flags (run_id, person_id, line, category, visibility, confidence, why, region_code, region_path,
    org_path, school_id, outcome)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (run_id, person_id) DO NOTHING;

-- name: Flags
-- A page of the children run $1 flagged whose records lie in the scope
-- $2–$5, by district, catchment school and name: after the key $6 (the
-- district's path, the school's name, the child's id), $7 rows.
SELECT f.person_id, p.last_name, p.first_name, p.patronymic, p.birth_date, f.category, f.visibility,
       f.confidence, f.why, f.region_code, f.region_path,
       COALESCE(f.school_id, 0), COALESCE(s.name, ''), f.outcome
FROM oos_flags f
JOIN persons p ON p.id = f.person_id
LEFT JOIN organisations s ON s.id = f.school_id
WHERE f.run_id = $1
  AND p.org_path >= $2 AND p.org_path < $3 AND p.region_path >= $4 AND p.region_path < $5
  AND (f.region_path > $6 OR f.region_path = $6 AND (COALESCE(s.name, '') > $7
       OR COALESCE(s.name, '') = $7 AND f.person_id > $8))
ORDER BY f.region_path, COALESCE(s.name, ''), f.person_id
LIMIT $9;

-- name: CountFlags
-- How many children Flags pages through, by district, catchment school,
-- category and visibility.
SELECT f.region_path, f.region_code, COALESCE(s.name, ''), f.category, f.visibility, COUNT(*)
FROM oos_flags f
JOIN persons p ON p.id = f.person_id
LEFT JOIN organisations s ON s.id = f.school_id
WHERE f.run_id = $1
  AND p.org_path >= $2 AND p.org_path < $3 AND p.region_path >= $4 AND p.region_path < $5
GROUP BY f.region_path, f.region_code, COALESCE(s.name, ''), f.category, f.visibility
ORDER BY f.region_path, COALESCE(s.name, '');

-- name: FlagOf
-- What run $1 said of child $2.
SELECT f.category, f.visibility, f.confidence, f.why, f.region_code, COALESCE(f.school_id, 0), COALESCE(s.name, ''),
       f.outcome
FROM oos_flags f LEFT JOIN organisations s ON s.id = f.school_id
WHERE f.run_id = $1 AND f.person_id = $2;
