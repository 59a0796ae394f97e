-- Invitations to an event and reminders of it (invite.go). The request
-- outbox is their record: a message of key $2 about request $1 whose
-- arguments name the event ($3: the pattern '%"Event":"<id>"%').

-- name: MessagesAbout
-- How many messages of key $2 about event $3 request $1 has had.
SELECT count(*) FROM outbox WHERE request_id = $1 AND message_key = $2 AND args LIKE $3;

-- name: InvitedTo
-- The requests invited to the event of pattern $2 (key $1).
SELECT DISTINCT request_id FROM outbox WHERE message_key = $1 AND args LIKE $2 AND request_id IS NOT NULL
ORDER BY request_id;

-- name: EventsStarting
-- The events still planned or open that start within [$1, $2).
SELECT id FROM distribution_events WHERE status IN ('planned', 'open') AND starts_at >= $1 AND starts_at < $2
ORDER BY id;
