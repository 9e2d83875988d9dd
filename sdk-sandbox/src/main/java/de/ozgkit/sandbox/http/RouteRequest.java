package de.ozgkit.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a {@link RouteHandler} sees it: method, path relative to the service's base
 * path, path parameters from the route template, query, headers, the body (read completely, within
 * the sandbox's size limit) and the TLS client certificate chain.
 *
 * <p>The body readers {@link #json(Class)}, {@link #jsonTree()} and {@link #form()} throw
 * {@link ProblemException} with status 400 (malformed), 415 (wrong media type) so that a handler can
 * let them propagate and the client gets a precise problem detail.
 *
 * <p>Instances belong to one request and one thread.
 */
public interface RouteRequest {

    /** @return the HTTP method in upper case, e.g. {@code POST} */
    String method();

    /**
     * @return the decoded path relative to the service's base path, starting with {@code /}
     *         ({@code /} for the base path itself)
     */
    String path();

    /** @return the route template that matched, e.g. {@code /payments/{id}} */
    String template();

    /**
     * Returns a path parameter.
     *
     * @param name the name in the template, e.g. {@code id} for {@code /payments/{id}}
     * @return the decoded value
     * @throws IllegalArgumentException if the template has no such parameter
     */
    String pathParam(String name);

    /** @return all path parameters by name (unmodifiable) */
    Map<String, String> pathParams();

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the parameter name
     * @return the decoded value, empty when absent
     */
    Optional<String> queryParam(String name);

    /** @return all query parameters with all their values (unmodifiable) */
    Map<String, List<String>> queryParams();

    /**
     * Returns the first value of a header, matching the name case-insensitively.
     *
     * @param name the header name
     * @return the value, empty when absent
     */
    Optional<String> header(String name);

    /**
     * Returns all values of a header, matching the name case-insensitively.
     *
     * @param name the header name
     * @return the values in order, empty when absent
     */
    List<String> headers(String name);

    /** @return the media type of the body without parameters, lower case; empty when not sent */
    Optional<String> contentType();

    /** @return a copy of the body bytes, empty when there is no body */
    byte[] body();

    /** @return the body decoded as UTF-8 (malformed sequences replaced) */
    String bodyAsString();

    /**
     * Reads the body as JSON into a type (records, maps, Jackson-annotated classes).
     *
     * @param type the target type
     * @param <T>  the target type
     * @return the value
     * @throws ProblemException 415 if the content type is not JSON, 400 if the body is empty,
     *                          malformed or does not fit the type
     */
    <T> T json(Class<T> type);

    /**
     * Reads the body as a JSON tree.
     *
     * @return the tree
     * @throws ProblemException 415 if the content type is not JSON, 400 if the body is empty or malformed
     */
    JsonNode jsonTree();

    /**
     * Reads an {@code application/x-www-form-urlencoded} body (an HTML form POST).
     *
     * @return the fields with all their values (unmodifiable)
     * @throws ProblemException 415 if the content type is not a form, 400 if the encoding is broken
     */
    Map<String, List<String>> form();

    /** @return the certificate chain the TLS client presented, leaf first; empty without one */
    List<X509Certificate> clientCertificates();

    /** @return whether the request came over TLS */
    boolean secure();

    /**
     * @return the absolute base URI of the service that received the request, without trailing
     *         slash, e.g. {@code http://127.0.0.1:8080/payment}; for building absolute links
     */
    URI serviceBaseUri();

    /** @return the absolute URI of the request as received, including the query */
    URI requestUri();
}
