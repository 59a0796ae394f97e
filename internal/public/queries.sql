-- The public side: the status page's one read and one write of requests.

-- name: StatusByReference
-- The status page's read: by reference and the last ten digits of the
-- guardian's phone together, so a wrong phone reads as an unknown
-- reference, through the same index and in the same time.
SELECT id, status, reason FROM requests WHERE reference = $1 AND phone_digits = $2;

-- name: MarkShown
-- The status page has shown request $1's pending messages: delivered.
UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, last_error = ''
WHERE request_id = $1 AND channel = 'status_page' AND state = 'pending';
