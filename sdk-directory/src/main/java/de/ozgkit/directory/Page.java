package de.ozgkit.directory;

import java.util.List;

/**
 * One page of a paged answer (the search service pages as Spring Data does: zero-based page
 * number, page size, total elements and pages).
 *
 * @param items         the items on this page
 * @param number        the zero-based page number
 * @param size          the page size asked for
 * @param totalElements the number of items on all pages
 * @param totalPages    the number of pages
 * @param <T>           the item type
 */
public record Page<T>(List<T> items, int number, int size, long totalElements, int totalPages) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * @param number the page number asked for
     * @param size   the page size asked for
     * @param <T>    the item type
     * @return an empty page (the answer to "no hit")
     */
    public static <T> Page<T> empty(int number, int size) {
        return new Page<>(List.of(), number, size, 0, 0);
    }

    /** @return whether a page follows this one */
    public boolean hasNext() {
        return number + 1 < totalPages;
    }
}
