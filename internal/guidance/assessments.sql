-- Assessments (assessment*.go) and the organisation they are made at
-- (org.go). Persons are read by join for their names only: whether the
-- principal may see a person is asked of the registry.

-- name: ScopeOrg
-- Organisation $1 with its name, its path and the path of its region: the
-- scope of what is recorded at it (assessments, offers of places).
SELECT o.id, o.name, o.path, COALESCE(r.path, '')
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id = $1;

-- name: InsertAssessment
INSERT INTO assessments (person_id, org_id, instrument, taken_on, recommendation, assessed_by, assessed_by_name, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: InsertAssessmentScore
INSERT INTO assessment_scores (assessment_id, position, ability, score, max_score) VALUES ($1, $2, $3, $4, $5);

-- name: AssessmentScores
SELECT ability, score, max_score FROM assessment_scores WHERE assessment_id = $1 ORDER BY position;

-- name: PersonAssessments
-- The assessments of person $1, latest first.
SELECT a.id, a.person_id, p.last_name, p.first_name, p.patronymic, a.org_id, o.name, a.instrument, a.taken_on,
       a.recommendation, COALESCE(a.assessed_by, 0), a.assessed_by_name, a.created_at
FROM assessments a JOIN persons p ON p.id = a.person_id JOIN organisations o ON o.id = a.org_id
WHERE a.person_id = $1
ORDER BY a.taken_on DESC, a.id DESC;

-- name: OrgAssessments
-- The assessments made at organisation $1, the latest recorded first:
-- keyset after id $2, $3 rows after skipping $4.
SELECT a.id, a.person_id, p.last_name, p.first_name, p.patronymic, a.org_id, o.name, a.instrument, a.taken_on,
       a.recommendation, COALESCE(a.assessed_by, 0), a.assessed_by_name, a.created_at
FROM assessments a JOIN persons p ON p.id = a.person_id JOIN organisations o ON o.id = a.org_id
WHERE a.org_id = $1 AND a.id < $2
ORDER BY a.id DESC
LIMIT $3 OFFSET $4;

-- name: CountOrgAssessments
-- How many assessments OrgAssessments pages through at organisation $1,
-- up to $2.
SELECT count(*) FROM (SELECT 1 FROM assessments WHERE org_id = $1 LIMIT $2) x;
