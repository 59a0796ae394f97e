-- name: ChatLocale
SELECT locale FROM bot_conversations WHERE chat_id = $1;
