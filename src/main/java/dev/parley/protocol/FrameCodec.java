package dev.parley.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * JSON text to {@link ClientFrame} and {@link ServerFrame} to JSON text: Parley's
 * own {@link Dialect}, and the form every frame crosses the cluster in. Decoding
 * is strict, since client data is never trusted: no string-to-number or
 * float-to-integer coercion, no duplicate keys. Every rejection is a
 * {@link ChatException} whose code says what was wrong.
 */
@ApplicationScoped
public class FrameCodec implements Dialect {

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final ObjectReader serverReader;

    FrameCodec(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.reader = strict.readerFor(ClientFrame.class);
        this.writer = mapper.writerFor(ServerFrame.class);
        this.serverReader = mapper.readerFor(ServerFrame.class);
    }

    public ClientFrame decode(String text) {
        if (!text.stripLeading().startsWith("{")) {
            throw new ChatException(ErrorCode.INVALID_JSON, "A frame is a JSON object with a type");
        }
        try {
            ClientFrame frame = reader.readValue(text);
            if (frame == null) {
                throw new ChatException(ErrorCode.INVALID_JSON, "A frame is a JSON object with a type");
            }
            return frame;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ChatException refusal) {
                throw refusal;
            }
            throw new ChatException(ErrorCode.INVALID_FIELD, "Invalid frame");
        } catch (InvalidTypeIdException e) {
            if (e.getTypeId() == null) {
                throw new ChatException(ErrorCode.MISSING_FIELD, "Missing type");
            }
            throw new ChatException(ErrorCode.UNKNOWN_TYPE, "Unknown frame type: " + abbreviate(e.getTypeId()));
        } catch (StreamReadException e) {
            throw new ChatException(ErrorCode.INVALID_JSON, "Frame is not valid JSON");
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new ChatException(ErrorCode.INVALID_JSON, "A frame is a JSON object with a type");
            }
            throw new ChatException(ErrorCode.INVALID_FIELD, "Field " + path(e) + " has the wrong type");
        } catch (JsonProcessingException e) {
            throw new ChatException(ErrorCode.INVALID_JSON, "Frame is not valid JSON");
        }
    }

    @Override
    public String encode(ServerFrame frame) {
        try {
            return writer.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parley's own form is the form frames cross the cluster in: nothing to translate. */
    @Override
    public String translate(String parleyText) {
        return parleyText;
    }

    /** A frame this codec encoded, back as the record (for dialects that reshape it). */
    public ServerFrame decodeServerFrame(String parleyText) {
        try {
            return serverReader.readValue(parleyText);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining(".", "'", "'"));
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
