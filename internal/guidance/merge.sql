-- The merge hooks (merge.go): each reference of the record dropped is
-- read by id, then moved one row at a time, so that the merge can record
-- the ids and the undo move exactly those rows back.

-- name: MergeAssessments
SELECT id FROM assessments WHERE person_id = $1 ORDER BY id;

-- name: MoveAssessment
UPDATE assessments SET person_id = $1 WHERE id = $2;

-- name: MergePlacements
-- The placements of person $1 on offers person $2 is not placed on.
SELECT l.id FROM placements l
WHERE l.person_id = $1
  AND NOT EXISTS (SELECT 1 FROM placements k WHERE k.person_id = $2 AND k.offer_id = l.offer_id)
ORDER BY l.id;

-- name: MovePlacement
UPDATE placements SET person_id = $1 WHERE id = $2;

-- name: PlacementRows
-- The placements of person $1 as stored, for a merge to compare.
SELECT id, offer_id, outcome, decided_on, notes, updated_at FROM placements WHERE person_id = $1;

-- name: SetPlacementRow
UPDATE placements SET outcome = $1, decided_on = $2, notes = $3, updated_at = $4 WHERE id = $5;
