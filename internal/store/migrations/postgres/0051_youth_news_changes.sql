-- Indexes on the times the young people's news looks for changes by.
--
-- After its first pass the notifier reads only the young people with
-- something new since the pass before: proposals and mentorships updated,
-- sessions logged and chats linked at or after a moment. Each of these
-- indexes lets that read start from the rows changed since then instead of
-- reading the whole table, so a pass costs what changed, not how many
-- proposals, mentorships, sessions and chats there are.

CREATE INDEX match_proposals_updated ON match_proposals(updated_at);
CREATE INDEX mentorships_updated ON mentorships(updated_at);
CREATE INDEX mentorship_sessions_created ON mentorship_sessions(created_at);
CREATE INDEX youth_chats_created ON youth_chats(created_at);
