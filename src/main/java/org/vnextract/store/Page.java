package org.vnextract.store;

import java.util.List;
import org.vnextract.internal.Validate;

/**
 * One page of a longer list: its rows, the total number of rows of the whole list, the page number
 * (from 1) and the page size, so that a caller can show "21–40 of 41" and link the next page.
 *
 * <p>Immutable, thread-safe.
 */
public record Page<T>(long total, int page, int size, List<T> items) {
    public Page {
        Validate.isTrue(page >= 1, "page", "must be at least 1");
        Validate.isTrue(size >= 1, "size", "must be at least 1");
        Validate.notNull(items, "items");
        items = List.copyOf(items);
    }

    /** How many pages the whole list takes (at least 1, so that an empty list is "page 1 of 1"). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }

    /** The row offset of the page's first row. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
