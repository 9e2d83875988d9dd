package de.ozgkit.sandbox.http;

/**
 * Answers the requests of one route.
 *
 * <p>A handler returns a {@link Reply} or throws {@link ProblemException} for an answer in the
 * {@code application/problem+json} shape; any other exception becomes a 500 problem without
 * internal details. Handlers run on the server's worker threads, possibly concurrently, and must
 * be thread-safe.
 */
@FunctionalInterface
public interface RouteHandler {

    /**
     * Handles one request.
     *
     * @param request the request with its path parameters and body
     * @return the reply to send
     * @throws ProblemException to answer with a problem detail
     */
    Reply handle(RouteRequest request);
}
