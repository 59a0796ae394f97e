-- name: RequestForHandover
SELECT id, reference, status, campaign_id, locale, applicant_phone, org_path, region_path
FROM requests WHERE id = $1 FOR UPDATE;
