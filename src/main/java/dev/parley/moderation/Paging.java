package dev.parley.moderation;

import dev.parley.error.ChatException;
import dev.parley.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

/** Page sizes and cursors of the admins' lists. */
@ApplicationScoped
class Paging {

    private final ModerationConfig config;

    Paging(ModerationConfig config) {
        this.config = config;
    }

    /** The page size for {@code limit}: the default when absent, at most the maximum; below 1 is refused. */
    int size(Integer limit) {
        if (limit == null) {
            return config.pageDefaultLimit();
        }
        if (limit < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, "limit must be at least 1");
        }
        return Math.min(limit, config.pageMaxLimit());
    }

    /** A cursor (an id) is absent or positive. */
    static Long cursor(String name, Long id) {
        if (id != null && id < 1) {
            throw new ChatException(ErrorCode.INVALID_FIELD, name + " must be positive");
        }
        return id;
    }
}
