-- Webhooks for people who are away (docs/integration.md, "Webhooks").
--
-- An outbox: a trigger on messages writes the events in the sending transaction,
-- so an event exists exactly when its message does, whatever path stored it
-- (the batched writer, system messages), and survives restarts and dead replicas.
-- Each replica's dispatcher (dev.parley.webhook) claims due events, decides
-- whether they still apply, sends them and deletes them once a 2xx came back.

-- One row the service writes at start-up from its configuration
-- (webhook.OutboxSwitch), so the trigger knows whether to write anything without
-- a setting of its own. With several replicas the one that started last decides.
CREATE TABLE webhook_settings (
    id            BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    enabled       BOOLEAN NOT NULL DEFAULT FALSE,
    -- NULL: no message.unread events.
    unread_delay  INTERVAL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO webhook_settings DEFAULT VALUES;

CREATE TABLE webhook_events (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(), -- the event's "id", the same on every attempt
    type             VARCHAR(32) NOT NULL CHECK (type IN ('message.created', 'message.unread')),
    message_id       BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id          BIGINT NOT NULL,                -- the recipient
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- When the event applies: the message's arrival, or the end of the unread delay.
    -- Fixed, unlike available_at; the age metric counts from it.
    due_at           TIMESTAMPTZ NOT NULL,
    -- When it may be sent next: due_at, then the backoff after each failure.
    available_at     TIMESTAMPTZ NOT NULL,
    -- A replica's claim: nobody else takes the event before locked_until, and only
    -- the holder of claim_id may record its outcome. A dead replica's claim lapses.
    locked_until     TIMESTAMPTZ,
    claim_id         UUID,
    attempts         INT NOT NULL DEFAULT 0,
    -- The exact bytes sent, frozen at the first attempt so every retry is identical.
    body             TEXT,
    last_error       VARCHAR(500),
    last_attempt_at  TIMESTAMPTZ,
    dead_at          TIMESTAMPTZ                     -- set when the last attempt failed: a dead letter
);
-- What the dispatchers scan: pending events by the time they may be sent.
CREATE INDEX webhook_events_pending ON webhook_events (available_at) WHERE dead_at IS NULL;
CREATE INDEX webhook_events_dead ON webhook_events (dead_at DESC, id) WHERE dead_at IS NOT NULL;
CREATE INDEX webhook_events_message ON webhook_events (message_id);

-- Statement level: one run per INSERT, however many rows the batched writer
-- stores. When webhooks are off it costs one primary-key read of webhook_settings.
-- A NULL sender (a system message) leaves every member a recipient; public rooms
-- get no events.
CREATE FUNCTION webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    settings webhook_settings;
BEGIN
    SELECT * INTO settings FROM webhook_settings WHERE id;
    IF NOT FOUND OR NOT settings.enabled THEN
        RETURN NULL;
    END IF;
    INSERT INTO webhook_events (type, message_id, user_id, due_at, available_at)
    SELECT t.type, n.id, m.user_id, now() + t.delay, now() + t.delay
      FROM new_messages n
      JOIN conversations c ON c.id = n.conversation_id AND c.kind <> 'room'
      JOIN members m ON m.conversation_id = n.conversation_id AND m.user_id IS DISTINCT FROM n.sender_id
     CROSS JOIN (VALUES ('message.created', INTERVAL '0'), ('message.unread', settings.unread_delay)) AS t (type, delay)
     WHERE t.delay IS NOT NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER messages_webhook_outbox
    AFTER INSERT ON messages
    REFERENCING NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION webhook_outbox();
