-- The staff's conversations with the bot (issue 14): a volunteer's
-- check-in at a task, and the notices that told staff of what newly waits
-- for them.
--
-- volunteer_checkins holds at most one open check-in per volunteer: the
-- task they checked in at and when. Checking out removes it and logs the
-- time between as the volunteer's hours for the task.
--
-- bot_staff_notices remembers each notice sent, so that none is sent
-- twice: kind (match | task | delivery), the record it was about and the
-- user told.

CREATE TABLE volunteer_checkins (
    volunteer_id BIGINT PRIMARY KEY REFERENCES volunteers(id),
    task_id      BIGINT NOT NULL REFERENCES device_tasks(id),
    started_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE bot_staff_notices (
    kind      TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    user_id   BIGINT NOT NULL REFERENCES users(id),
    sent_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, record_id, user_id)
);
