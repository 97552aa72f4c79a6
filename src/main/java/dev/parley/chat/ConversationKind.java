package dev.parley.chat;

/** What kind of conversation a row of {@code conversations} is. Stored in lower case. */
public enum ConversationKind {
    DIRECT, GROUP, ROOM;

    /** Maps the enum to the lower-case values the schema's CHECK constraint expects. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Column implements jakarta.persistence.AttributeConverter<ConversationKind, String> {
        @Override
        public String convertToDatabaseColumn(ConversationKind kind) {
            return kind == null ? null : kind.name().toLowerCase();
        }

        @Override
        public ConversationKind convertToEntityAttribute(String value) {
            return value == null ? null : ConversationKind.valueOf(value.toUpperCase());
        }
    }
}
