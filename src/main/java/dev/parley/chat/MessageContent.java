package dev.parley.chat;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.text.Normalizer;

/**
 * Message text is plain text, never markup: it is normalised (NFC), stripped of
 * control characters other than newline and tab, trimmed, and must then be
 * non-empty and within {@link ChatConfig#maxContentLength()}.
 */
@ApplicationScoped
public class MessageContent {

    private final ChatConfig config;

    MessageContent(ChatConfig config) {
        this.config = config;
    }

    public String clean(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
                .strip();
        if (text.isEmpty()) {
            throw new ChatException(ErrorCode.EMPTY_CONTENT, "Message content is empty");
        }
        if (text.codePointCount(0, text.length()) > config.maxContentLength()) {
            throw new ChatException(ErrorCode.CONTENT_TOO_LONG,
                    "Message content is longer than " + config.maxContentLength() + " characters");
        }
        return text;
    }

    /** A client_msg_id is optional; when given it is a non-blank string of bounded length. */
    public String clientMsgId(String clientMsgId) {
        if (clientMsgId != null && (clientMsgId.isBlank() || clientMsgId.length() > config.maxClientMsgIdLength())) {
            throw new ChatException(ErrorCode.INVALID_FIELD,
                    "client_msg_id must be 1 to " + config.maxClientMsgIdLength() + " characters");
        }
        return clientMsgId;
    }
}
