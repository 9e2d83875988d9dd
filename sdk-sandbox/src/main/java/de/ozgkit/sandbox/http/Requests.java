package de.ozgkit.sandbox.http;

import de.ozgkit.sandbox.SandboxException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import de.ozgkit.core.internal.Json;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Static helpers for reading a Jetty {@link Request} where Jetty has none: path parameters of the
 * matched URI template, the media type, the body as JSON, the TLS client certificates. For the
 * rest use Jetty's own: {@code request.getHeaders().get("X-Name")},
 * {@link Request#extractQueryParameters(Request)}, {@link Content.Source#asString(Content.Source)}.
 *
 * <p>What a client got wrong is thrown as Jetty's {@link HttpException.RuntimeException} with
 * status 400 (malformed body or form) or 415 (wrong media type) and a precise reason; a handler
 * lets it propagate and the service's error handler answers it (problem+json by default). A body
 * over the sandbox's limit fails with 413 the same way.
 *
 * <pre>{@code
 * private boolean create(Request request, Response response, Callback callback) {
 *     String originatorId = Requests.pathParam(request, "originatorId");
 *     NewItem item = Requests.json(request, NewItem.class);     // 400 / 415 / 413 problems
 *     Responses.json(response, callback, 201, store.add(originatorId, item));
 *     return true;
 * }
 * }</pre>
 */
public final class Requests {

    private static final int MAX_DETAIL = 300;

    private Requests() {
    }

    /**
     * Returns a path parameter of the URI template the request matched, percent-decoded.
     *
     * @param request the request as the route's handler received it
     * @param name    the name in the template, e.g. {@code id} for {@code /items/{id}}
     * @return the decoded value, never empty
     * @throws SandboxException if the matched template has no such parameter, or the request did not come
     *                          through a URI template route of {@code SandboxContext.routes()}
     */
    public static String pathParam(Request request, String name) {
        UriTemplatePathSpec template = template(request);
        String raw = template.getPathParams(Request.getPathInContext(request)).get(name);
        if (raw == null) {
            throw new SandboxException("route " + template.getDeclaration() + " has no path parameter {" + name + "}", null);
        }
        return URIUtil.decodePath(raw);
    }

    /**
     * Returns all path parameters of the URI template the request matched, percent-decoded.
     *
     * @param request the request as the route's handler received it
     * @return the parameters by name in template order (unmodifiable)
     * @throws SandboxException if the request did not come through a URI template route
     */
    public static Map<String, String> pathParams(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        template(request).getPathParams(Request.getPathInContext(request)).forEach((k, v) -> out.put(k, URIUtil.decodePath(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * @param request the request
     * @return the media type of the body without parameters, in lower case, e.g.
     *         {@code application/json}; empty when the request has no {@code Content-Type}
     */
    public static Optional<String> mediaType(Request request) {
        String value = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (value == null) {
            return Optional.empty();
        }
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? Optional.empty() : Optional.of(type);
    }

    /**
     * Reads the whole body (within the sandbox's size limit).
     *
     * @param request the request
     * @return the bytes, empty when there is no body
     * @throws HttpException.RuntimeException 413 over the limit, 400 if the body cannot be read
     */
    public static byte[] body(Request request) {
        try {
            return BufferUtil.toArray(Content.Source.asByteBuffer(request));
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException h) {
                    throw new HttpException.RuntimeException(h.getCode(), h.getReason());
                }
            }
            throw new HttpException.RuntimeException(400, "request body could not be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads a JSON body into a type (records, maps, Jackson-annotated classes).
     *
     * @param request the request
     * @param type    the target type
     * @param <T>     the target type
     * @return the value
     * @throws HttpException.RuntimeException 415 if the media type is not JSON ({@code application/json}
     *                                        or {@code +json}), 400 if the body is empty, malformed or
     *                                        does not fit the type (with line and column), 413 over the limit
     */
    public static <T> T json(Request request, Class<T> type) {
        byte[] body = jsonBody(request);
        try {
            return Json.mapper().readValue(body, type);
        } catch (MismatchedInputException e) {
            throw badRequest("request body does not fit the expected JSON shape" + at(e.getLocation()) + ": "
                    + shorten(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw badRequest("request body could not be read as JSON");
        }
    }

    /**
     * Reads a JSON body as a tree.
     *
     * @param request the request
     * @return the tree
     * @throws HttpException.RuntimeException 415 if the media type is not JSON, 400 if the body is
     *                                        empty or malformed, 413 over the limit
     */
    public static JsonNode jsonTree(Request request) {
        byte[] body = jsonBody(request);
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw badRequest("request body could not be read as JSON");
        }
    }

    /**
     * Reads an {@code application/x-www-form-urlencoded} body (an HTML form POST) with Jetty's
     * {@link FormFields}.
     *
     * @param request the request
     * @return the fields in the order sent
     * @throws HttpException.RuntimeException 415 if the media type is not a form, 400 if the
     *                                        encoding is broken, 413 over the limit
     */
    public static Fields form(Request request) {
        String type = mediaType(request).orElse("");
        if (!type.equals("application/x-www-form-urlencoded")) {
            throw new HttpException.RuntimeException(415,
                    "send the form as application/x-www-form-urlencoded, was " + (type.isEmpty() ? "no content type" : type));
        }
        try {
            return FormFields.getFields(request);
        } catch (HttpException.RuntimeException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException h) {
                    throw new HttpException.RuntimeException(h.getCode(), h.getReason());
                }
            }
            throw badRequest("form body is not valid URL encoding: " + shorten(e.getMessage()));
        }
    }

    /**
     * Returns the query parameters with Jetty's {@link Request#extractQueryParameters(Request)}.
     *
     * @param request the request
     * @return the parameters in the order sent
     * @throws HttpException.RuntimeException 400 if the query's encoding is broken
     */
    public static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (HttpException.RuntimeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw badRequest("query string is not valid URL encoding: " + shorten(e.getMessage()));
        }
    }

    /**
     * @param request the request
     * @return the certificate chain the TLS client presented, leaf first; empty without one
     */
    public static List<X509Certificate> clientCertificates(Request request) {
        EndPoint.SslSessionData ssl = request.getConnectionMetaData().getConnection().getEndPoint().getSslSessionData();
        X509Certificate[] chain = ssl == null ? null : ssl.peerCertificates();
        return chain == null ? List.of() : List.of(chain);
    }

    private static UriTemplatePathSpec template(Request request) {
        if (request.getAttribute(PathMappingsHandler.PATHSPEC_ATTR) instanceof UriTemplatePathSpec template) {
            return template;
        }
        throw new SandboxException("the request did not match a URI template route; declare the route with "
                + "context.routes().addMapping(new UriTemplatePathSpec(\"/items/{id}\"), handler)", null);
    }

    private static byte[] jsonBody(Request request) {
        String type = mediaType(request).orElse("");
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new HttpException.RuntimeException(415,
                    "send the body as application/json, was " + (type.isEmpty() ? "no content type" : type));
        }
        byte[] body = body(request);
        if (body.length == 0) {
            throw badRequest("request body is empty; send a JSON document");
        }
        return body;
    }

    private static HttpException.RuntimeException badRequest(String reason) {
        return new HttpException.RuntimeException(400, reason);
    }

    private static HttpException.RuntimeException malformed(JsonProcessingException e) {
        return badRequest("request body is not well-formed JSON" + at(e.getLocation()) + ": " + shorten(e.getOriginalMessage()));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String oneLine = message.replace('\r', ' ').replace('\n', ' ');
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
