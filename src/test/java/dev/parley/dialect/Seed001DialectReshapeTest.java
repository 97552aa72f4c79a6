package dev.parley.dialect;

import dev.parley.protocol.MessageType;
import dev.parley.protocol.ServerFrame;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Seed 001's reshaping, field by field: a 1:1 message becomes new_message, nothing else changes. */
class Seed001DialectReshapeTest {

    final Instant stored = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aDirectMessageBecomesNewMessageWithEveryField() {
        ServerFrame reshaped = Seed001Dialect.reshape(new ServerFrame.ChatMessage(456, 12, 17, 2, "bob",
                "https://a/2.png", 789, "Привет!", "c-1", stored));
        ServerFrame.NewMessage frame = (ServerFrame.NewMessage) reshaped;
        assertEquals(12, frame.chatId());
        assertEquals(stored, frame.timestamp());
        assertNull(frame.history());
        ServerFrame.MessageBody message = frame.message();
        assertEquals(456, message.id());
        assertEquals(17, message.seq());
        assertEquals("Привет!", message.content());
        assertEquals(2L, message.senderId());
        assertEquals("bob", message.senderUsername());
        assertEquals("https://a/2.png", message.senderAvatar());
        assertEquals(stored, message.createdAt());
        assertEquals(MessageType.TEXT, message.messageType());
        assertEquals("c-1", message.clientMsgId());
        assertNull(message.deleted());
    }

    @Test
    void otherFramesPassUnchanged() {
        ServerFrame typing = new ServerFrame.Typing(12L, 2, "bob", true, stored);
        ServerFrame group = new ServerFrame.NewMessage(77, new ServerFrame.MessageBody(1, 1, "hi", 2L, "bob", null,
                stored, MessageType.TEXT, null, null), null, stored);
        assertSame(typing, Seed001Dialect.reshape(typing));
        assertSame(group, Seed001Dialect.reshape(group));
    }
}
