-- A number kept for a change made on another line of work at the same
-- time; it changes nothing. Whoever merges both keeps the other one.
SELECT 1;
