-- Parley's chat schema. Direct chats, groups and public rooms share these
-- tables: a conversation has members, members have watermarks, messages have a
-- per-conversation sequence.

CREATE TABLE users (
    id          BIGINT PRIMARY KEY,            -- the JWT "sub" claim
    username    VARCHAR(100) NOT NULL,
    avatar_url  VARCHAR(2048),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen   TIMESTAMPTZ
);

CREATE TABLE conversations (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('direct', 'group', 'room')),
    name        VARCHAR(100),
    -- "lowId:highId" for a direct chat, so a pair has exactly one conversation.
    direct_key  VARCHAR(50) UNIQUE,
    -- The last seq handed out; incremented under the row lock of the sending
    -- transaction, so seq is gap-free and strictly increasing per conversation.
    last_seq    BIGINT NOT NULL DEFAULT 0,
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'direct') = (direct_key IS NOT NULL))
);
CREATE UNIQUE INDEX conversations_room_name ON conversations (name) WHERE kind = 'room';

CREATE TABLE members (
    conversation_id     BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id             BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Watermarks instead of a row per message per reader.
    last_delivered_seq  BIGINT NOT NULL DEFAULT 0,
    last_read_seq       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);

CREATE TABLE messages (
    id               BIGSERIAL PRIMARY KEY,
    conversation_id  BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq              BIGINT NOT NULL,
    sender_id        BIGINT NOT NULL REFERENCES users (id),
    content          TEXT,                     -- NULL once deleted
    client_msg_id    VARCHAR(64),
    created_at       TIMESTAMPTZ NOT NULL,
    edited_at        TIMESTAMPTZ,
    deleted_at       TIMESTAMPTZ,
    CONSTRAINT messages_seq_unique UNIQUE (conversation_id, seq),
    -- A retry with the same client_msg_id from the same sender finds this row.
    CONSTRAINT messages_client_id_unique UNIQUE (sender_id, client_msg_id)
);
