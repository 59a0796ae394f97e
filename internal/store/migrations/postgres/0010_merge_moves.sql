-- What the merge hooks of other domains moved (people.Service.OnMerge):
-- one row per merge and hook, its JSON what the hook needs to move it
-- back. The registry's own moves stay in merges.moved.
--
-- Merges made before the hooks kept the assessments and placements they
-- moved in merges.moved; they move here, under the hooks that now undo
-- them ("assessments": the ids; "placements": the ids and the outcomes
-- replaced on offers both records were placed on).

CREATE TABLE merge_moves (
    merge_id BIGINT NOT NULL REFERENCES merges(id),
    hook     TEXT NOT NULL,
    moved    TEXT NOT NULL,
    PRIMARY KEY (merge_id, hook)
);

INSERT INTO merge_moves (merge_id, hook, moved)
SELECT id, 'assessments', (moved::jsonb -> 'assessments')::text FROM merges
WHERE jsonb_array_length(COALESCE(moved::jsonb -> 'assessments', '[]')) > 0;

INSERT INTO merge_moves (merge_id, hook, moved)
SELECT id, 'placements', jsonb_build_object('placements', COALESCE(moved::jsonb -> 'placements', '[]'),
                                            'outcomes', COALESCE(moved::jsonb -> 'outcomes', '[]'))::text
FROM merges
WHERE jsonb_array_length(COALESCE(moved::jsonb -> 'placements', '[]')) > 0
   OR jsonb_array_length(COALESCE(moved::jsonb -> 'outcomes', '[]')) > 0;

UPDATE merges SET moved = (moved::jsonb - 'assessments' - 'placements' - 'outcomes')::text;
