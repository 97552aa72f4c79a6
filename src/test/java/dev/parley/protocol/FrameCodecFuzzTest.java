package dev.parley.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.error.ChatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random and mutated frames thrown at the decoder (seeded, so a failure
 * reproduces): every input is either a valid frame or a {@link ChatException}
 * with a code, never anything else.
 */
class FrameCodecFuzzTest {

    private static final List<String> SEEDS = List.of(
            "{\"type\":\"message\",\"recipient_id\":123,\"content\":\"Hello\",\"client_msg_id\":\"c-1\"}",
            "{\"type\":\"message\",\"chat_id\":7,\"content\":\"Hi\"}",
            "{\"type\":\"typing\",\"recipient_id\":123,\"is_typing\":false}",
            "{\"type\":\"read\",\"message_id\":456}",
            "{\"type\":\"read_messages\",\"chat_id\":7}",
            "{\"type\":\"join_chat\",\"chat_id\":7}",
            "{\"type\":\"status\",\"status\":\"away\"}",
            "{\"type\":\"sync\",\"chats\":{\"7\":41}}",
            "{\"type\":\"ping\"}");
    private static final String ALPHABET =
            "{}[]\":,0123456789-.eE+truefalsnl \\u00e9\u0000\u007f\uD83D\uDE00typemssagchtid_";

    private final FrameCodec codec = new FrameCodec(new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule()));

    @Test
    void mutatedFramesDecodeOrAreRefusedWithACode() {
        Random random = new Random(20261122);
        for (int i = 0; i < 50_000; i++) {
            String seed = SEEDS.get(random.nextInt(SEEDS.size()));
            decode(mutate(seed, random, 1 + random.nextInt(4)));
        }
    }

    @Test
    void randomTextIsRefusedWithACode() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            decode(text.toString());
        }
    }

    private void decode(String text) {
        try {
            codec.decode(text);
        } catch (ChatException refused) {
            if (refused.code() == null) {
                fail("A refusal without a code for: " + text);
            }
        } catch (RuntimeException unexpected) {
            fail("Decoding " + text + " threw " + unexpected);
        }
    }

    private static String mutate(String seed, Random random, int edits) {
        StringBuilder text = new StringBuilder(seed);
        for (int i = 0; i < edits && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(12))));
            }
        }
        return text.toString();
    }
}
