package de.ozgkit.core.http;

import java.io.IOException;

/**
 * Observes or changes each attempt of a request: add a header, sign the request, record metrics.
 * Interceptors run in the order configured, inside the retry loop, so they see every attempt;
 * authentication runs after them, so an interceptor never sees credentials.
 *
 * <pre>{@code
 * Interceptor tracing = chain -> chain.proceed(chain.request().toBuilder()
 *         .header("traceparent", currentTraceParent()).build());
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Interceptor {

    /**
     * Handles one attempt.
     *
     * @param chain the request and the rest of the chain
     * @return the response, usually {@code chain.proceed(request)}
     * @throws IOException to fail the attempt as an I/O failure
     */
    HttpResponse intercept(Chain chain) throws IOException;

    /** The request of this attempt and the way on. */
    interface Chain {
        /** @return the request of this attempt */
        HttpRequest request();

        /** @return the 1-based attempt number */
        int attempt();

        /**
         * Passes the (possibly changed) request on.
         *
         * @param request the request to send
         * @return the response
         * @throws IOException when no response was received
         */
        HttpResponse proceed(HttpRequest request) throws IOException;
    }
}
