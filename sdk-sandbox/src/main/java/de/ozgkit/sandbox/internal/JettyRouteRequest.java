package de.ozgkit.sandbox.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.http.ProblemException;
import de.ozgkit.sandbox.http.RouteRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A {@link RouteRequest} over values taken from a Jetty request. */
final class JettyRouteRequest implements RouteRequest {

    private static final int MAX_DETAIL = 300;

    private final String method;
    private final String path;
    private final String template;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final Function<String, List<String>> headerLookup;
    private final byte[] body;
    private final List<X509Certificate> clientCertificates;
    private final boolean secure;
    private final URI serviceBaseUri;
    private final URI requestUri;

    JettyRouteRequest(String method, String path, String template, Map<String, String> pathParams,
                      Map<String, List<String>> query, Function<String, List<String>> headerLookup, byte[] body,
                      List<X509Certificate> clientCertificates, boolean secure, URI serviceBaseUri, URI requestUri) {
        this.method = method;
        this.path = path;
        this.template = template;
        this.pathParams = pathParams;
        this.query = query;
        this.headerLookup = headerLookup;
        this.body = body;
        this.clientCertificates = clientCertificates;
        this.secure = secure;
        this.serviceBaseUri = serviceBaseUri;
        this.requestUri = requestUri;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + template + " has no path parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public Map<String, String> pathParams() {
        return pathParams;
    }

    @Override
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public Map<String, List<String>> queryParams() {
        return query;
    }

    @Override
    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = headerLookup.apply(name);
        return values == null ? List.of() : values;
    }

    @Override
    public Optional<String> contentType() {
        return header("Content-Type").map(v -> {
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }).filter(v -> !v.isEmpty());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public <T> T json(Class<T> type) {
        requireJson();
        try {
            return Json.mapper().readValue(body, type);
        } catch (MismatchedInputException e) {
            throw new ProblemException(400, "Bad Request", "request body does not fit the expected JSON shape"
                    + at(e.getLocation()) + ": " + shorten(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "request body could not be read as JSON");
        }
    }

    @Override
    public JsonNode jsonTree() {
        requireJson();
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "request body could not be read as JSON");
        }
    }

    @Override
    public Map<String, List<String>> form() {
        String type = contentType().orElse("");
        if (!type.equals("application/x-www-form-urlencoded")) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "send the form as application/x-www-form-urlencoded, was " + (type.isEmpty() ? "no content type" : type));
        }
        try {
            return parseUrlEncoded(bodyAsString());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "form body is not valid URL encoding: " + e.getMessage());
        }
    }

    @Override
    public List<X509Certificate> clientCertificates() {
        return clientCertificates;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public URI serviceBaseUri() {
        return serviceBaseUri;
    }

    @Override
    public URI requestUri() {
        return requestUri;
    }

    /** Parses {@code a=1&b=2&a=3}; '+' is a space. */
    static Map<String, List<String>> parseUrlEncoded(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PathCodec.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : PathCodec.decode(pair.substring(eq + 1), true);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    private void requireJson() {
        String type = contentType().orElse("");
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "send the body as application/json, was " + (type.isEmpty() ? "no content type" : type));
        }
        if (body.length == 0) {
            throw new ProblemException(400, "Bad Request", "request body is empty; send a JSON document");
        }
    }

    private static ProblemException malformed(JsonProcessingException e) {
        return new ProblemException(400, "Bad Request", "request body is not well-formed JSON"
                + at(e.getLocation()) + ": " + shorten(e.getOriginalMessage()));
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
