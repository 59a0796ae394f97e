-- name: NewMatches
-- Pending proposals to a mentor whose login is linked to a chat (an
-- active account) and who was not told of them yet: the proposal, the
-- chat and the login.
SELECT p.id, c.chat_id, c.user_id
FROM match_proposals p
JOIN mentors m ON m.id = p.mentor_id
JOIN bot_conversations c ON c.user_id = m.user_id
JOIN users u ON u.id = c.user_id AND u.active
WHERE p.status = 'pending' AND NOT EXISTS (
    SELECT 1 FROM bot_staff_notices n WHERE n.kind = 'match' AND n.record_id = p.id AND n.user_id = c.user_id)
ORDER BY p.id LIMIT 100;

-- name: NewTasks
-- Tasks given to a volunteer whose login is linked to a chat and who was
-- not told of them yet.
SELECT t.id, c.chat_id, c.user_id
FROM device_tasks t
JOIN volunteers v ON v.id = t.volunteer_id
JOIN bot_conversations c ON c.user_id = v.user_id
JOIN users u ON u.id = c.user_id AND u.active
WHERE t.status = 'assigned' AND NOT EXISTS (
    SELECT 1 FROM bot_staff_notices n WHERE n.kind = 'task' AND n.record_id = t.id AND n.user_id = c.user_id)
ORDER BY t.id LIMIT 100;

-- name: NewDeliveries
-- Deliveries dispatched (or delivered) to an institution and not yet
-- confirmed, with each linked login of the institution not told of them
-- yet; the flows' check of the login's role follows.
SELECT d.id, c.chat_id, c.user_id
FROM deliveries d
JOIN users u ON u.org_id = d.org_id AND u.active
JOIN bot_conversations c ON c.user_id = u.id
WHERE d.status IN ('dispatched', 'delivered') AND NOT EXISTS (
    SELECT 1 FROM bot_staff_notices n WHERE n.kind = 'delivery' AND n.record_id = d.id AND n.user_id = c.user_id)
ORDER BY d.id, c.user_id LIMIT 100;

-- name: PutNotice
-- Records notice $1 of record $2 to user $3; no row when it was recorded
-- already.
INSERT INTO bot_staff_notices (kind, record_id, user_id, sent_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (kind, record_id, user_id) DO NOTHING;
