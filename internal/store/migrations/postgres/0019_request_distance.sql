-- How far the child lives from school, in metres, as the family or the
-- school list gives it; NULL when not known. A priority weight may award
-- points by bands of this distance.
ALTER TABLE requests ADD COLUMN distance_m INTEGER;
