-- Held for the sponsors' schema, which takes this number in the main line;
-- this file only keeps the numbers contiguous on the volunteers branch and
-- gives way to it on merge.
SELECT 1;
