package dev.parley.dialect.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Engine.IO and Socket.IO text forms, as the protocol documents spell them. */
class PacketCodecTest {

    final SocketPacketCodec codec = new SocketPacketCodec(new ObjectMapper());

    @Test
    void enginePacketsRoundTrip() {
        for (String text : List.of("0{\"sid\":\"x\"}", "1", "2", "2probe", "3probe", "4hello", "5", "6")) {
            assertEquals(text, EnginePacket.decode(text).encode());
        }
        assertThrows(EngineProtocolException.class, () -> EnginePacket.decode("bAQID"));
        assertThrows(EngineProtocolException.class, () -> EnginePacket.decode(""));
        assertThrows(EngineProtocolException.class, () -> EnginePacket.decode("9"));
    }

    @Test
    void aPollingPayloadIsSplitOnRecordSeparators() {
        List<EnginePacket> packets = EnginePacket.decodePayload("3\u001e42[\"typing\",{}]\u001e1");
        assertEquals(List.of(new EnginePacket.Pong(""), new EnginePacket.Message("2[\"typing\",{}]"),
                new EnginePacket.Close()), packets);
        assertEquals("2\u001e6", EnginePacket.encodePayload(List.of("2", "6")));
    }

    @Test
    void socketIoPacketsDecode() {
        var connect = assertInstanceOf(SocketPacket.Connect.class, codec.decode("0{\"token\":\"t\"}"));
        assertEquals("t", connect.data().path("token").asText());
        assertNull(assertInstanceOf(SocketPacket.Connect.class, codec.decode("0")).data());
        assertEquals("/admin", codec.decode("0/admin,").namespace());

        var event = assertInstanceOf(SocketPacket.Event.class, codec.decode("212[\"send_message\",{\"chatId\":1}]"));
        assertEquals(12L, event.ackId());
        assertEquals("send_message", event.name());
        assertNull(assertInstanceOf(SocketPacket.Event.class, codec.decode("2[\"typing\"]")).ackId());
        assertInstanceOf(SocketPacket.Disconnect.class, codec.decode("1"));
    }

    @Test
    void socketIoPacketsEncode() {
        assertEquals("3" + 7 + "[{\"ok\":true}]", codec.encode(new SocketPacket.Ack("/", 7,
                codec.array().add(codec.object().put("ok", true)))));
        assertEquals("4{\"message\":\"no\"}", codec.encode(new SocketPacket.ConnectError("/", "no")));
        assertEquals("2[\"user_online\",{\"userId\":1}]", codec.encode(codec.event("user_online",
                codec.object().put("userId", 1))));
        assertEquals("0{\"sid\":\"s\"}", codec.encode(new SocketPacket.Connect("/", codec.object().put("sid", "s"))));
    }

    @Test
    void malformedAndBinarySocketIoPacketsAreRefused() {
        for (String bad : List.of("", "2{}", "2[1]", "2[\"x\"", "51-[\"upload\",{\"_placeholder\":true,\"num\":0}]",
                "6", "9")) {
            assertThrows(EngineProtocolException.class, () -> codec.decode(bad), bad);
        }
    }
}
