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

-- name: StatusesOfChat
-- The requests Telegram chat $1 follows, newest first, from before
-- request $2: a page of $3, with the campaign's short name.
SELECT r.id, r.status, r.reason, r.reference, c.slug
FROM request_chats rc JOIN requests r ON r.id = rc.request_id JOIN campaigns c ON c.id = r.campaign_id
WHERE rc.chat_id = $1 AND rc.request_id < $2
ORDER BY rc.request_id DESC LIMIT $3;
