-- Indexes for the dashboard's fresh count of a campaign (internal/dashboard,
-- snapshot.sql), which a final report also makes.
--
-- The count reads every request of the campaign, grouped by region path
-- and status, with its person (the categories held) and its lines (items
-- and units). These two indexes hold all it reads: the requests of a
-- campaign in region path and status order, so the count by status is one
-- pass over the index with no sort and no read of the table, and a
-- request's lines with their items and units, so joining them reads no
-- line of the table either.

CREATE INDEX requests_campaign_region ON requests(campaign_id, region_path, status, person_id);
CREATE INDEX request_lines_request_item ON request_lines(request_id, item_id, quantity);
