-- Held for a schema of the main line that takes this number; this file
-- only keeps the numbers contiguous on the report branch and gives way to
-- it on merge.
SELECT 1;
