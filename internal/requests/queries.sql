-- Requests: submission (submit.go), reads (read.go), transitions
-- (transition.go), review (review.go) and the outbox (outbox.go).

-- name: PersonForRequest
-- What a submission needs of the person: their scope, their region and
-- whether the record was merged into another.
SELECT p.id, p.last_name, p.first_name, p.patronymic, p.region_id, p.region_path,
       COALESCE(p.org_id, 0), p.org_path, COALESCE(p.merged_into, 0), p.phone, p.birth_date
FROM persons p WHERE p.id = $1;

-- name: CampaignForRequest
-- Whether campaign $1 takes applications on day $2: open, and the day
-- between its start and its last day of applications.
SELECT id, status, starts_on, COALESCE(apply_until, ends_on),
       (SELECT count(*) FROM campaign_regions WHERE campaign_id = $1)
FROM campaigns WHERE id = $1;

-- name: CampaignCovers
-- Whether one of campaign $1's regions holds region path $2.
SELECT count(*) FROM campaign_regions
WHERE campaign_id = $1 AND substr(CAST($2 AS TEXT), 1, length(region_path)) = region_path;

-- name: CampaignItem
-- Item $2 as campaign $1 offers it, with the sizes it comes in and its
-- names in the five languages.
SELECT i.id, i.code, i.name_en, i.sizing, i.is_kit, i.name_kk, i.name_ru, i.name_fr, i.name_fa
FROM campaign_items c JOIN aid_items i ON i.id = c.item_id
WHERE c.campaign_id = $1 AND c.item_id = $2 AND i.active;

-- name: ExistingRequest
SELECT id FROM requests WHERE campaign_id = $1 AND person_id = $2;

-- name: InsertRequest
INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, applicant_person_id, applicant_org_id,
    applicant_name, applicant_phone, phone_digits, channel, locale, status, org_id, org_path, region_id,
    region_path, version, created_by, submitted_at, updated_at, distance_m)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $18, $18, $19)
RETURNING id;

-- name: InsertLine
INSERT INTO request_lines (request_id, line, item_id, quantity, size) VALUES ($1, $2, $3, $4, $5);

-- name: InsertEvent
INSERT INTO request_events (request_id, from_status, to_status, reason, note, actor_id, actor_name, via, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: InsertOutbox
INSERT INTO outbox (request_id, channel, address, locale, message_key, args, state, attempts, created_at)
VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7);

-- name: RequestFrom
-- The start of every read of requests; RequestByID, RequestByReference
-- or a list's condition completes it.
SELECT r.id, r.reference, r.campaign_id, r.person_id, p.last_name, p.first_name, p.patronymic,
       r.applicant_kind, COALESCE(r.applicant_person_id, 0), COALESCE(r.applicant_org_id, 0),
       r.applicant_name, r.applicant_phone, r.channel, r.locale, r.status, r.reason, r.reason_note,
       COALESCE(r.reviewer_id, 0), COALESCE(u.name, ''), COALESCE(r.org_id, 0), r.org_path, r.region_id,
       r.region_path, r.version, COALESCE(r.created_by, 0), r.submitted_at, r.updated_at,
       COALESCE(p.merged_into, 0), r.distance_m
FROM requests r JOIN persons p ON p.id = r.person_id LEFT JOIN users u ON u.id = r.reviewer_id

-- name: RequestByID
WHERE r.id = $1

-- name: RequestByReference
WHERE r.reference = $1

-- name: Lines
SELECT l.line, l.item_id, i.code, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa, l.quantity, l.size
FROM request_lines l JOIN aid_items i ON i.id = l.item_id
WHERE l.request_id = $1 ORDER BY l.line;

-- name: Events
SELECT id, from_status, to_status, reason, note, COALESCE(actor_id, 0), actor_name, via, at
FROM request_events WHERE request_id = $1 ORDER BY id;

-- name: SetStatus
-- Moves request $1 from version $2 to status $3; no row when another
-- change came first (optimistic concurrency).
UPDATE requests SET status = $3, reason = $4, reason_note = $5, version = version + 1, updated_at = $6
WHERE id = $1 AND version = $2;

-- name: SetReviewer
UPDATE requests SET reviewer_id = $3, version = version + 1, updated_at = $4
WHERE id = $1 AND version = $2;

-- name: ReviewerScope
-- Whether user $1 is active, their name, role and scope.
SELECT u.active, u.name, u.role, COALESCE(o.path, ''), COALESCE(r.path, '')
FROM users u LEFT JOIN organisations o ON o.id = u.org_id LEFT JOIN regions r ON r.id = u.region_id
WHERE u.id = $1;

-- name: CampaignList
-- A page of campaign $5's requests within the scope ($1–$4), newest
-- first, below id $6. requests_campaign_status serves the status filter;
-- without it the scan walks the primary key down from $6.
WHERE r.campaign_id = $5 AND r.id < $6 AND p.merged_into IS NULL
  AND r.org_path >= $1 AND r.org_path < $2 AND r.region_path >= $3 AND r.region_path < $4
ORDER BY r.id DESC LIMIT $7

-- name: CampaignListByStatus
WHERE r.campaign_id = $5 AND r.status = $8 AND r.id < $6 AND p.merged_into IS NULL
  AND r.org_path >= $1 AND r.org_path < $2 AND r.region_path >= $3 AND r.region_path < $4
ORDER BY r.id DESC LIMIT $7

-- name: CampaignListByReviewer
-- The same page of those reviewed by user $8, of status $9 or of any
-- when ''; requests_reviewer holds a reviewer's requests together.
WHERE r.reviewer_id = $8 AND r.campaign_id = $5 AND (CAST($9 AS TEXT) = '' OR r.status = $9) AND r.id < $6
  AND p.merged_into IS NULL
  AND r.org_path >= $1 AND r.org_path < $2 AND r.region_path >= $3 AND r.region_path < $4
ORDER BY r.id DESC LIMIT $7

-- name: InsertComment
INSERT INTO request_comments (request_id, author_id, author_name, body, at) VALUES ($1, $2, $3, $4, $5)
RETURNING id;

-- name: Comments
SELECT id, COALESCE(author_id, 0), author_name, body, at FROM request_comments
WHERE request_id = $1 ORDER BY id;

-- name: InsertDocument
INSERT INTO request_documents (request_id, name, content_type, size, data, uploaded_by, uploaded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id;

-- name: Documents
SELECT id, request_id, name, content_type, size, COALESCE(uploaded_by, 0), uploaded_at FROM request_documents
WHERE request_id = $1 ORDER BY id;

-- name: Document
SELECT id, request_id, name, content_type, size, COALESCE(uploaded_by, 0), uploaded_at, data FROM request_documents
WHERE id = $1 AND request_id = $2;

-- name: PendingOutbox
SELECT id, COALESCE(request_id, 0), channel, address, locale, message_key, args, state, attempts, last_error,
       created_at
FROM outbox WHERE channel = $1 AND state = 'pending' AND id > $2 ORDER BY id LIMIT $3;

-- name: OutboxOfRequest
SELECT id, COALESCE(request_id, 0), channel, address, locale, message_key, args, state, attempts, last_error,
       created_at
FROM outbox WHERE request_id = $1 ORDER BY id;

-- name: MarkSent
UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, last_error = '' WHERE id = $1;

-- name: SetOutboxArgs
-- A message's arguments rewritten: a one-time code blanked once it went.
UPDATE outbox SET args = $2 WHERE id = $1;

-- name: MarkFailed
-- A message failing $3 times in all is given up (failed); until then it
-- stays pending for the next round.
UPDATE outbox SET attempts = attempts + 1, last_error = $2,
    state = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END
WHERE id = $1;

-- name: CampaignChoices
-- Every campaign but the drafts, newest first, with its name in locale
-- $1 or else in any language it has.
SELECT c.id, c.slug, c.status,
       COALESCE((SELECT name FROM campaign_texts t WHERE t.campaign_id = c.id AND t.locale = $1),
                (SELECT min(name) FROM campaign_texts t WHERE t.campaign_id = c.id), c.slug)
FROM campaigns c WHERE c.status <> 'draft' ORDER BY c.starts_on DESC, c.id DESC LIMIT 200;

-- name: CampaignOffer
SELECT i.id, i.code, i.sizing, i.is_kit, i.name_en, i.name_kk, i.name_ru, i.name_fr, i.name_fa
FROM campaign_items c JOIN aid_items i ON i.id = c.item_id
WHERE c.campaign_id = $1 AND i.active ORDER BY c.position, i.sort, i.id;

-- name: RequestRows
-- The requests of person $1 as the merge hook reads and writes them.
SELECT id, campaign_id, status, reason, reason_note, COALESCE(reviewer_id, 0), version, updated_at
FROM requests WHERE person_id = $1 ORDER BY id;

-- name: MoveRequest
UPDATE requests SET person_id = $2 WHERE id = $1;

-- name: SetRequestRow
UPDATE requests SET status = $2, reason = $3, reason_note = $4, reviewer_id = $5, version = $6, updated_at = $7
WHERE id = $1;

-- name: CampaignBySlug
SELECT id, slug, status, starts_on, COALESCE(apply_until, ends_on) FROM campaigns WHERE slug = $1;
