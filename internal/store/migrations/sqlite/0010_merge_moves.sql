-- What the merge hooks of other domains moved (people.Service.OnMerge):
-- one row per merge and hook, its JSON what the hook needs to move it
-- back. The registry's own moves stay in merges.moved.
--
-- Merges made before the hooks kept the assessments and placements they
-- moved in merges.moved; they move here, under the hooks that now undo
-- them ("assessments": the ids; "placements": the ids and the outcomes
-- replaced on offers both records were placed on).

CREATE TABLE merge_moves (
    merge_id INTEGER NOT NULL REFERENCES merges(id),
    hook     TEXT NOT NULL,
    moved    TEXT NOT NULL,
    PRIMARY KEY (merge_id, hook)
);

INSERT INTO merge_moves (merge_id, hook, moved)
SELECT id, 'assessments', json_extract(moved, '$.assessments') FROM merges
WHERE json_array_length(moved, '$.assessments') > 0;

INSERT INTO merge_moves (merge_id, hook, moved)
SELECT id, 'placements', json_object('placements', json(COALESCE(json_extract(moved, '$.placements'), '[]')),
                                     'outcomes', json(COALESCE(json_extract(moved, '$.outcomes'), '[]')))
FROM merges
WHERE json_array_length(moved, '$.placements') > 0 OR json_array_length(moved, '$.outcomes') > 0;

UPDATE merges SET moved = json_remove(moved, '$.assessments', '$.placements', '$.outcomes');
