-- Who may talk to whom (parley.policy.direct), the platform's backend as a
-- sender of system messages, and blocks.

-- Roles as the user's latest token (or the platform's backend) stated them:
-- the contact policy needs the other party's role, whose token it never sees.
ALTER TABLE users ADD COLUMN roles TEXT[] NOT NULL DEFAULT '{}';

-- Pairs managed by admins and the platform's backend.
CREATE TABLE mentorships (
    mentor_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    student_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (mentor_id, student_id),
    CHECK (mentor_id <> student_id)
);
CREATE INDEX mentorships_by_student ON mentorships (student_id);

-- blocker_id no longer hears from blocked_id directly (and may not write to them).
CREATE TABLE blocks (
    blocker_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

-- System messages come from the platform, not from a user.
ALTER TABLE messages ADD COLUMN message_type VARCHAR(16) NOT NULL DEFAULT 'text'
    CHECK (message_type IN ('text', 'system'));
ALTER TABLE messages ALTER COLUMN sender_id DROP NOT NULL;
ALTER TABLE messages ADD CONSTRAINT messages_sender_by_type CHECK ((message_type = 'system') = (sender_id IS NULL));
-- The platform's retries find the first attempt's message or group.
ALTER TABLE messages ADD COLUMN idempotency_key VARCHAR(200);
CREATE UNIQUE INDEX messages_idempotency_key ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
ALTER TABLE conversations ADD COLUMN idempotency_key VARCHAR(200);
CREATE UNIQUE INDEX conversations_idempotency_key ON conversations (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The one definition of "may a reach b directly" (a message, typing, a read or
-- presence), used by the batched message writer and by every check, so the
-- rule cannot differ between paths: nobody across a block (either way), and under
-- the mentorships policy only a mentorship pair or a pair with an admin in it.
CREATE FUNCTION parley_may_reach(a BIGINT, b BIGINT, mentorships_only BOOLEAN) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT NOT EXISTS (SELECT 1 FROM blocks
                        WHERE (blocker_id = a AND blocked_id = b) OR (blocker_id = b AND blocked_id = a))
       AND (NOT mentorships_only
            OR EXISTS (SELECT 1 FROM mentorships
                        WHERE (mentor_id = a AND student_id = b) OR (mentor_id = b AND student_id = a))
            OR EXISTS (SELECT 1 FROM users WHERE id IN (a, b) AND 'admin' = ANY (roles)))
$$;
