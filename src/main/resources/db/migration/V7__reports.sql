-- Moderation: members report messages, admins resolve the reports, and every
-- admin action is kept in an audit log.

CREATE TABLE reports (
    id           BIGSERIAL PRIMARY KEY,
    message_id   BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    reporter_id  BIGINT NOT NULL REFERENCES users (id),
    reason       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    -- All NULL while the report is open; set together when an admin resolves it.
    resolved_at  TIMESTAMPTZ,
    resolved_by  BIGINT REFERENCES users (id),
    resolution   VARCHAR(16) CHECK (resolution IN ('delete_message', 'ban_user', 'dismiss')),
    note         TEXT,
    CHECK ((resolved_at IS NULL) = (resolution IS NULL) AND (resolved_at IS NULL) = (resolved_by IS NULL))
);
-- A reporter has at most one open report per message: reporting again finds it.
CREATE UNIQUE INDEX reports_open_once ON reports (message_id, reporter_id) WHERE resolved_at IS NULL;
-- The admins' queue of open reports, oldest first.
CREATE INDEX reports_open ON reports (id) WHERE resolved_at IS NULL;

-- No foreign keys: the log outlives what it names (a chat deleted with its
-- messages and reports), and later features record actions on other things.
CREATE TABLE audit_log (
    id              BIGSERIAL PRIMARY KEY,
    actor_id        BIGINT NOT NULL,
    action          VARCHAR(64) NOT NULL,
    report_id       BIGINT,
    message_id      BIGINT,
    target_user_id  BIGINT,
    note            TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
