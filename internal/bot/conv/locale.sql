-- name: ChatLocale
SELECT locale FROM bot_conversations WHERE chat_id = $1;

-- name: Restart
-- A chat starts over: it has chosen no language and stands in no flow;
-- its link to a staff account stays. The version still rises, so a
-- button of before is refused.
UPDATE bot_conversations SET locale = '', flow = '', step = '', data = '{}', link_id = NULL,
    version = version + 1, updated_at = $2
WHERE chat_id = $1;
