package dev.parley.search;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One page of results, best first. When {@code hasMore}, {@code nextBefore} is
 * the cursor that asks for the next page ({@link SearchCursor}).
 */
@RegisterForReflection
public record SearchPage(List<SearchHit> results, boolean hasMore, String nextBefore) {

    static SearchPage of(List<SearchHit> found, int limit) {
        if (found.size() <= limit) {
            return new SearchPage(found, false, null);
        }
        List<SearchHit> page = found.subList(0, limit);
        SearchHit last = page.getLast();
        return new SearchPage(List.copyOf(page), true, new SearchCursor(last.rank(), last.id()).text());
    }
}
