-- The duplicate queue (queue.go, decide.go) and its scans (scan.go).

-- name: LivePersons
-- Every live person with the fields a scan compares, in id order.
SELECT id, last_name, first_name, patronymic, birth_date, sex, national_id, region_path
FROM persons WHERE merged_into IS NULL ORDER BY id;

-- name: InsertScan
INSERT INTO duplicate_scans (started_at, reason, requested_by) VALUES ($1, $2, $3) RETURNING id;

-- name: FinishScan
UPDATE duplicate_scans SET finished_at = $2, persons = $3, pairs = $4, new_pairs = $5, took_ms = $6 WHERE id = $1;

-- name: LastScan
-- The latest finished scan.
SELECT id, started_at, finished_at, reason, persons, pairs, new_pairs, took_ms
FROM duplicate_scans WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1;

-- name: UpsertPair
-- A pair a scan found: queued when new; a pending pair takes the new
-- weight; a decided one is left as it is.
INSERT INTO duplicate_pairs (person_a, person_b, weight, probability, agree, disagree, status, found_at, scan_id)
VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)
ON CONFLICT (person_a, person_b) DO UPDATE SET weight = excluded.weight, probability = excluded.probability,
    agree = excluded.agree, disagree = excluded.disagree, scan_id = excluded.scan_id
WHERE duplicate_pairs.status = 'pending';

-- name: DropStale
-- Pending pairs an earlier scan found and scan $1 no longer does: a
-- record was corrected, merged or the weights moved below the band.
DELETE FROM duplicate_pairs WHERE status = 'pending' AND scan_id < $1;

-- name: CountPairs
-- Every pair ever queued, decided ones too: a scan counts the new ones
-- by the difference.
SELECT COUNT(*) FROM duplicate_pairs;

-- name: Queue
-- A page of the pending pairs whose records are both live and both in
-- the scope $1–$4, best first: after the pair of weight $5 and id $6,
-- $7 rows.
SELECT d.id, d.person_a, d.person_b, d.weight, d.probability, d.agree, d.disagree, d.status, d.found_at,
       a.last_name, a.first_name, a.patronymic, a.birth_date, a.region_path,
       b.last_name, b.first_name, b.patronymic, b.birth_date, b.region_path
FROM duplicate_pairs d
JOIN persons a ON a.id = d.person_a
JOIN persons b ON b.id = d.person_b
WHERE d.status = 'pending' AND a.merged_into IS NULL AND b.merged_into IS NULL
  AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
  AND b.org_path >= $1 AND b.org_path < $2 AND b.region_path >= $3 AND b.region_path < $4
  AND (d.weight < $5 OR d.weight = $5 AND d.id > $6)
ORDER BY d.weight DESC, d.id
LIMIT $7;

-- name: CountQueue
-- How many pairs Queue pages through in the scope $1–$4, up to $5.
SELECT COUNT(*) FROM (
    SELECT 1 FROM duplicate_pairs d
    JOIN persons a ON a.id = d.person_a
    JOIN persons b ON b.id = d.person_b
    WHERE d.status = 'pending' AND a.merged_into IS NULL AND b.merged_into IS NULL
      AND a.org_path >= $1 AND a.org_path < $2 AND a.region_path >= $3 AND a.region_path < $4
      AND b.org_path >= $1 AND b.org_path < $2 AND b.region_path >= $3 AND b.region_path < $4
    LIMIT $5) q;

-- name: PairByID
SELECT d.id, d.person_a, d.person_b, d.weight, d.probability, d.agree, d.disagree, d.status, d.found_at,
       COALESCE(d.decided_by, 0), COALESCE(u.name, ''), d.decided_at
FROM duplicate_pairs d LEFT JOIN users u ON u.id = d.decided_by
WHERE d.id = $1;

-- name: PairOf
-- The pair of persons $1 and $2 (the lower id first) as it stands.
SELECT id, status, COALESCE(decided_by, 0), decided_at FROM duplicate_pairs WHERE person_a = $1 AND person_b = $2;

-- name: Decide
-- Records decision $2 on pair $1 by user $3 at $4, only while pending:
-- of two reviewers deciding at once, the second changes nothing.
UPDATE duplicate_pairs SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'pending';

-- name: MergedPair
-- A merge of its persons made elsewhere decides pair $1 whatever it
-- was: the records are one now.
UPDATE duplicate_pairs SET status = 'merged', decided_by = $2, decided_at = $3 WHERE id = $1 AND status <> 'merged';

-- name: ReopenPair
-- An undone merge puts pair $1 back as it stood before: status $2,
-- decided by $3 at $4.
UPDATE duplicate_pairs SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND status = 'merged';
