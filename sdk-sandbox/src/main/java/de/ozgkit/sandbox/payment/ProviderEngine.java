package de.ozgkit.sandbox.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.core.Credentials;
import de.ozgkit.core.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the simulated XBezahldienste provider does, independent of the HTTP server: authenticate,
 * check, create, read, pay and cancel transactions, issue OAuth2 tokens, render the paypage.
 * Thread-safe.
 */
final class ProviderEngine {

    /** An HTTP answer: status, media type, body and extra header fields. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer json(int status, JsonNode node) {
            return new Answer(status, "application/json", bytes(node), Map.of());
        }
    }

    /** How clients authenticate at the API. */
    enum Auth { NONE, BASIC, OAUTH2, MUTUAL_TLS }

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final PaymentProviderSimulator.Options options;
    private final TransactionStore store;
    private final TokenIssuer tokens;
    private final java.util.concurrent.atomic.AtomicInteger unauthorized = new java.util.concurrent.atomic.AtomicInteger();

    ProviderEngine(PaymentProviderSimulator.Options options) {
        this.options = options;
        this.store = new TransactionStore(options.clock(), options.paypageTimeout());
        this.tokens = options.auth() == Auth.OAUTH2
                ? new TokenIssuer(options.clientId(), options.clientSecret(), options.tokenLifetime(), options.clock())
                : null;
    }

    TransactionStore store() {
        return store;
    }

    Optional<TokenIssuer> tokens() {
        return Optional.ofNullable(tokens);
    }

    int unauthorizedCount() {
        return unauthorized.get();
    }

    // ---- API ------------------------------------------------------------------------------

    Answer create(String originatorId, String endPointId, Function<String, Optional<String>> header,
                  boolean clientCertificate, String contentType, byte[] body, URI base) {
        return guarded(() -> {
            authorize(header, clientCertificate);
            context(originatorId, endPointId);
            if (contentType == null || !contentType.equals("application/json")) {
                throw new ProviderProblem(415, "VALIDATION_ERROR", "the body must be application/json, was "
                        + (contentType == null ? "no media type" : "another media type"));
            }
            JsonNode tree;
            try {
                tree = READER.readTree(body);
            } catch (IOException e) {
                throw ProviderProblem.validation("the body is not valid JSON");
            }
            RequestChecks.Checked checked = RequestChecks.check(tree, options.requiredBookingData());
            TransactionStore.Created created = store.create(originatorId, endPointId, checked);
            if (created.existed()) {
                ProviderProblem exists = new ProviderProblem(409, "PAYMENT_EXISTS", "a payment request with this"
                        + " requestId was already placed for this originator");
                if (options.namesExistingTransaction()) {
                    // not part of XBezahldienste 1.0.0: an extension member some providers add
                    exists = new ProviderProblem(409, "PAYMENT_EXISTS", "a payment request with this requestId was"
                            + " already placed for this originator as transaction " + created.transaction().id)
                            .with("transactionId", created.transaction().id);
                }
                throw exists;
            }
            return Answer.json(200, transactionJson(created.transaction(), base));
        });
    }

    Answer get(String originatorId, String endPointId, String transactionId, Function<String, Optional<String>> header,
               boolean clientCertificate, URI base) {
        return guarded(() -> {
            authorize(header, clientCertificate);
            context(originatorId, endPointId);
            TransactionStore.Transaction t = store.find(transactionId)
                    .filter(x -> x.originatorId.equals(originatorId) && x.endPointId.equals(endPointId))
                    .orElseThrow(() -> new ProviderProblem(404, "UNSPECIFIED",
                            "there is no transaction with this id for this originatorId and endPointId"));
            return Answer.json(200, transactionJson(t, base));
        });
    }

    Answer health(String originatorId, String endPointId, Function<String, Optional<String>> header,
                  boolean clientCertificate) {
        return guarded(() -> {
            try {
                authorize(header, clientCertificate);
                context(originatorId, endPointId);
            } catch (ProviderProblem p) {
                // the status call answers 200, 403 or 503 only: missing or wrong credentials and an
                // unknown or malformed pair are all 403 here
                throw p.status() == 503 ? p : new ProviderProblem(403, p.status() == 401 ? "FORBIDDEN" : p.functionalCode(),
                        p.detail());
            }
            if (!options.available().get()) {
                throw new ProviderProblem(503, "UNSPECIFIED", "the payment service is not available now");
            }
            ObjectNode ok = Json.mapper().createObjectNode();
            ok.put("type", "about:blank");
            ok.put("title", "OK");
            ok.put("status", 200);
            ok.put("detail", "the payment service is available for this originatorId and endPointId");
            return new Answer(200, "application/problem+json", bytes(ok), Map.of());
        });
    }

    // ---- OAuth2 token endpoint ------------------------------------------------------------

    Answer token(Function<String, Optional<String>> header, String contentType, byte[] body) {
        if (tokens == null) {
            return oauthError(404, "invalid_request", "this sandbox provider does not use OAuth2");
        }
        if (contentType == null || !contentType.equals("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "the token request must be a form");
        }
        Map<String, String> form = form(body);
        Optional<String> auth = header.apply("Authorization").filter(a -> a.regionMatches(true, 0, "Basic ", 0, 6));
        boolean inForm = form.containsKey("client_secret");
        if (auth.isPresent() && inForm) {
            // RFC 6749 section 2.3: a client must not use more than one authentication method
            return oauthError(400, "invalid_request", "the client authenticated twice, with Basic and in the form");
        }
        Credentials.ClientAuthentication used = auth.isPresent() ? Credentials.ClientAuthentication.CLIENT_SECRET_BASIC
                : Credentials.ClientAuthentication.CLIENT_SECRET_POST;
        if (options.tokenClientAuthentication() != null && used != options.tokenClientAuthentication()) {
            tokens.refusedMethod();
            return new Answer(401, "application/json", bytes(oauthErrorNode("invalid_client", "this provider expects "
                    + options.tokenClientAuthentication().code())), Map.of("WWW-Authenticate",
                    "Basic realm=\"ozgkit-sandbox-payment\""));
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (auth.isPresent()) {
            String[] pair = basic(auth.get());
            if (pair != null) {
                id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
                secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
        if (!tokens.authenticates(id, secret)) {
            return new Answer(401, "application/json", bytes(oauthErrorNode("invalid_client", "unknown client or wrong secret")),
                    Map.of("WWW-Authenticate", "Basic realm=\"ozgkit-sandbox-payment\""));
        }
        Map.Entry<String, Long> token = tokens.issue();
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("access_token", token.getKey());
        n.put("token_type", "Bearer");
        n.put("expires_in", token.getValue());
        return new Answer(200, "application/json", bytes(n), Map.of("Cache-Control", "no-store"));
    }

    // ---- paypage --------------------------------------------------------------------------

    Answer paypage(String transactionId, URI base) {
        Optional<TransactionStore.Transaction> t = store.find(transactionId);
        if (t.isEmpty()) {
            return new Answer(404, "text/html;charset=utf-8",
                    "<!doctype html><title>Not found</title><p>Unknown transaction.</p>".getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
        String html = Paypage.render(t.get(), t.get().state(), paypageUri(base, transactionId).toString());
        return new Answer(200, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store", "Content-Security-Policy", "default-src 'none'; form-action 'self' http: https:"));
    }

    Answer paypageSubmit(String transactionId, String contentType, byte[] body) {
        Optional<TransactionStore.Transaction> found = store.find(transactionId);
        if (found.isEmpty()) {
            return new Answer(404, "text/plain;charset=utf-8", "unknown transaction".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        if (contentType == null || !contentType.equals("application/x-www-form-urlencoded")) {
            return new Answer(415, "text/plain;charset=utf-8", "the paypage expects a form".getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
        TransactionStore.Transaction t = found.get();
        Map<String, String> form = form(body);
        String action = form.getOrDefault("action", "");
        if (action.equals("pay")) {
            String method = form.getOrDefault("paymentMethod", "CREDITCARD").toUpperCase(Locale.ROOT);
            if (!Set.of("GIROPAY", "PAYDIRECT", "CREDITCARD", "PAYPAL", "OTHER").contains(method)) {
                method = "OTHER";
            }
            t.finish(TransactionStore.Status.PAYED, "paid on the sandbox paypage", method, store.now());
        } else if (action.equals("cancel")) {
            t.finish(TransactionStore.Status.CANCELED, "cancelled by the citizen on the sandbox paypage", null, store.now());
        } else {
            return new Answer(400, "text/plain;charset=utf-8", "action must be pay or cancel".getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
        // the return to the online service carries no result: it must poll the status
        return new Answer(303, null, new byte[0], Map.of("Location", t.request.redirectUrl()));
    }

    // ---- helpers --------------------------------------------------------------------------

    private interface Action {
        Answer run();
    }

    private Answer guarded(Action a) {
        try {
            return a.run();
        } catch (ProviderProblem p) {
            if (p.status() == 401) {
                unauthorized.incrementAndGet();
            }
            Map<String, String> headers = p.status() == 401
                    ? Map.of("WWW-Authenticate", "Bearer realm=\"ozgkit-sandbox-payment\"") : Map.of();
            return new Answer(p.status(), "application/problem+json", bytes(problemJson(p)), headers);
        }
    }

    static ObjectNode problemJson(ProviderProblem p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "about:blank");
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.detail());
        n.put("functionalCode", p.functionalCode());
        p.extensions().forEach((k, v) -> n.set(k, Json.mapper().valueToTree(v)));
        return n;
    }

    private void authorize(Function<String, Optional<String>> header, boolean clientCertificate) {
        switch (options.auth()) {
            case NONE:
                return;
            case MUTUAL_TLS:
                if (!clientCertificate) {
                    throw new ProviderProblem(403, "FORBIDDEN", "a client certificate is required");
                }
                return;
            case BASIC: {
                Optional<String> auth = header.apply("Authorization");
                String[] pair = auth.filter(a -> a.regionMatches(true, 0, "Basic ", 0, 6)).map(ProviderEngine::basic).orElse(null);
                if (pair == null || !pair[0].equals(options.basicUser()) || !MessageDigest.isEqual(
                        pair[1].getBytes(StandardCharsets.UTF_8), options.basicPassword().getBytes(StandardCharsets.UTF_8))) {
                    throw new ProviderProblem(401, "FORBIDDEN", auth.isPresent() ? "the Basic credentials are wrong"
                            : "authentication with HTTP Basic is required");
                }
                return;
            }
            case OAUTH2: {
                Optional<String> auth = header.apply("Authorization");
                String token = auth.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).map(a -> a.substring(7).trim())
                        .orElse(null);
                if (!tokens.valid(token)) {
                    throw new ProviderProblem(401, "FORBIDDEN", token == null ? "a bearer token is required"
                            : "the bearer token is unknown, revoked or expired");
                }
                return;
            }
            default:
                throw new IllegalStateException();
        }
    }

    private void context(String originatorId, String endPointId) {
        RequestChecks.pathId("originatorId", originatorId);
        RequestChecks.pathId("endPointId", endPointId);
        String pair = originatorId + "/" + endPointId;
        if (options.forbiddenPairs().contains(pair)) {
            throw new ProviderProblem(403, "FORBIDDEN", "the credentials are not authorised for this originatorId and endPointId");
        }
        if (!options.knownPairs().isEmpty() && !options.knownPairs().contains(pair)) {
            throw new ProviderProblem(400, options.legacyOriginatorCode() ? "NO_VALID_ORIGINATOR_OR_DESTINATION"
                    : "NO_VALID_ORIGINATOR_OR_ENDPOINT", "no client configuration for this originatorId and endPointId");
        }
    }

    private ObjectNode transactionJson(TransactionStore.Transaction t, URI base) {
        TransactionStore.Transaction.State s = t.state();
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode info = root.putObject("paymentInformation");
        info.put("transactionId", t.id);
        info.put("transactionUrl", base + "/paymenttransaction/" + t.originatorId + "/" + t.endPointId + "/" + t.id);
        if (s.status() == TransactionStore.Status.INITIAL) {
            info.put("transactionRedirectUrl", paypageUri(base, t.id).toString());
        }
        info.put("transactionReference", t.reference);
        if (s.status() == TransactionStore.Status.PAYED) {
            // the moment of the successful payment; the standard has no timestamp for other states
            info.put("transactionTimestamp", DateTimeFormatter.ISO_INSTANT.format(s.changed()));
        }
        if (s.paymentMethod() != null) {
            info.put("paymentMethod", s.paymentMethod());
            info.put("paymentMethodDetail", "sandbox");
        }
        info.put("status", s.status().name());
        if (s.statusDetail() != null) {
            info.put("statusDetail", s.statusDetail());
        }
        root.set("paymentRequest", t.echo());
        return root;
    }

    static URI paypageUri(URI base, String transactionId) {
        return URI.create(base + "/paypage/" + transactionId);
    }

    private static String[] basic(String header) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> m = new LinkedHashMap<>();
        String s = new String(body, StandardCharsets.UTF_8);
        for (String part : s.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                m.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // a broken escape: the field is ignored
            }
        }
        return m;
    }

    private static Answer oauthError(int status, String error, String description) {
        return new Answer(status, "application/json", bytes(oauthErrorNode(error, description)), Map.of());
    }

    private static ObjectNode oauthErrorNode(String error, String description) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        return n;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
    }

}
