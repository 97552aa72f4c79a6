-- Edits and deletes get a place in the conversation's history too, so a client
-- that reconnects can be sent what changed since it last looked (sync).
ALTER TABLE conversations ADD COLUMN last_event_seq BIGINT NOT NULL DEFAULT 0;
-- The conversation's event seq when the message was created...
ALTER TABLE messages ADD COLUMN event_seq BIGINT NOT NULL DEFAULT 0;
-- ...and when it was last edited or deleted.
ALTER TABLE messages ADD COLUMN changed_event_seq BIGINT;
CREATE INDEX messages_changed ON messages (conversation_id, changed_event_seq) WHERE changed_event_seq IS NOT NULL;
