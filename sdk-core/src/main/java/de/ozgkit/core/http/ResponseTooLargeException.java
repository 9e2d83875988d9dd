package de.ozgkit.core.http;

import java.io.IOException;

/**
 * The answer's body is larger than the client accepts ({@code OzgClientConfig.maxResponseBytes}).
 * Thrown by an {@link HttpTransport}; the exchange was aborted at the limit and its connection
 * discarded, so the rest of the body was not read. ozgkit's clients report it as an
 * {@link de.ozgkit.core.OzgClientException} of kind {@code PROTOCOL} and do not retry.
 */
public class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int limit;

    /**
     * Creates the exception.
     *
     * @param limit    the largest accepted body in bytes
     * @param declared the length the server announced in {@code Content-Length}, -1 when it announced none
     */
    public ResponseTooLargeException(int limit, long declared) {
        super(declared >= 0
                ? "the answer announces a body of " + declared + " bytes, more than the limit of " + limit
                        + " bytes (OzgClientConfig.maxResponseBytes); it was not read"
                : "the answer's body grew beyond the limit of " + limit + " bytes (OzgClientConfig.maxResponseBytes);"
                        + " reading stopped there");
        this.limit = limit;
    }

    /** @return the largest accepted body in bytes */
    public int limit() {
        return limit;
    }
}
