-- Outcomes of young people (record.go) and the coverage report
-- (coverage.go).

-- name: YouthOf
SELECT y.id, y.last_name, y.first_name, y.age_group, r.code, o.name, y.org_path, y.region_path,
    CASE WHEN EXISTS (SELECT 1 FROM mentorships m WHERE m.youth_id = y.id) THEN 1 ELSE 0 END
FROM youth y JOIN regions r ON r.id = y.region_id JOIN organisations o ON o.id = y.org_id
WHERE y.id = $1;

-- name: Current
SELECT youth_id, outcome, outcome_on, note, COALESCE(recorded_by, 0), recorder, updated_at
FROM youth_outcomes WHERE youth_id = $1;

-- name: History
SELECT youth_id, outcome, outcome_on, note, COALESCE(recorded_by, 0), recorder, recorded_at
FROM youth_outcome_history WHERE youth_id = $1 ORDER BY id DESC;

-- name: PutCurrent
INSERT INTO youth_outcomes (youth_id, outcome, outcome_on, note, recorded_by, recorder, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (youth_id) DO UPDATE SET outcome = excluded.outcome, outcome_on = excluded.outcome_on,
    note = excluded.note, recorded_by = excluded.recorded_by, recorder = excluded.recorder,
    version = youth_outcomes.version + 1, updated_at = excluded.updated_at;

-- name: InsertHistory
INSERT INTO youth_outcome_history (youth_id, outcome, outcome_on, note, recorded_by, recorder, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: Activities
SELECT a.id, a.name, a.strand, e.progress
FROM activity_enrolments e JOIN activities a ON a.id = e.activity_id
WHERE e.youth_id = $1 ORDER BY a.starts_on, a.id;

-- name: Coverage
-- The young people within the reader's scope ($1-$4) by age group and
-- place: how many are registered, how many took part in any strand and
-- in each, and how many have each outcome. The strands are joined as
-- one row per young person (derived tables), not probed per row, so
-- the report is one pass over each table on both engines.
SELECT y.age_group, y.region_path, count(*),
    sum(CASE WHEN m.youth_id IS NOT NULL OR s.youth_id IS NOT NULL THEN 1 ELSE 0 END),
    sum(CASE WHEN m.youth_id IS NOT NULL THEN 1 ELSE 0 END),
    COALESCE(sum(s.leaders), 0),
    COALESCE(sum(s.creative), 0),
    sum(CASE WHEN o.outcome = 'education' THEN 1 ELSE 0 END),
    sum(CASE WHEN o.outcome = 'employed' THEN 1 ELSE 0 END),
    sum(CASE WHEN o.outcome = 'business' THEN 1 ELSE 0 END),
    sum(CASE WHEN o.outcome = 'neet' THEN 1 ELSE 0 END),
    sum(CASE WHEN o.outcome = 'not_reached' THEN 1 ELSE 0 END)
FROM youth y
LEFT JOIN youth_outcomes o ON o.youth_id = y.id
LEFT JOIN (SELECT DISTINCT youth_id FROM mentorships) m ON m.youth_id = y.id
LEFT JOIN (SELECT e.youth_id,
        max(CASE WHEN a.strand = 'leaders' THEN 1 ELSE 0 END) AS leaders,
        max(CASE WHEN a.strand = 'creative' THEN 1 ELSE 0 END) AS creative
    FROM activity_enrolments e JOIN activities a ON a.id = e.activity_id
    GROUP BY e.youth_id) s ON s.youth_id = y.id
WHERE y.org_path >= $1 AND y.org_path < $2 AND y.region_path >= $3 AND y.region_path < $4
GROUP BY y.age_group, y.region_path;
