package de.ozgkit.sandbox.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP surface of the simulated submission service as plain Jetty 12 handlers: the token
 * endpoint, the submission API v1 (paths, methods, media types and status codes as the public API
 * description defines them) and the service's JWKS. Bodies are streamed: attachments go to disk on
 * upload and from disk on download.
 */
final class FitConnectHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest JSON body accepted (the encrypted data travels inline). */
    private static final int MAX_JSON_BYTES = 128 * 1024 * 1024;

    /** The service's state, made on first use (its keys take seconds to generate). */
    record Core(SubmissionStore store, Tokens tokens, ServiceKeys keys) {
    }

    private final java.util.function.Supplier<Core> core;
    private final String base;
    private final FitConnectSimulator simulator;

    private SubmissionStore store() {
        return core.get().store();
    }

    private Tokens tokens() {
        return core.get().tokens();
    }

    @FunctionalInterface
    private interface Action {
        void run(Request request, Response response, Map<String, String> path) throws Exception;
    }

    /**
     * Declares the service's routes (relative to its base) on the sandbox's routes of the service.
     *
     * @param routes the service's routes ({@code SandboxContext.routes()})
     * @param core   supplies the state, made on first use
     * @param base   the base URI's text, for messages
     * @param sim    the simulator, for the sandbox-only information resource
     */
    FitConnectHandler(PathMappingsHandler routes, java.util.function.Supplier<Core> core, String base,
                      FitConnectSimulator sim) {
        this.core = core;
        this.base = base;
        this.simulator = sim;
        String api = "/submission-api";
        route(routes, "/token", "POST", this::token);
        route(routes, api + "/.well-known/jwks.json", "GET", (q, r, p) -> json(r, 200,
                core.get().keys().jwks().getBytes(StandardCharsets.UTF_8)));
        route(routes, api + "/v1/destinations/{destinationId}", "GET", (q, r, p) -> {
            client(q);
            json(r, 200, store().destination(uuid(p, "destinationId")));
        });
        route(routes, api + "/v1/destinations/{destinationId}/keys/{keyId}", "GET", (q, r, p) -> {
            client(q);
            json(r, 200, store().key(uuid(p, "destinationId"), p.get("keyId")).getBytes(StandardCharsets.UTF_8));
        });
        route(routes, api + "/v1/submissions", "POST", (q, r, p) ->
                json(r, 201, store().create(client(q), jsonBody(q))));
        route(routes, api + "/v1/submissions", "GET", (q, r, p) -> {
            Map<String, String> query = query(q);
            json(r, 200, store().list(client(q), SubmissionStore.parseUuid(query.get("destinationId"), "destinationId"),
                    number(query, "offset", 0, Integer.MAX_VALUE, 0), number(query, "limit", 1, 500, 100)));
        });
        route(routes, api + "/v1/submissions/{submissionId}", "GET", (q, r, p) ->
                json(r, 200, store().submission(client(q), uuid(p, "submissionId"))));
        route(routes, api + "/v1/submissions/{submissionId}", "PUT", (q, r, p) ->
                json(r, 202, store().submit(client(q), uuid(p, "submissionId"), jsonBody(q))));
        route(routes, api + "/v1/submissions/{submissionId}/attachments/{attachmentId}", "PUT", (q, r, p) -> {
            SubmissionStore.Client c = client(q);
            mediaType(q, "application/jose");
            try (InputStream in = Content.Source.asInputStream(q)) {
                store().storeAttachment(c, uuid(p, "submissionId"), uuid(p, "attachmentId"), in);
            }
            empty(r, 204);
        });
        route(routes, api + "/v1/submissions/{submissionId}/attachments/{attachmentId}", "GET", (q, r, p) -> {
            Path file = store().attachment(client(q), uuid(p, "submissionId"), uuid(p, "attachmentId"));
            r.setStatus(200);
            r.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/jose");
            r.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
            try (OutputStream out = Content.Sink.asOutputStream(r)) {
                Files.copy(file, out);
            }
        });
        route(routes, api + "/v1/cases/{caseId}/events", "GET", (q, r, p) -> {
            Map<String, String> query = query(q);
            json(r, 200, store().events(client(q), uuid(p, "caseId"), number(query, "offset", 0, Integer.MAX_VALUE, 0),
                    number(query, "limit", 1, 500, 100)));
        });
        route(routes, api + "/v1/cases/{caseId}/events", "POST", (q, r, p) -> {
            SubmissionStore.Client c = client(q);
            mediaType(q, "application/jose");
            store().postEvent(c, uuid(p, "caseId"), new String(read(q, 1024 * 1024), StandardCharsets.US_ASCII));
            empty(r, 202);
        });
        route(routes, "/sandbox/destinations", "GET", (q, r, p) -> json(r, 200, simulator.sandboxInfo()));
    }

    private final Map<String, Map<String, Action>> table = new HashMap<>();

    private void route(PathMappingsHandler routes, String template, String method, Action action) {
        Map<String, Action> methods = table.get(template);
        if (methods == null) {
            methods = new HashMap<>();
            table.put(template, methods);
            UriTemplatePathSpec spec = new UriTemplatePathSpec(template);
            Map<String, Action> byMethod = methods;
            routes.addMapping(spec, new Handler.Abstract(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING) {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    serve(request, response, callback, byMethod, spec.getPathParams(Request.getPathInContext(request)));
                    return true;
                }
            });
        }
        methods.put(method, action);
    }

    private void serve(Request request, Response response, Callback callback, Map<String, Action> byMethod,
                       Map<String, String> path) {
        try {
            Action a = byMethod.get(request.getMethod());
            if (a == null) {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", byMethod.keySet()));
                throw new ApiProblem(405, "method-not-allowed", "Method not allowed",
                        request.getMethod() + " is not allowed here");
            }
            a.run(request, response, path == null ? Map.of() : path);
            callback.succeeded();
        } catch (ApiProblem e) {
            if (!response.isCommitted()) {
                problem(response, e);
            }
            callback.succeeded();
        } catch (OAuthError e) {
            json(response, e.status, JSON.createObjectNode().put("error", e.error).put("error_description", e.getMessage()));
            callback.succeeded();
        } catch (Exception e) {
            if (!response.isCommitted()) {
                problem(response, new ApiProblem(500, "internal-server-error", "Internal server error",
                        "the simulator failed: " + e.getClass().getSimpleName()));
                callback.succeeded();
            } else {
                callback.failed(e);
            }
        }
    }

    /** An OAuth 2.0 error answer of the token endpoint (RFC 6749 section 5.2). */
    private static final class OAuthError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        OAuthError(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }
    }

    private void token(Request q, Response r, Map<String, String> p) throws IOException {
        String ct = q.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthError(400, "invalid_request", "the token request must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseForm(new String(read(q, 16 * 1024), StandardCharsets.US_ASCII));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new OAuthError(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String token = tokens().issue(form.get("client_id"), form.get("client_secret"));
        if (token == null) {
            throw new OAuthError(401, "invalid_client", "client_id and client_secret in the form body do not match a"
                    + " registered client");
        }
        ObjectNode o = JSON.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", tokens().lifetime().toSeconds());
        if (form.containsKey("scope")) {
            o.put("scope", form.get("scope"));
        }
        r.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        json(r, 200, o);
    }

    private SubmissionStore.Client client(Request q) {
        SubmissionStore.Client c = tokens().client(q.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (c == null) {
            throw new ApiProblem(401, "unauthorized", "Unauthorized", "a valid bearer token from " + base
                    + "/token is required");
        }
        return c;
    }

    private static UUID uuid(Map<String, String> path, String name) {
        return SubmissionStore.parseUuid(path.get(name), name);
    }

    private static void mediaType(Request q, String expected) {
        String ct = q.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (ct == null || !ct.split(";", 2)[0].trim().equalsIgnoreCase(expected)) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "the body must be " + expected);
        }
    }

    private static JsonNode jsonBody(Request q) throws IOException {
        mediaType(q, "application/json");
        JsonNode n;
        try {
            n = JSON.readTree(read(q, MAX_JSON_BYTES));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiProblem.invalid("the body is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (n == null || !n.isObject()) {
            throw ApiProblem.invalid("the body must be a JSON object");
        }
        return n;
    }

    private static byte[] read(Request q, int max) throws IOException {
        if (q.getLength() > max) {
            throw new ApiProblem(413, "payload-too-large", "Payload too large", "the body exceeds " + max + " bytes");
        }
        try (InputStream in = Content.Source.asInputStream(q)) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                throw new ApiProblem(413, "payload-too-large", "Payload too large", "the body exceeds " + max + " bytes");
            }
            return b;
        }
    }

    private static Map<String, String> query(Request q) {
        return parseForm(q.getHttpURI().getQuery());
    }

    private static Map<String, String> parseForm(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (out.putIfAbsent(k, v) != null) {
                    throw ApiProblem.invalid("parameter " + k + " is given twice");
                }
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("the query or form is not valid URL encoding");
            }
        }
        return out;
    }

    private static int number(Map<String, String> query, String name, int min, int max, int dflt) {
        String v = query.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.invalid(name + " must be a number from " + min + " to " + max);
    }

    private static void json(Response r, int status, JsonNode body) {
        try {
            json(r, status, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(Response r, int status, byte[] body) {
        write(r, status, "application/json", body);
    }

    private static void empty(Response r, int status) {
        r.setStatus(status);
        r.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    }

    static void problem(Response r, ApiProblem p) {
        ObjectNode o = JSON.createObjectNode().put("type", p.type).put("title", p.title).put("status", p.status)
                .put("detail", p.getMessage());
        try {
            write(r, p.status, "application/problem+json", JSON.writeValueAsBytes(o));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Response r, int status, String contentType, byte[] body) {
        r.setStatus(status);
        r.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        r.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (OutputStream out = Content.Sink.asOutputStream(r)) {
            out.write(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
